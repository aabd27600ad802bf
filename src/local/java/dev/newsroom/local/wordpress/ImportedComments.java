package dev.newsroom.local.wordpress;

import dev.newsroom.adapter.in.stream.HeldComments;
import dev.newsroom.adapter.out.dynamodb.CommentItems;
import dev.newsroom.domain.Comment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stores one article's imported comments (from WordPress or Disqus) so that running an import again changes
 * nothing: each comment is compared with what is stored; the same is left alone (no write, so no change record
 * either); a changed one is written as the next version, so the counting of approvals from the change stream,
 * exactly once per comment version, sees a change of status made at the source between two imports; one a
 * moderator changed here is kept as it is. Written in steps that each end stored before the next begins: the
 * duplicate marks of the comments that change, then the comments depth by depth (no reply is ever stored without
 * its parent). Each comment item is marked with the import's origin, so the moderators' digest leaves it out.
 */
public final class ImportedComments {
    private static final int GET_BATCH = 100;
    private final DynamoDbClient client;
    private final String table;
    private final BatchWriter batches;
    private final int queueShards;

    /** What one article's writing did: comments written, already there unchanged, and kept as moderated here. */
    public record Outcome(int written, int unchanged, int kept) {
    }

    public ImportedComments(DynamoDbClient client, String table, int queueShards) {
        this.client = client;
        this.table = table;
        this.batches = new BatchWriter(client, table);
        this.queueShards = queueShards;
    }

    /** Writes {@code comments} (each parent before its replies) against {@code stored}, their stored versions. */
    public Outcome write(String origin, List<Comment> comments, Map<String, Comment> stored) {
        return write(origin, comments, stored, List.of());
    }

    /** As {@link #write(String, List, Map)}, with {@code alongside} (other items of the article) in its first calls. */
    Outcome write(String origin, List<Comment> comments, Map<String, Comment> stored,
                  List<Map<String, AttributeValue>> alongside) {
        BatchWriter.Step marks = new BatchWriter.Step();
        alongside.forEach(marks::put);
        Map<Integer, BatchWriter.Step> depths = new TreeMap<>();
        int written = 0;
        int unchanged = 0;
        int kept = 0;
        for (Comment comment : comments) {
            Comment before = stored.get(comment.id());
            if (before != null && before.moderatedBy() != null) {
                kept++;
                continue;
            }
            if (before != null && comment.withVersion(before.version()).equals(before)) {
                unchanged++;
                continue;
            }
            Comment next = comment.withVersion(before == null ? 1 : before.version() + 1);
            Map<String, AttributeValue> newMark = CommentItems.duplicateMarkKey(next);
            if (before != null) {
                // both of the stored comment's fingerprints: the folded one, and the unfolded one of earlier marks
                CommentItems.duplicateMarkKeys(before).stream().filter(old -> !old.equals(newMark)).forEach(marks::delete);
            }
            if (newMark != null) {
                marks.put(CommentItems.duplicateMark(next));
            }
            Map<String, AttributeValue> item = new HashMap<>(CommentItems.item(next, queueShards));
            // marked as imported: moderators are not sent a digest of a site's old held comments
            item.put(HeldComments.IMPORTED_FROM, AttributeValue.fromS(origin));
            depths.computeIfAbsent(next.depth(), d -> new BatchWriter.Step()).put(item);
            written++;
        }
        batches.write(marks);
        depths.values().forEach(batches::write);
        return new Outcome(written, unchanged, kept);
    }

    /** {@code comments} as stored now (consistent reads, 100 keys a call, unprocessed keys asked again). */
    public Map<String, Comment> stored(List<Comment> comments) {
        Map<String, Comment> stored = new HashMap<>();
        for (int from = 0; from < comments.size(); from += GET_BATCH) {
            List<Map<String, AttributeValue>> keys = comments.subList(from, Math.min(comments.size(), from + GET_BATCH))
                    .stream().map(c -> CommentItems.key(c.id())).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> asking = request;
                var response = client.batchGetItem(b -> b.requestItems(asking));
                response.responses().getOrDefault(table, List.of()).stream().map(CommentItems::comment)
                        .forEach(c -> stored.put(c.id(), c));
                request = response.unprocessedKeys().isEmpty() || response.unprocessedKeys().values().stream()
                        .allMatch(k -> k.keys().isEmpty()) ? Map.of() : response.unprocessedKeys();
            }
        }
        return stored;
    }
}
