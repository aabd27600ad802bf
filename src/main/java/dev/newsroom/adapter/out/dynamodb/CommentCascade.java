package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.ServiceException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes every comment of a deleted article (all statuses) with their duplicate fingerprints, a page of 25 at a
 * time, retrying what DynamoDB leaves unprocessed. It works within a time budget and can be resumed any number
 * of times: the article's deletion leaves a tombstone item ({@code ARTICLE#slug / DELETING}) that only this
 * cascade removes, and only after a pass that found nothing and began at least {@link #INDEX_SETTLE} after the
 * article was deleted (the thread index is eventually consistent). While the tombstone exists the slug cannot be
 * created again, so a reused slug never shows old comments.
 */
final class CommentCascade {
    static final String TOMBSTONE_SK = "DELETING";
    static final Duration INDEX_SETTLE = Duration.ofSeconds(2);
    private static final int BATCH = 25;
    private final DynamoDbClient client;
    private final DynamoDbIndex<CommentItem> threads;
    private final String tableName;
    private final Duration budget;

    CommentCascade(DynamoDbClient client, DynamoDbEnhancedClient enhanced, String tableName, Duration budget) {
        this.client = client;
        this.threads = enhanced.table(tableName, CommentItem.SCHEMA).index(TableLayout.GSI1);
        this.tableName = tableName;
        this.budget = budget;
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

    /**
     * Deletes comments of {@code slug} until none is left (then removes the tombstone and returns true) or the
     * budget is spent (returns false; call again to go on). At least one page is deleted per call.
     */
    boolean run(String slug, long deletedAtMillis) {
        long deadline = System.nanoTime() + budget.toNanos();
        while (true) {
            long passStarted = System.currentTimeMillis();
            boolean foundAny = deletePage(slug);
            if (!foundAny && passStarted - deletedAtMillis >= INDEX_SETTLE.toMillis()) {
                DynamoCalls.run(() -> client.deleteItem(b -> b.tableName(tableName).key(tombstoneKey(slug))));
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            if (!foundAny) {
                long wait = deletedAtMillis + INDEX_SETTLE.toMillis() - System.currentTimeMillis();
                if (wait > 0 && System.nanoTime() + wait * 1_000_000 >= deadline) {
                    return false;
                }
                sleep(Math.max(0, wait));
            }
        }
    }

    /** Deletes up to one page of the article's comments; false when the thread index showed none. */
    private boolean deletePage(String slug) {
        List<WriteRequest> pending = new ArrayList<>();
        for (CommentStatus status : CommentStatus.values()) {
            String partition = TableLayout.threadPk(slug, status.wire());
            DynamoCalls.run(() -> threads.query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(partition)))
                    .limit(BATCH)).stream().findFirst().ifPresent(page -> page.items().forEach(item -> {
                        Comment c = ItemMapper.toComment(item);
                        pending.add(deletion(Writes.key(item.pk, item.sk)));
                        if (c.status() != CommentStatus.TRASH) {
                            pending.add(deletion(DuplicateMarks.key(c.duplicateKey())));
                        }
                    })));
        }
        for (int from = 0; from < pending.size(); from += BATCH) {
            writeAll(pending.subList(from, Math.min(pending.size(), from + BATCH)));
        }
        return !pending.isEmpty();
    }

    private void writeAll(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> unprocessed = Map.of(tableName, batch);
        for (int attempt = 0; attempt < 8 && !unprocessed.isEmpty(); attempt++) {
            Map<String, List<WriteRequest>> request = unprocessed;
            unprocessed = DynamoCalls.call(() -> client.batchWriteItem(b -> b.requestItems(request)).unprocessedItems());
            if (!unprocessed.isEmpty()) {
                sleep(50L << attempt);
            }
        }
        if (!unprocessed.isEmpty()) {
            throw ServiceException.unavailable(DynamoCalls.RETRY_AFTER_SECONDS);
        }
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
