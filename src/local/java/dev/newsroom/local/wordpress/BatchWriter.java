package dev.newsroom.local.wordpress;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes one step of items with {@code BatchWriteItem}, 25 a call, each call repeated for its
 * {@code UnprocessedItems} with exponential backoff and jitter, and returns once every item is stored, so the
 * caller's next step (replies after their parents) never lands before this one. Two writes of one key in a step
 * keep the later (DynamoDB refuses a call naming a key twice).
 */
final class BatchWriter {
    static final int BATCH = 25;
    private static final int MAX_ATTEMPTS = 12;
    private final DynamoDbClient client;
    private final String table;

    BatchWriter(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** A step being gathered: puts and deletes by key, the later write of a key replacing the earlier. */
    static final class Step {
        private final Map<String, WriteRequest> requests = new LinkedHashMap<>();

        void put(Map<String, AttributeValue> item) {
            String key = keyOf(item);
            requests.remove(key);
            requests.put(key, WriteRequest.builder().putRequest(b -> b.item(item)).build());
        }

        void delete(Map<String, AttributeValue> key) {
            String name = keyOf(key);
            requests.remove(name);
            requests.put(name, WriteRequest.builder().deleteRequest(b -> b.key(key)).build());
        }

        private static String keyOf(Map<String, AttributeValue> item) {
            return item.get("pk").s() + "\u0000" + item.get("sk").s();
        }
    }

    void write(Step step) {
        List<WriteRequest> all = new ArrayList<>(step.requests.values());
        for (int from = 0; from < all.size(); from += BATCH) {
            writeBatch(all.subList(from, Math.min(all.size(), from + BATCH)));
        }
    }

    private void writeBatch(List<WriteRequest> requests) {
        List<WriteRequest> left = requests;
        for (int attempt = 1; !left.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new IllegalStateException("DynamoDB left " + left.size() + " writes unprocessed after "
                        + MAX_ATTEMPTS + " attempts (throughput exceeded?)");
            }
            if (attempt > 1) {
                sleep(attempt);
            }
            List<WriteRequest> sending = left;
            var response = client.batchWriteItem(b -> b.requestItems(Map.of(table, sending)));
            left = response.unprocessedItems().getOrDefault(table, List.of());
        }
    }

    /** 50 ms, doubling, at most 5 s, with jitter. */
    private static void sleep(int attempt) {
        long cap = Math.min(5_000, 50L << Math.min(attempt - 2, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying unprocessed writes", e);
        }
    }
}
