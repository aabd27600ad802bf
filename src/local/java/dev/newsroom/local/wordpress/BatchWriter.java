package dev.newsroom.local.wordpress;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes steps of items with {@code BatchWriteItem} for several posts at once: the items of every step waiting
 * are packed into calls of up to 25 (one call may hold items of several posts), {@code senders} calls at a time,
 * each call repeated for its {@code UnprocessedItems} with exponential backoff and jitter. {@link #write} returns
 * once every item of its step is stored, so a post's next step (replies after their parents) never lands before
 * this one, or throws the failure of a call that held one of them. Two writes of one key in a step keep the later,
 * and a call never names a key twice (DynamoDB refuses such a call).
 */
final class BatchWriter implements AutoCloseable {
    static final int BATCH = 25;
    private static final int MAX_ATTEMPTS = 12;
    private final DynamoDbClient client;
    private final String table;
    private final LinkedBlockingDeque<Pending> waiting = new LinkedBlockingDeque<>();
    private final ExecutorService senders;
    private volatile boolean closed;

    BatchWriter(DynamoDbClient client, String table, int senders) {
        this.client = client;
        this.table = table;
        this.senders = Executors.newFixedThreadPool(senders, r -> {
            Thread t = new Thread(r, "import-batches");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < senders; i++) {
            this.senders.execute(this::send);
        }
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
    }

    /** One step's progress: how many of its items are still to be stored, and its end. */
    private static final class Ticket {
        final AtomicInteger left;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Ticket(int items) {
            left = new AtomicInteger(items);
        }

        void stored() {
            if (left.decrementAndGet() == 0) {
                done.complete(null);
            }
        }
    }

    private record Pending(String key, WriteRequest request, Ticket ticket) {
    }

    /** Stores every item of {@code step}; returns once all are stored, or throws what stopped one of them. */
    void write(Step step) {
        if (step.requests.isEmpty()) {
            return;
        }
        if (closed) {
            throw new IllegalStateException("the import's writer is closed");
        }
        Ticket ticket = new Ticket(step.requests.size());
        step.requests.forEach((key, request) -> waiting.add(new Pending(key, request, ticket)));
        if (closed) {
            failWaiting(); // stopped while these were added: no sender takes them
        }
        try {
            ticket.done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /** A sender: takes up to 25 waiting items with distinct keys, stores them, and again, until closed. */
    private void send() {
        while (!closed) {
            Pending first;
            try {
                first = waiting.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                continue;
            }
            List<Pending> call = new ArrayList<>(List.of(first));
            Set<String> keys = new HashSet<>(Set.of(first.key()));
            List<Pending> later = new ArrayList<>();
            for (Pending next; call.size() < BATCH && (next = waiting.poll()) != null; ) {
                (keys.add(next.key()) ? call : later).add(next);
            }
            for (int i = later.size() - 1; i >= 0; i--) {
                waiting.addFirst(later.get(i));
            }
            call.removeIf(p -> p.ticket().done.isDone()); // a step that failed already: the rest of it is not sent
            try {
                store(call);
            } catch (RuntimeException | Error e) {
                // whatever stopped the call ends its steps' waits: a sender never leaves a post waiting forever
                call.forEach(p -> p.ticket().done.completeExceptionally(e));
                if (e instanceof Error) {
                    failWaiting(); // this sender ends: nothing waits on it
                    throw e;
                }
            }
        }
    }

    private void store(List<Pending> call) {
        Map<String, Pending> byKey = new HashMap<>();
        call.forEach(p -> byKey.put(p.key(), p));
        List<WriteRequest> left = call.stream().map(Pending::request).toList();
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
            Set<String> unprocessed = new HashSet<>();
            left.forEach(r -> unprocessed.add(keyOf(r)));
            sending.stream().map(BatchWriter::keyOf).filter(k -> !unprocessed.contains(k))
                    .forEach(k -> byKey.get(k).ticket().stored());
        }
    }

    private static String keyOf(WriteRequest request) {
        return keyOf(request.putRequest() != null ? request.putRequest().item() : request.deleteRequest().key());
    }

    private static String keyOf(Map<String, AttributeValue> item) {
        return item.get("pk").s() + "\u0000" + item.get("sk").s();
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

    /** Stops the senders once their calls in flight have ended (at most a minute); a step still waiting fails. */
    @Override
    public void close() {
        closed = true;
        senders.shutdown();
        try {
            senders.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
        failWaiting();
    }

    /** No more steps are taken; every item still waiting fails its step. */
    private void failWaiting() {
        closed = true;
        for (Pending p; (p = waiting.poll()) != null; ) {
            p.ticket().done.completeExceptionally(new IllegalStateException("the import's writer was stopped"));
        }
    }
}
