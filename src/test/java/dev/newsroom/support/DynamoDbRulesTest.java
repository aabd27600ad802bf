package dev.newsroom.support;

import dev.newsroom.adapter.out.dynamodb.TableSetup;
import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The double itself, through the SDK with its retries off, in front of DynamoDB Local over HTTP. */
class DynamoDbRulesTest {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private final AtomicLong frozenNanos = new AtomicLong(1_000_000_000L);

    private static DynamoDbClient through(DynamoDbRules rules) {
        return AppContext.dynamoClientBuilder(AppConfig.from(DynamoDbLocal.httpSettings()::get))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build())
                .httpClientBuilder(null).httpClient(rules).build();
    }

    private static String newTable(DynamoDbClient client) {
        String table = "rules-" + TABLES.incrementAndGet() + "-" + System.nanoTime();
        TableSetup.ensureTable(client, table);
        return table;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    private static TransactWriteItem count(String table, String pk) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key(pk, "A"))
                .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build();
    }

    private static TransactWriteItem put(String table, String pk) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(key(pk, "C"))).build();
    }

    @Test
    void overlappingTransactionsOnOneItem_theLaterIsCancelledWithConflictAtThatIndex() throws Exception {
        DynamoDbRules rules = new DynamoDbRules(Duration.ofMillis(400));
        DynamoDbClient client = through(rules);
        String table = newTable(client);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() ->
                client.transactWriteItems(b -> b.transactItems(count(table, "ARTICLE#hot"), put(table, "COMMENT#1"))));
        awaitInFlight(rules, 2);

        TransactionCanceledException cancelled = assertThrows(TransactionCanceledException.class, () ->
                client.transactWriteItems(b -> b.transactItems(put(table, "COMMENT#2"), count(table, "ARTICLE#hot"))));
        assertEquals(List.of("None", "TransactionConflict"), cancelled.cancellationReasons().stream().map(CancellationReason::code).toList());
        assertEquals("TransactionCanceledException", cancelled.awsErrorDetails().errorCode());
        first.get(10, TimeUnit.SECONDS);
        assertEquals(1, rules.conflicts());
        assertEquals("1", client.getItem(b -> b.tableName(table).key(key("ARTICLE#hot", "A"))).item().get("n").n());
        assertTrue(client.getItem(b -> b.tableName(table).key(key("COMMENT#2", "C"))).item().isEmpty(), "cancelled, so not written");
    }

    @Test
    void singleWriteToAnItemInATransaction_failsWithTransactionConflict() throws Exception {
        DynamoDbRules rules = new DynamoDbRules(Duration.ofMillis(400));
        DynamoDbClient client = through(rules);
        String table = newTable(client);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() ->
                client.transactWriteItems(b -> b.transactItems(count(table, "ARTICLE#hot"))));
        awaitInFlight(rules, 1);
        var failed = assertThrows(software.amazon.awssdk.services.dynamodb.model.TransactionConflictException.class, () ->
                client.putItem(b -> b.tableName(table).item(key("ARTICLE#hot", "A"))));
        assertEquals("TransactionConflictException", failed.awsErrorDetails().errorCode());
        first.get(10, TimeUnit.SECONDS);
    }

    @Test
    void overlappingTransactionsOnDifferentItems_bothSucceed() throws Exception {
        DynamoDbRules rules = new DynamoDbRules(Duration.ofMillis(400));
        DynamoDbClient client = through(rules);
        String table = newTable(client);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() ->
                client.transactWriteItems(b -> b.transactItems(count(table, "ARTICLE#one"), put(table, "COMMENT#1"))));
        awaitInFlight(rules, 2);
        client.transactWriteItems(b -> b.transactItems(count(table, "ARTICLE#two"), put(table, "COMMENT#2")));
        first.get(10, TimeUnit.SECONDS);
        assertEquals(0, rules.conflicts());
        assertEquals(2, rules.transactions());
    }

    @Test
    void twelveHundredWritesToOneKeyWithinASecond_someAreThrottled() throws Exception {
        DynamoDbRules rules = new DynamoDbRules(Duration.ZERO, frozenNanos::get);
        DynamoDbClient client = through(rules);
        String table = newTable(client);
        int throttled = writeAll(client, table, 1200, i -> "HOT");
        assertEquals(200, throttled, "a one-unit item 1,200 times in one second: 1,000 pass");
        assertEquals(200, rules.throttled());

        frozenNanos.addAndGet(500_000_000L);
        assertEquals(0, writeAll(client, table, 500, i -> "HOT"), "half a second refills 500 units");
        assertEquals(1, writeAll(client, table, 1, i -> "HOT"));
    }

    @Test
    void twelveHundredWritesSpreadOverKeys_noneThrottled() throws Exception {
        DynamoDbRules rules = new DynamoDbRules(Duration.ZERO, frozenNanos::get);
        DynamoDbClient client = through(rules);
        String table = newTable(client);
        assertEquals(0, writeAll(client, table, 1200, i -> "KEY#" + (i % 12)));
        assertEquals(0, rules.throttled());
    }

    @Test
    void transactionsFillingOneIndexPartition_areCancelledWithThrottlingErrorAtThatIndex() {
        DynamoDbRules rules = new DynamoDbRules(Duration.ZERO, frozenNanos::get);
        DynamoDbClient client = through(rules);
        String table = newTable(client);
        String tenKilobytes = "x".repeat(9 * 1024 + 512);
        for (int i = 0; i < 101; i++) {
            int n = i;
            TransactWriteItem queued = TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of(
                    "pk", AttributeValue.fromS("COMMENT#" + n), "sk", AttributeValue.fromS("C"),
                    "gsi2pk", AttributeValue.fromS("Q#pending"), "gsi2sk", AttributeValue.fromS("id" + n),
                    "content", AttributeValue.fromS(tenKilobytes)))).build();
            if (i < 100) {
                client.transactWriteItems(b -> b.transactItems(put(table, "OTHER#" + n), queued));
            } else {
                TransactionCanceledException cancelled = assertThrows(TransactionCanceledException.class, () ->
                        client.transactWriteItems(b -> b.transactItems(put(table, "OTHER#" + n), queued)));
                assertEquals(List.of("None", "ThrottlingError"), cancelled.cancellationReasons().stream().map(CancellationReason::code).toList());
            }
        }
        assertEquals(1, rules.throttled());
    }

    private static int writeAll(DynamoDbClient client, String table, int writes,
                                java.util.function.IntFunction<String> partition) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger throttled = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < writes; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                try {
                    client.putItem(b -> b.tableName(table).item(key(partition.apply(n), "S#" + n + "#" + System.nanoTime())));
                } catch (ProvisionedThroughputExceededException e) {
                    throttled.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return throttled.get();
    }

    private static void awaitInFlight(DynamoDbRules rules, int items) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (rules.inFlight() < items) {
            assertTrue(System.nanoTime() < deadline, "the first transaction never started");
            Thread.sleep(2);
        }
    }
}
