package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.ServiceException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes every comment of a deleted article (all statuses) with their duplicate fingerprints, a page of 25 at a
 * time, retrying what DynamoDB leaves unprocessed. It works within a time budget and can be resumed any number
 * of times: the article's deletion leaves a tombstone item ({@code ARTICLE#slug / DELETING}) that only this
 * cascade removes, and only after a pass that found nothing and began at least the settle time after the
 * article was deleted: a submission reads the article without locking it, so one that read it just before the
 * deletion can land up to the comments function's timeout later, and the thread index is eventually consistent.
 * While the tombstone exists the slug cannot be created again, so a reused slug never shows old comments.
 */
final class CommentCascade {
    static final String TOMBSTONE_SK = "DELETING";
    private static final int BATCH = 25;
    private final DynamoDbClient client;
    private final DynamoDbIndex<CommentItem> threads;
    private final String tableName;
    private final Duration budget;
    private final Duration settle;

    /**
     * {@code budget}: how long one call may work; {@code settle}: how long after the deletion a sweep must begin
     * to be the last (longer than a submission that read the article just before its deletion can take to land,
     * and than the thread index's lag).
     */
    CommentCascade(DynamoDbClient client, DynamoDbEnhancedClient enhanced, String tableName, Duration budget,
                   Duration settle) {
        this.client = client;
        this.threads = enhanced.table(tableName, CommentItem.SCHEMA).index(TableLayout.GSI1);
        this.tableName = tableName;
        this.budget = budget;
        this.settle = settle;
    }

    static Map<String, AttributeValue> tombstoneKey(String slug) {
        return Writes.key(TableLayout.articlePk(slug), TOMBSTONE_SK);
    }

