package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.application.port.DigestLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notifier's ledger: one item per article ({@code NOTIFY#slug / N}) with the time of its last message
 * ({@code lastSentAt}, epoch ms) and the held and spam comments waiting for the next ({@code held}, {@code spam}).
 * An article with comments waiting is in the partition {@code N#due} of its own sparse, keys-only index
 * {@code notifyDue} (sort key the item's {@code pk}), so the minute's flush finds it with one Query, no Scan, of an
 * index that holds nothing else; claiming its turn takes it out in the same write. Items expire a day after their
 * last write (by then every wait has been flushed).
 */
public final class DynamoDigestLedger implements DigestLedger {
    static final String DUE = "N#due";
    private static final String PREFIX = "NOTIFY#";
    private static final String SK = "N";
    private static final long KEEP_SECONDS = 86_400;
    private final DynamoDbClient client;
    private final String tableName;

    public DynamoDigestLedger(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    static Map<String, AttributeValue> key(String articleSlug) {
        return Writes.key(PREFIX + articleSlug, SK);
    }

    @Override
    public Optional<Deferred> claim(String articleSlug, Instant now, Duration interval, boolean onlyIfDeferred) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":now", number(now.toEpochMilli()), ":cutoff", number(now.minus(interval).toEpochMilli()),
                ":zero", number(0), ":expires", number(now.getEpochSecond() + KEEP_SECONDS)));
        String turn = "(attribute_not_exists(pk) OR lastSentAt <= :cutoff)";
        String condition = onlyIfDeferred ? turn + " AND (held > :zero OR spam > :zero)" : turn;
        try {
            Map<String, AttributeValue> old = DynamoCalls.call(() -> client.updateItem(b -> b.tableName(tableName)
                    .key(key(articleSlug))
                    .updateExpression("SET lastSentAt = :now, held = :zero, spam = :zero, #ttl = :expires"
                            + " REMOVE " + TableLayout.DUE_PK)
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#ttl", TableLayout.TTL))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_OLD)).attributes());
            return Optional.of(new Deferred(count(old, "held"), count(old, "spam")));
        } catch (ConditionalCheckFailedException notItsTurn) {
            return Optional.empty();
        }
    }

    @Override
    public void defer(String articleSlug, int held, int spam, Instant now) {
        DynamoCalls.run(() -> client.updateItem(b -> b.tableName(tableName).key(key(articleSlug))
                .updateExpression("ADD held :held, spam :spam SET " + TableLayout.DUE_PK + " = :due, #ttl = :expires")
                .expressionAttributeNames(Map.of("#ttl", TableLayout.TTL))
                .expressionAttributeValues(Map.of(":held", number(held), ":spam", number(spam),
                        ":due", AttributeValue.fromS(DUE),
                        ":expires", number(now.getEpochSecond() + KEEP_SECONDS)))));
    }

    @Override
    public List<String> due(int limit) {
        return DynamoCalls.call(() -> client.query(b -> b.tableName(tableName).indexName(TableLayout.DUE_INDEX)
                        .keyConditionExpression("#due = :due").expressionAttributeNames(Map.of("#due", TableLayout.DUE_PK))
                        .expressionAttributeValues(Map.of(":due", AttributeValue.fromS(DUE))).limit(limit)))
                .items().stream().map(item -> item.get(TableLayout.PK).s().substring(PREFIX.length())).toList();
    }

    private static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }

    private static int count(Map<String, AttributeValue> item, String name) {
        return item == null || !item.containsKey(name) ? 0 : Integer.parseInt(item.get(name).n());
    }
}
