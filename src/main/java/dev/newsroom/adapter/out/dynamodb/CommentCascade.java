package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentStatus;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes every comment of a deleted article (all statuses) with their duplicate fingerprints, in batches of
 * 25 and retrying what DynamoDB leaves unprocessed. Runs after the article itself is gone, so no new comment
 * can arrive and none of the old ones is reachable through the public routes.
 */
final class CommentCascade {
    private static final int BATCH = 25;
    private final DynamoDbClient client;
    private final DynamoDbIndex<CommentItem> threads;
    private final String tableName;

    CommentCascade(DynamoDbClient client, DynamoDbEnhancedClient enhanced, String tableName) {
        this.client = client;
        this.threads = enhanced.table(tableName, CommentItem.SCHEMA).index(TableLayout.GSI1);
        this.tableName = tableName;
    }

    void deleteCommentsOf(String slug) {
        List<WriteRequest> pending = new ArrayList<>();
        for (CommentStatus status : CommentStatus.values()) {
            String partition = TableLayout.threadPk(slug, status.wire());
            DynamoCalls.run(() -> threads.query(QueryConditional.keyEqualTo(k -> k.partitionValue(partition)))
                    .stream().flatMap(p -> p.items().stream()).forEach(item -> {
                        Comment c = ItemMapper.toComment(item);
                        pending.add(deletion(Writes.key(item.pk, item.sk)));
                        if (c.status() != CommentStatus.TRASH) {
                            pending.add(deletion(DuplicateMarks.key(c.duplicateKey())));
                        }
                    }));
        }
        for (int from = 0; from < pending.size(); from += BATCH) {
            writeAll(pending.subList(from, Math.min(pending.size(), from + BATCH)));
        }
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
    }

    private static WriteRequest deletion(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