    /** The tombstone that the article's deleting transaction puts, stamped with the time of deletion. */
    static Map<String, AttributeValue> tombstone(String slug, long deletedAtMillis) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(tombstoneKey(slug));
        item.put("deletedAt", AttributeValue.fromN(Long.toString(deletedAtMillis)));
        return item;
    }

    /** The time the pending deletion of {@code slug} began (epoch ms), or -1 when none is pending. */
    long pendingSince(String slug) {
        Map<String, AttributeValue> item = DynamoCalls.call(() -> client.getItem(b -> b.tableName(tableName)
                .key(tombstoneKey(slug)).consistentRead(true)).item());
        return item == null || item.isEmpty() ? -1 : Long.parseLong(item.get("deletedAt").n());
    }

    /** True when the thread index still shows a comment of {@code slug} in any status (left by an older cascade). */
    boolean anyLeft(String slug) {
        for (CommentStatus status : CommentStatus.values()) {
            String partition = TableLayout.threadPk(slug, status.wire());
            boolean found = DynamoCalls.call(() -> threads.query(r -> r.queryConditional(
                    QueryConditional.keyEqualTo(k -> k.partitionValue(partition))).limit(1))
                    .stream().findFirst().map(page -> !page.items().isEmpty()).orElse(false));
            if (found) {
                return true;
            }
        }
        return false;
    }

    /**
     * Deletes comments of {@code slug} until none is left (then removes the tombstone of the deletion that began
     * at {@code deletedAtMillis} and returns true) or the budget is spent (returns false; call again to go on).
     * Each sweep pages through the thread partitions once, so a sweep never deletes an item twice; the next
     * sweep starts again from the head and sees only what the index still shows.
     */
    boolean run(String slug, long deletedAtMillis) {
        long deadline = System.nanoTime() + budget.toNanos();
        while (true) {
            long sweepStarted = System.currentTimeMillis();
            Boolean foundAny = sweep(slug, deadline);
            if (foundAny == null) {
                return false;
            }
            if (!foundAny && sweepStarted - deletedAtMillis >= settle.toMillis()) {
                removeTombstone(slug, deletedAtMillis);
                return true;
            }
            long wait = foundAny ? 0 : deletedAtMillis + settle.toMillis() - System.currentTimeMillis();
            if (System.nanoTime() + Math.max(0, wait) * 1_000_000 >= deadline) {
                return false;
            }
            sleep(Math.max(0, wait));
        }
    }

    /** Only the tombstone of this deletion: a slow run must not remove that of a later deletion of the slug. */
    private void removeTombstone(String slug, long deletedAtMillis) {
        try {
            DynamoCalls.run(() -> client.deleteItem(b -> b.tableName(tableName).key(tombstoneKey(slug))
                    .conditionExpression("attribute_not_exists(pk) OR deletedAt = :since")
                    .expressionAttributeValues(Map.of(":since", AttributeValue.fromN(Long.toString(deletedAtMillis))))));
        } catch (ConditionalCheckFailedException laterDeletion) {
            // a newer deletion of the same slug owns the tombstone now; it removes it itself
        }
    }

    /**
     * One pass over every status partition of the thread index, deleting as it goes; true when it found any
     * comment, null when the deadline came first. The first page is deleted whatever the deadline.
     */
    private Boolean sweep(String slug, long deadline) {
        boolean found = false;
        boolean first = true;
        for (CommentStatus status : CommentStatus.values()) {
            String partition = TableLayout.threadPk(slug, status.wire());
            Map<String, AttributeValue> start = null;
            do {
                if (!first && System.nanoTime() >= deadline) {
                    return null;
                }
                first = false;
                Map<String, AttributeValue> from = start;
                var page = DynamoCalls.call(() -> threads.query(r -> r.queryConditional(
                        QueryConditional.keyEqualTo(k -> k.partitionValue(partition))).limit(BATCH)
                        .exclusiveStartKey(from)).stream().findFirst().orElse(null));
                if (page == null) {
                    break;
                }
                found |= !page.items().isEmpty();
                if (!deleteAll(page.items(), deadline)) {
                    return null;
                }
                start = page.lastEvaluatedKey();
            } while (start != null && !start.isEmpty());
        }
        return found;
    }

    /**
     * Deletes the comments, their duplicate marks, spam verdicts and idempotency receipts. Keys are de-duplicated (two comments can share a mark, and
     * DynamoDB refuses a batch that names one key twice); false when the deadline came before all were written.
     */
    private boolean deleteAll(List<CommentItem> comments, long deadline) {
        Map<String, WriteRequest> deletions = new LinkedHashMap<>();
        for (CommentItem item : comments) {
            Map<String, AttributeValue> key = Writes.key(item.pk, item.sk);
            deletions.putIfAbsent(item.pk + "\u0000" + item.sk, deletion(key));
            deletions.putIfAbsent(item.pk + "\u0000" + TableLayout.SPAM_CHECK_SK,
                    deletion(DynamoCommentRepository.spamCheckKey(item.id)));
            if (item.idempotencyKey != null) {
                Map<String, AttributeValue> receipt = DynamoCommentRepository.idempotencyKeyOf(item.idempotencyKey);
                deletions.putIfAbsent(receipt.get(TableLayout.PK).s(), deletion(receipt));
            }
            Comment c = ItemMapper.toComment(item);
            if (c.status() != CommentStatus.TRASH) {
                for (Map<String, AttributeValue> mark : DuplicateMarks.keysOf(c)) {
                    deletions.putIfAbsent(mark.get(TableLayout.PK).s(), deletion(mark));
                }
            }
        }
        List<WriteRequest> pending = new ArrayList<>(deletions.values());
        for (int from = 0; from < pending.size(); from += BATCH) {
            if (!writeAll(pending.subList(from, Math.min(pending.size(), from + BATCH)), deadline)) {
                return false;
            }
        }
        return true;
    }

    /** One batch, retrying what DynamoDB leaves unprocessed with backoff while the deadline allows. */
    private boolean writeAll(List<WriteRequest> batch, long deadline) {
        Map<String, List<WriteRequest>> unprocessed = Map.of(tableName, batch);
        for (int attempt = 0; !unprocessed.isEmpty(); attempt++) {
            Map<String, List<WriteRequest>> request = unprocessed;
            unprocessed = DynamoCalls.call(() -> client.batchWriteItem(b -> b.requestItems(request)).unprocessedItems());
            if (!unprocessed.isEmpty()) {
                long pause = Math.min(50L << Math.min(attempt, 6), 1_000);
                if (System.nanoTime() + pause * 1_000_000 >= deadline) {
                    return false;
                }
                sleep(pause);
            }
        }
        return true;
    }

    private static WriteRequest deletion(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServiceException.unavailable(DynamoCalls.RETRY_AFTER_SECONDS);
        }
    }
}
