package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.application.port.ApprovalCounts;
import dev.newsroom.application.port.ApprovalChange;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies approval changes to their article in one transaction per article (up to 99 changes at a time): an
 * "applied" mark per change ({@code COUNTED#id#version}, put only if absent, kept beyond the stream's 24 h
 * retention) and one {@code ADD commentCount :n} with the changes' sum. A mark that exists means that change
 * was applied by an earlier delivery: it is left out and the rest is applied. An article that is gone is skipped.
 */
public final class DynamoApprovalCounts implements ApprovalCounts {
    static final Duration MARK_LIFETIME = Duration.ofDays(2);
    private static final int PER_TRANSACTION = 99;
    private final DynamoDbClient client;
    private final Writes writes;
    private final String tableName;
    private final Clock clock;

    public DynamoApprovalCounts(DynamoDbClient client, String tableName, Clock clock) {
        this.client = client;
        this.writes = new Writes(tableName);
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public int applyOnce(List<ApprovalChange> changes) {
        Map<String, List<ApprovalChange>> byArticle = new LinkedHashMap<>();
        changes.forEach(c -> byArticle.computeIfAbsent(c.articleSlug(), s -> new ArrayList<>()).add(c));
        int applied = 0;
        for (Map.Entry<String, List<ApprovalChange>> article : byArticle.entrySet()) {
            List<ApprovalChange> all = article.getValue();
            for (int from = 0; from < all.size(); from += PER_TRANSACTION) {
                applied += applyTo(article.getKey(), new ArrayList<>(all.subList(from, Math.min(all.size(), from + PER_TRANSACTION))));
            }
        }
        return applied;
    }

    private int applyTo(String slug, List<ApprovalChange> changes) {
        while (!changes.isEmpty()) {
            List<TransactWriteItem> items = new ArrayList<>();
            long expires = clock.instant().plus(MARK_LIFETIME).getEpochSecond();
            int sum = 0;
            for (ApprovalChange change : changes) {
                Map<String, AttributeValue> mark = new HashMap<>(appliedKey(change));
                mark.put(TableLayout.TTL, AttributeValue.fromN(Long.toString(expires)));
                items.add(writes.putIfAbsent(mark));
                sum += change.delta();
            }
            items.add(writes.update(Writes.key(TableLayout.articlePk(slug), TableLayout.ARTICLE_SK),
                    "ADD commentCount :n", "attribute_exists(pk)", null,
                    Map.of(":n", AttributeValue.fromN(Integer.toString(sum)))));
            try {
                DynamoCalls.transact(client, items);
                return changes.size();
            } catch (ServiceException e) {
                if (e.code() != ErrorCode.VALIDATION_FAILED) {
                    throw e;
                }
                // DynamoDB refuses these as given (e.g. an article whose count is not a number): retrying cannot
                // help and would hold the stream shard, so they are skipped and said so (how many, and the slug)
                System.out.println("{\"function\":\"counts\",\"skipped\":" + changes.size() + ",\"article\":\""
                        + slug + "\"}");
                return 0;
            } catch (TransactionCanceledException e) {
                if (Writes.failedAt(e, changes.size())) {
                    return 0;
                }
                List<ApprovalChange> unapplied = new ArrayList<>();
                for (int i = 0; i < changes.size(); i++) {
                    if (!Writes.failedAt(e, i)) {
                        unapplied.add(changes.get(i));
                    }
                }
                if (unapplied.size() == changes.size()) {
                    throw DynamoCalls.unavailable(e);
                }
                changes = unapplied;
            }
        }
        return 0;
    }

    @Override
    public long recount(String articleSlug) {
        String thread = TableLayout.threadPk(articleSlug, CommentStatus.APPROVED.wire());
        long approved = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = DynamoCalls.call(() -> client.query(b -> b.tableName(tableName).indexName(TableLayout.GSI1)
                    .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", TableLayout.GSI1_PK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(thread)))
                    .select(Select.COUNT).exclusiveStartKey(from)));
            approved += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        long count = approved;
        try {
            DynamoCalls.run(() -> client.updateItem(b -> b.tableName(tableName)
                    .key(Writes.key(TableLayout.articlePk(articleSlug), TableLayout.ARTICLE_SK))
                    // the count now holds every stored comment: an import's open count steps are in it too
                    .updateExpression("SET commentCount = :n REMOVE " + ImportCountSteps.OPEN_STEPS)
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Long.toString(count))))));
        } catch (ConditionalCheckFailedException gone) {
            throw ServiceException.articleNotFound();
        }
        return count;
    }

    static Map<String, AttributeValue> appliedKey(ApprovalChange change) {
        return Writes.key("COUNTED#" + change.commentId() + "#" + change.version(), "C");
    }
}
