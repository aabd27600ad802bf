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
 * out: {@code leaseUntil}, compared with the taker's clock), renews it every minute while it runs and removes it at
 * the end, or when the JVM is stopped (Ctrl-C); a run killed outright holds it for at most {@link #TERM}; a run
 * whose lease was taken over (it could not renew for a whole term) stops at once. The table's TTL attribute is set
 * a day past the term, only to clear leases left behind.
 */
final class ImportLease implements AutoCloseable {
    static final Duration TERM = Duration.ofMinutes(10);
    /** The exit status of a run stopped because another one took its lease over. */
    static final int LOST = 5;
    private static final Duration RENEWAL_TIMEOUT = Duration.ofSeconds(20);
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("IMPORT#RUNNING"),
            "sk", AttributeValue.fromS("L"));
    private final DynamoDbClient client;
    private final String table;
    private final String run = UUID.randomUUID().toString();
    private final Clock clock;
    private final Thread release = new Thread(this::remove, "import-lease-release");
    private final Runnable onLost;
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

    private ImportLease(DynamoDbClient client, String table, Clock clock, Runnable onLost) {
        this.client = client;
        this.table = table;
        this.clock = clock;
        this.onLost = onLost;
    }

    /**
     * Takes the lease for {@code command}, or throws {@link Held} naming the run that has it. Should another run
     * take it over later (this one having not renewed it for a whole term), the JVM stops at once with exit status
     * {@link #LOST}.
     */
    static ImportLease take(DynamoDbClient client, String table, String command, Clock clock) throws Held {
        return take(client, table, command, clock, () -> Runtime.getRuntime().halt(LOST));
    }

    /** As {@link #take(DynamoDbClient, String, String, Clock)}, with what happens when the lease is lost. */
    static ImportLease take(DynamoDbClient client, String table, String command, Clock clock, Runnable onLost) throws Held {
        ImportLease lease = new ImportLease(client, table, clock, onLost);
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new java.util.HashMap<>(KEY);
        item.put("holder", AttributeValue.fromS(lease.run));
        item.put("command", AttributeValue.fromS(command));
        item.put("since", AttributeValue.fromS(now.toString()));
        item.putAll(lease.until(now));
        try {
            client.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR leaseUntil < :now")
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))));
        } catch (ConditionalCheckFailedException held) {
            var other = client.getItem(b -> b.tableName(table).key(KEY).consistentRead(true)).item();
            if (!lease.run.equals(text(other, "holder"))) { // else: this very put, retried after its answer was lost
                lease.renewer.shutdownNow();
                throw new Held("another import into this table is running (" + text(other, "command") + ", since "
                        + text(other, "since") + ", its lease until " + (other.containsKey("leaseUntil")
                        ? Instant.ofEpochSecond(Long.parseLong(other.get("leaseUntil").n())) : "?") + "); run this one"
                        + " when it has ended (a run that was killed outright lets go when its lease ends)");
            }
        }
        Runtime.getRuntime().addShutdownHook(lease.release);
        lease.renewer.scheduleWithFixedDelay(lease::renew, 1, 1, TimeUnit.MINUTES);
        return lease;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        return item == null || !item.containsKey(name) ? "?" : item.get(name).s();
    }

    /** {@code leaseUntil} a term from {@code now}, and the table's TTL a day after that. */
    private Map<String, AttributeValue> until(Instant now) {
        Instant until = now.plus(TERM);
        return Map.of("leaseUntil", AttributeValue.fromN(Long.toString(until.getEpochSecond())),
                "expiresAt", AttributeValue.fromN(Long.toString(until.plus(Duration.ofDays(1)).getEpochSecond())));
    }

    void renew() {
        Map<String, AttributeValue> until = until(clock.instant());
        try {
            client.updateItem(b -> b.tableName(table).key(KEY).updateExpression("SET leaseUntil = :u, expiresAt = :t")
                    .conditionExpression("holder = :me").expressionAttributeValues(Map.of(
                            ":u", until.get("leaseUntil"), ":t", until.get("expiresAt"), ":me", AttributeValue.fromS(run)))
                    .overrideConfiguration(o -> o.apiCallTimeout(RENEWAL_TIMEOUT)));
        } catch (ConditionalCheckFailedException taken) {
            // another run has it (this one could not renew for a whole term: a suspended machine, a lost network):
            // this one stops at once, as if killed, rather than write beside it; the next run settles what it left
            System.err.println("import: this run's lease was taken by another import after " + TERM.toMinutes()
                    + " minutes without renewal; stopped here. Run this import again once the other has ended.");
            System.err.flush();
            onLost.run();
        } catch (RuntimeException | Error e) {
            // the database is busy or away: the next minute's renewal tries again, well within the term
        }
    }

    /** Ends the renewals and removes the lease (only this run's). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(release);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it removes the lease
        }
        remove();
    }

    private void remove() {
        renewer.shutdownNow();
        try {
            client.deleteItem(b -> b.tableName(table).key(KEY).conditionExpression("holder = :me")
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(run))));
        } catch (RuntimeException e) {
            // taken over after its term, or the database is away: its term ends it
        }
    }
}
