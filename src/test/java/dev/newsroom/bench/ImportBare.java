package dev.newsroom.bench;

import dev.newsroom.adapter.out.dynamodb.CommentItems;
import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentHtml;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.local.wordpress.ImportDatabase;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor under the import's speed: the bare {@code BatchWriteItem} calls that store the same items (each
 * comment and its duplicate mark, 24 to a call, as many calls at once as the import makes), into the same kind of
 * table, with nothing read, parsed or counted.
 */
final class ImportBare {
    /** Comments a call: each with its mark, 24 items of the 25 a call may hold. */
    private static final int PER_CALL = 12;

    private ImportBare() {
    }

    /**
     * Comments stored per second by bare batch writes of {@code comments} comments and their marks, into a DynamoDB
     * Local of their own, so that they start, as the import did, from an empty table on a fresh server.
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

    private static double commentsPerSecond(String endpoint, int comments) throws Exception {
        AppConfig config = AppConfig.from(Map.of("AWS_ENDPOINT_URL_DYNAMODB", endpoint, "TABLE_NAME", "import-bare")::get);
        DynamoDbClient client = ImportDatabase.batchJobClient(config);
        new AppContext(config, client, Clock.systemUTC()).ensureTable();
        ExecutorService calls = Executors.newFixedThreadPool(WordPressImport.WRITERS);
        try {
            List<Future<?>> sent = new ArrayList<>();
            long start = System.nanoTime();
            for (int from = 0; from < comments; from += PER_CALL) {
                int first = from;
                sent.add(calls.submit(() -> write(client, config.tableName(), first, Math.min(comments, first + PER_CALL))));
            }
            for (Future<?> call : sent) {
                call.get();
            }
            return comments / ((System.nanoTime() - start) / 1e9);
        } finally {
            calls.shutdownNow();
        }
    }

    /** One call: comments {@code from} (inclusive) to {@code to}, each with its mark, repeated for what is left. */
    private static void write(DynamoDbClient client, String table, int from, int to) {
        Instant at = Instant.parse("2020-01-01T00:00:00Z");
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String content = "A comment of ordinary length, a sentence or two about the story, number " + i;
            Comment c = new Comment(String.format("01J%023d", i), "post-" + (i / 100), null, 1, "Reader " + i,
                    "reader" + i + "@example.com", null, content, CommentStatus.APPROVED, "192.0.2.1", null, at, at,
                    null, null, 1, null, CommentHtml.format(content), false);
            batch.add(WriteRequest.builder().putRequest(p -> p.item(CommentItems.item(c, 10))).build());
            batch.add(WriteRequest.builder().putRequest(p -> p.item(CommentItems.duplicateMark(c))).build());
        }
        Map<String, List<WriteRequest>> requests = Map.of(table, batch);
        while (!requests.isEmpty()) {
            Map<String, List<WriteRequest>> sending = requests;
            requests = client.batchWriteItem(b -> b.requestItems(sending)).unprocessedItems();
        }
    }
}
