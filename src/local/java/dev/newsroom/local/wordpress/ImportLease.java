package dev.newsroom.local.wordpress;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One import at a time into a table: two runs at once would each plan their writes from what the other is
 * changing and add their sums twice. A run takes the lease item (a conditional put: none there, or its term run
 * out), renews it every minute while it runs and removes it at the end; a run killed outright holds it for at
 * most {@link #TERM}.
 */
final class ImportLease implements AutoCloseable {
    static final Duration TERM = Duration.ofMinutes(3);
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("IMPORT#RUNNING"),
            "sk", AttributeValue.fromS("L"));
    private final DynamoDbClient client;
    private final String table;
    private final String run = UUID.randomUUID().toString();
    private final Clock clock;
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "import-lease");
        t.setDaemon(true);
        return t;
    });

    /** Another run holds the lease: what it is and until when. */
    static final class Held extends Exception {
        Held(String message) {
            super(message);
        }
    }

    private ImportLease(DynamoDbClient client, String table, Clock clock) {
        this.client = client;
        this.table = table;
        this.clock = clock;
    }

    /** Takes the lease for {@code command}, or throws {@link Held} naming the run that has it. */
    static ImportLease take(DynamoDbClient client, String table, String command, Clock clock) throws Held {
        ImportLease lease = new ImportLease(client, table, clock);
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new java.util.HashMap<>(KEY);
        item.put("holder", AttributeValue.fromS(lease.run));
        item.put("command", AttributeValue.fromS(command));
        item.put("since", AttributeValue.fromS(now.toString()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(now.plus(TERM).getEpochSecond())));
        try {
            client.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))));
        } catch (ConditionalCheckFailedException held) {
            lease.renewer.shutdownNow();
            var other = client.getItem(b -> b.tableName(table).key(KEY).consistentRead(true)).item();
            throw new Held("another import into this table is running (" + text(other, "command") + ", since "
                    + text(other, "since") + "); run this one when it has ended (a run that was killed lets go within "
                    + TERM.toMinutes() + " minutes)");
        }
        lease.renewer.scheduleWithFixedDelay(lease::renew, 1, 1, TimeUnit.MINUTES);
        return lease;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        return item == null || !item.containsKey(name) ? "?" : item.get(name).s();
    }

    private void renew() {
        try {
            client.updateItem(b -> b.tableName(table).key(KEY).updateExpression("SET expiresAt = :t")
                    .conditionExpression("holder = :me").expressionAttributeValues(Map.of(
                            ":t", AttributeValue.fromN(Long.toString(clock.instant().plus(TERM).getEpochSecond())),
                            ":me", AttributeValue.fromS(run))));
        } catch (RuntimeException e) {
            // the database is busy or away: the next minute's renewal tries again, well within the term
        }
    }

    /** Ends the renewals and removes the lease (only this run's). */
    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            client.deleteItem(b -> b.tableName(table).key(KEY).conditionExpression("holder = :me")
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(run))));
        } catch (RuntimeException e) {
            // taken over after its term, or the database is away: its term ends it
        }
    }
}
