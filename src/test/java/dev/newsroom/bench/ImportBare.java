package dev.newsroom.bench;

import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.local.wordpress.ImportDatabase;
import dev.newsroom.local.wordpress.WordPressImport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor under the import's speed: bare {@code BatchWriteItem} calls storing the very items an import left in
 * its table, 25 a call, {@link WordPressImport#WRITERS} calls at once, into the same kind of table on a fresh
 * DynamoDB Local, with nothing read, parsed, ordered or counted.
 */
final class ImportBare {
    private static final int PER_CALL = 25;

    private ImportBare() {
    }

    /** Seconds to store {@code items} into table {@code table} of a DynamoDB Local of their own. */
    static double seconds(List<Map<String, AttributeValue>> items, String table) throws Exception {
        try (FreshDynamoDbLocal db = FreshDynamoDbLocal.start()) {
            AppConfig config = AppConfig.from(Map.of("AWS_ENDPOINT_URL_DYNAMODB", db.endpoint(), "TABLE_NAME", table)::get);
            DynamoDbClient client = ImportDatabase.batchJobClient(config);
            new AppContext(config, client, Clock.systemUTC()).ensureTable();
            ExecutorService calls = Executors.newFixedThreadPool(WordPressImport.WRITERS);
            try {
                List<Future<?>> sent = new ArrayList<>();
                long start = System.nanoTime();
                for (int from = 0; from < items.size(); from += PER_CALL) {
                    List<Map<String, AttributeValue>> call = items.subList(from, Math.min(items.size(), from + PER_CALL));
                    sent.add(calls.submit(() -> write(client, table, call)));
                }
                for (Future<?> call : sent) {
                    call.get();
                }
                return (System.nanoTime() - start) / 1e9;
            } finally {
                calls.shutdownNow();
            }
        }
    }

    /** One call, repeated for what DynamoDB leaves unprocessed. */
    private static void write(DynamoDbClient client, String table, List<Map<String, AttributeValue>> items) {
        List<WriteRequest> batch = items.stream().map(i -> WriteRequest.builder().putRequest(p -> p.item(i)).build()).toList();
        Map<String, List<WriteRequest>> requests = Map.of(table, batch);
        while (!requests.isEmpty()) {
            Map<String, List<WriteRequest>> sending = requests;
            requests = client.batchWriteItem(b -> b.requestItems(sending)).unprocessedItems();
        }
    }
}
