package dev.newsroom.local;

import dev.newsroom.adapter.out.dynamodb.TableLayout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether the table's change stream carries what the counts are made from: an item written by
 * {@code TransactWriteItems} (as an approval is). It writes one short-lived probe item in a transaction, deletes it,
 * and reads the stream for it. Emulators that keep no stream, or (like moto's server) stream single-item writes but
 * not transactions, leave {@code commentCount} stale; the runner then warns and names {@code recount}.
 */
final class StreamCheck {
    static final String PROBE_PREFIX = "STREAM-PROBE#";
    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;
    private final String table;

    StreamCheck(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String table) {
        this.dynamo = dynamo;
        this.streams = streams;
        this.table = table;
    }

    /** Empty when the stream showed the probe within {@code wait}; otherwise what is wrong, in a few words. */
    Optional<String> problem(Duration wait) {
        try {
            return probe(wait);
        } catch (RuntimeException e) {
            return Optional.of("the change stream of table " + table + " could not be checked (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + ")");
        }
    }

    private Optional<String> probe(Duration wait) {
        String streamArn = dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        if (streamArn == null) {
            return Optional.of("table " + table + " has no change stream");
        }
        Map<String, String> iterators = new LinkedHashMap<>();
        for (Shard shard : shards(streamArn)) {
            if (shard.sequenceNumberRange() == null || shard.sequenceNumberRange().endingSequenceNumber() == null) {
                iterators.put(shard.shardId(), iterator(streamArn, shard.shardId(), ShardIteratorType.LATEST));
            }
        }
        String key = PROBE_PREFIX + UUID.randomUUID();
        Map<String, AttributeValue> item = Map.of(TableLayout.PK, AttributeValue.fromS(key), TableLayout.SK, AttributeValue.fromS("P"),
                "expiresAt", AttributeValue.fromN(Long.toString(Instant.now().plusSeconds(600).getEpochSecond())));
        dynamo.transactWriteItems(b -> b.transactItems(t -> t.put(p -> p.tableName(table).item(item))));
        try {
            Instant deadline = Instant.now().plus(wait);
            while (Instant.now().isBefore(deadline)) {
                for (Shard shard : shards(streamArn)) {
                    iterators.computeIfAbsent(shard.shardId(), id -> iterator(streamArn, id, ShardIteratorType.TRIM_HORIZON));
                }
                if (sawProbe(iterators, key)) {
                    return Optional.empty();
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            dynamo.deleteItem(b -> b.tableName(table).key(Map.of(TableLayout.PK, item.get(TableLayout.PK), TableLayout.SK, item.get(TableLayout.SK))));
        }
        return Optional.of("the change stream of table " + table + " showed no transactional write within "
                + wait.toSeconds() + " s");
    }

    /** The warning the runner prints at start, or empty. */
    static Optional<String> warning(Optional<String> problem) {
        return problem.map(p -> "warning: " + p + ", so comment counts will not follow approvals here;"
                + " repair them with: mvn -q compile exec:java -Dexec.args=recount");
    }

    private boolean sawProbe(Map<String, String> iterators, String key) {
        boolean seen = false;
        for (Map.Entry<String, String> entry : iterators.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            var page = streams.getRecords(b -> b.shardIterator(entry.getValue()));
            entry.setValue(page.nextShardIterator());
            for (Record record : page.records()) {
                AttributeValue pk = record.dynamodb().keys().get(TableLayout.PK);
                seen |= pk != null && key.equals(pk.s());
            }
        }
        return seen;
    }

    private String iterator(String streamArn, String shardId, ShardIteratorType type) {
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type)).shardIterator();
    }

    private List<Shard> shards(String streamArn) {
        return streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards();
    }
}
