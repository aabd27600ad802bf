package dev.newsroom.local;

import dev.newsroom.adapter.in.stream.ApprovalChanges;
import dev.newsroom.application.CountApprovals;
import dev.newsroom.application.port.ApprovalChange;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What Lambda's event source mapping does in AWS, for the local runner and the tests: reads the table's change
 * stream shard by shard, oldest first (a parent shard to its end before its children), and hands the records to
 * the same counting use case as the counts function. {@link #drain()} reads everything written so far; {@link #startPolling} does so every 200 ms.
 */
public final class StreamCounter implements AutoCloseable {
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final CountApprovals counter;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();
    private final Map<String, String> lastSequence = new LinkedHashMap<>();
    private ScheduledExecutorService poller;

    public StreamCounter(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String tableName, CountApprovals counter) {
        this.streams = streams;
        this.streamArn = dynamo.describeTable(b -> b.tableName(tableName)).table().latestStreamArn();
        this.counter = counter;
    }

    /** Reads every record written so far and counts what it holds; returns how many comments were counted. */
    public synchronized int drain() {
        int counted = 0;
        List<Shard> shards = shards();
        Set<String> listed = new HashSet<>();
        shards.forEach(shard -> listed.add(shard.shardId()));
        for (Shard shard : shards) {
            String id = shard.shardId();
            String parent = shard.parentShardId();
            if (finished.contains(id) || (parent != null && listed.contains(parent) && !finished.contains(parent))) {
                continue; // done, or a child whose parent still has records to give: they come first
            }
            boolean closed = shard.sequenceNumberRange() != null && shard.sequenceNumberRange().endingSequenceNumber() != null;
            String iterator = iterators.computeIfAbsent(id, this::freshIterator);
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse page;
                try {
                    page = streams.getRecords(b -> b.shardIterator(current).limit(1000));
                } catch (ExpiredIteratorException expired) {
                    iterator = freshIterator(id);
                    continue;
                } catch (RuntimeException unreadable) {
                    iterators.remove(id);
                    throw unreadable;
                }
                counted += count(page.records());
                if (!page.records().isEmpty()) {
                    lastSequence.put(id, page.records().get(page.records().size() - 1).dynamodb().sequenceNumber());
                }
                iterator = page.nextShardIterator();
                if (page.records().isEmpty() && !closed) {
                    break; // an open shard with nothing new yet; a closed one is read until it ends
                }
            }
            if (iterator == null) {
                finished.add(id);
                iterators.remove(id);
            } else {
                iterators.put(id, iterator);
            }
        }
        return counted;
    }

    /** From the start of the shard, or just after the last record read from it. */
    private String freshIterator(String shardId) {
        String after = lastSequence.get(shardId);
        return streams.getShardIterator(b -> {
            b.streamArn(streamArn).shardId(shardId);
            if (after == null) {
                b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
            }
        }).shardIterator();
    }

    private List<Shard> shards() {
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            var description = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(from)).streamDescription();
            shards.addAll(description.shards());
            start = description.lastEvaluatedShardId();
        } while (start != null);
        return shards;
    }

    private int count(List<Record> records) {
        List<ApprovalChange> changes = new ArrayList<>();
        for (Record record : records) {
            ApprovalChanges.of(record.eventNameAsString(), text(record.dynamodb().oldImage()),
                    text(record.dynamodb().newImage())).ifPresent(changes::add);
        }
        return counter.apply(changes);
    }

    private static java.util.function.UnaryOperator<String> text(Map<String, AttributeValue> image) {
        return name -> {
            AttributeValue value = image == null ? null : image.get(name);
            return value == null ? null : value.s() != null ? value.s() : value.n();
        };
    }

    /** Drains every {@code millis} on a daemon thread until closed; a failed round is retried on the next. */
    public StreamCounter startPolling(long millis) {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stream-counter");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                drain();
            } catch (RuntimeException e) {
                // the database is down or restarting: the next round reads on from the same place
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
