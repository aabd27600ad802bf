package dev.newsroom.local.wordpress;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes items with {@code BatchWriteItem}, 25 at a time, a few batches in flight at once, each retried for
 * its {@code UnprocessedItems} with exponential backoff and jitter. Order where it matters: an item written
 * "after" some keys is sent only once the batches holding those keys are stored (a reply after its parent, a
 * comment after its duplicate mark), so an interruption never leaves a reply without its parent. Two writes of
 * one key keep their order too, the later one winning. The first failure stops every later write and is thrown.
 */
final class BatchWriter implements AutoCloseable {
    static final int BATCH = 25;
    private static final int MAX_ATTEMPTS = 12;
    private final DynamoDbClient client;
    private final String table;
    private final ExecutorService pool;
    private final Semaphore inFlightSlots;
    private final LinkedHashMap<String, WriteRequest> pending = new LinkedHashMap<>();
    private final Map<String, Future<?>> inFlight = new ConcurrentHashMap<>();
    private final List<Future<?>> sent = new ArrayList<>();
    private volatile RuntimeException failure;

    BatchWriter(DynamoDbClient client, String table, int threads) {
        this.client = client;
        this.table = table;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "wordpress-import-writer");
            t.setDaemon(true);
            return t;
        });
        this.inFlightSlots = new Semaphore(threads * 2);
    }

    static String keyOf(Map<String, AttributeValue> item) {
        return item.get("pk").s() + "\u0000" + item.get("sk").s();
    }

    void put(Map<String, AttributeValue> item, Collection<String> after) {
        add(keyOf(item), WriteRequest.builder().putRequest(b -> b.item(item)).build(), after);
    }

    void delete(Map<String, AttributeValue> key, Collection<String> after) {
        add(keyOf(key), WriteRequest.builder().deleteRequest(b -> b.key(key)).build(), after);
    }

    private void add(String key, WriteRequest request, Collection<String> after) {
        if (failure != null) {
            throw failure;
        }
        for (String before : after) {
            if (pending.containsKey(before)) {
                send();
                break;
            }
        }
        for (String before : after) {
            await(inFlight.get(before));
        }
        await(inFlight.get(key));
        pending.remove(key);
        pending.put(key, request);
        if (pending.size() == BATCH) {
            send();
        }
    }

    /** Sends what is pending and waits until everything sent is stored. */
    void flush() {
        send();
        for (Future<?> future : sent) {
            await(future);
        }
        sent.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private void send() {
        if (failure != null) {
            throw failure;
        }
        if (pending.isEmpty()) {
            return;
        }
        Map<String, WriteRequest> batch = new LinkedHashMap<>(pending);
        pending.clear();
        inFlightSlots.acquireUninterruptibly();
        CompletableFuture<Void> stored = new CompletableFuture<>();
        batch.keySet().forEach(k -> inFlight.put(k, stored));
        sent.removeIf(Future::isDone);
        sent.add(stored);
        pool.execute(() -> {
            try {
                write(new ArrayList<>(batch.values()));
                stored.complete(null);
            } catch (RuntimeException e) {
                failure = e;
                stored.completeExceptionally(e);
            } finally {
                batch.keySet().forEach(k -> inFlight.remove(k, stored));
                inFlightSlots.release();
            }
        });
    }

    private void write(List<WriteRequest> requests) {
        List<WriteRequest> left = requests;
        for (int attempt = 1; !left.isEmpty(); attempt++) {
            if (attempt > 1) {
                sleep(attempt);
            }
            if (attempt > MAX_ATTEMPTS) {
                throw new IllegalStateException("DynamoDB left " + left.size() + " writes unprocessed after "
                        + MAX_ATTEMPTS + " attempts (throughput exceeded?); run the import again to finish");
            }
            List<WriteRequest> sending = left;
            var response = client.batchWriteItem(b -> b.requestItems(Map.of(table, sending)));
            left = response.unprocessedItems().getOrDefault(table, List.of());
        }
    }

    /** 50 ms, doubling, at most 5 s, with full jitter. */
    private static void sleep(int attempt) {
        long cap = Math.min(5_000, 50L << Math.min(attempt - 2, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying unprocessed writes", e);
        }
    }

    private static void await(Future<?> future) {
        if (future == null) {
            return;
        }
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
