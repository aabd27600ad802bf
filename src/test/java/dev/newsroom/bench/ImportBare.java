package dev.newsroom.bench;

import dev.newsroom.adapter.out.dynamodb.CommentItems;
import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentHtml;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.local.wordpress.WordPressImport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.net.ServerSocket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The floor under the import's speed: the bare {@code BatchWriteItem} calls that store the same items (each
 * comment and its duplicate mark, 24 to a call, on one thread), into the same kind of table, with nothing read,
 * parsed or counted.
 */
final class ImportBare {
    private ImportBare() {
    }

    /**
     * Comments stored per second by bare batch writes of {@code comments} comments and their marks, into a DynamoDB
     * Local of their own: one that has already stored an import writes several times slower, so sharing the
     * import's would understate the floor.
     */
    static double commentsPerSecond(int comments) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DynamoDBProxyServer db = ServerRunner.createServerFromCommandLineArgs(
                new String[]{"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
        db.start();
        try {
            return commentsPerSecond("http://127.0.0.1:" + port, comments);
        } finally {
            db.stop();
        }
    }

    private static double commentsPerSecond(String endpoint, int comments) {
        AppConfig config = AppConfig.from(Map.of("AWS_ENDPOINT_URL_DYNAMODB", endpoint, "TABLE_NAME", "import-bare")::get);
        DynamoDbClient client = WordPressImport.batchJobClient(config);
        new AppContext(config, client, Clock.systemUTC()).ensureTable();
        Instant at = Instant.parse("2020-01-01T00:00:00Z");
        List<WriteRequest> batch = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < comments; i++) {
            String content = "A comment of ordinary length, a sentence or two about the story, number " + i;
            Comment c = new Comment(String.format("01J%023d", i), "post-" + (i / 100), null, 1, "Reader " + i,
                    "reader" + i + "@example.com", null, content, CommentStatus.APPROVED, "192.0.2.1", null, at, at,
                    null, null, 1, null, CommentHtml.format(content), false);
            batch.add(WriteRequest.builder().putRequest(p -> p.item(CommentItems.item(c, 10))).build());
            batch.add(WriteRequest.builder().putRequest(p -> p.item(CommentItems.duplicateMark(c))).build());
            if (batch.size() >= 24 || i == comments - 1) {
                Map<String, List<WriteRequest>> requests = Map.of(config.tableName(), List.copyOf(batch));
                while (!requests.isEmpty()) {
                    Map<String, List<WriteRequest>> sending = requests;
                    requests = client.batchWriteItem(b -> b.requestItems(sending)).unprocessedItems();
                }
                batch.clear();
            }
        }
        return comments / ((System.nanoTime() - start) / 1e9);
    }
}
