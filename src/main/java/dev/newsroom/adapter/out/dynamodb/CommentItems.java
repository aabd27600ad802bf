package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

/**
 * A comment's stored items for writers outside this package that batch them (the local runner's WordPress import):
 * the same item, index keys and duplicate mark that a submission writes, so a comment written this way is read,
 * moderated, counted and erased like any other. A comment in trash has no duplicate mark, as in moderation.
 */
public final class CommentItems {
    private CommentItems() {
    }

    public static Map<String, AttributeValue> key(String commentId) {
        return Writes.key(TableLayout.commentPk(commentId), TableLayout.COMMENT_SK);
    }

    /** The comment item, its moderation-queue entry in one of {@code queueShards} partitions. */
    public static Map<String, AttributeValue> item(Comment comment, int queueShards) {
        return CommentItem.SCHEMA.itemToMap(ItemMapper.toItem(comment, queueShards), true);
    }

    public static Comment comment(Map<String, AttributeValue> item) {
        return ItemMapper.toComment(CommentItem.SCHEMA.mapToItem(item));
    }

    /** The key of the comment's duplicate mark, or null when it has none (in trash). */
    public static Map<String, AttributeValue> duplicateMarkKey(Comment comment) {
        return comment.status() == CommentStatus.TRASH ? null : DuplicateMarks.key(comment.duplicateKey());
    }

    /**
     * Every key the comment's mark may have (its fingerprint's, and the one marks had before folding), to remove
     * when the comment changes; none when it is in trash.
     */
    public static List<Map<String, AttributeValue>> duplicateMarkKeys(Comment comment) {
        return comment.status() == CommentStatus.TRASH ? List.of() : DuplicateMarks.keysOf(comment);
    }

    /** The duplicate mark naming the comment; only for a comment not in trash. */
    public static Map<String, AttributeValue> duplicateMark(Comment comment) {
        return DuplicateMarks.item(comment);
    }
}
