package dev.newsroom.local.wordpress;

import dev.newsroom.adapter.in.stream.HeldComments;
import dev.newsroom.adapter.out.dynamodb.CommentItems;
import dev.newsroom.adapter.out.dynamodb.DynamoArticleRepository;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stores mapped posts so that running the import again changes nothing and finishes an interrupted run. The
 * article goes first, through the article store's own transaction (the item, marked with the post it is made
 * from, and its list entries together; its {@code commentCount} is never written here): only an article an import
 * made from the same post is ever updated. Then the comments, each parent before its replies and each comment
 * after its duplicate mark. Posts are independent of each other, so several may be written at once. Each comment
 * is compared with what is stored: the same is left alone (no write, so no change record either); a changed one
 * is written as the next version, so the counting of approvals from the change stream, exactly once per comment
 * version, sees a change of status made in WordPress between two imports; one a moderator changed here is kept as
 * it is.
 */
final class ImportWriter {
    private static final String NOT_FROM_THIS_POST = "The slug is taken by an article not imported from this post.";
    private static final int GET_BATCH = 100;
    private final DynamoDbClient client;
    private final String table;
    private final DynamoArticleRepository articles;
    private final BatchWriter batches;
    private final int queueShards;
    private final ImportReport report;

    ImportWriter(DynamoDbClient client, String table, DynamoArticleRepository articles, BatchWriter batches,
                 int queueShards, ImportReport report) {
        this.client = client;
        this.table = table;
        this.articles = articles;
        this.batches = batches;
        this.queueShards = queueShards;
        this.report = report;
    }

    /**
     * Stores one post, in steps that each end stored before the next begins: the article; the duplicate marks of
     * the comments that change; then the comments, depth by depth (so no reply is ever stored without its parent).
     * Counted in the report once all is stored; a refused article ({@code slug_taken}) is thrown before any comment.
     */
    void write(MappedPost post) {
        Optional<DynamoArticleRepository.Stored> current = articles.findCurrentWithOrigin(post.article().slug());
        // an article not there yet has no comments: an earlier run stores the article before any of them
        Map<String, Comment> stored = current.isEmpty() ? Map.of() : stored(post.comments());
        writeArticle(post, current, stored);
        BatchWriter.Step marks = new BatchWriter.Step();
        Map<Integer, BatchWriter.Step> depths = new TreeMap<>();
        for (Comment comment : post.comments()) {
            Comment before = stored.get(comment.id());
            if (before != null && before.moderatedBy() != null) {
                report.commentsKept.incrementAndGet();
                continue;
            }
            if (before != null && comment.withVersion(before.version()).equals(before)) {
                report.commentsUnchanged.incrementAndGet();
                continue;
            }
            Comment next = comment.withVersion(before == null ? 1 : before.version() + 1);
            Map<String, AttributeValue> newMark = CommentItems.duplicateMarkKey(next);
            if (before != null) {
                CommentItems.duplicateMarkKeys(before).stream().filter(old -> !old.equals(newMark)).forEach(marks::delete);
            }
            if (newMark != null) {
                marks.put(CommentItems.duplicateMark(next));
            }
            Map<String, AttributeValue> item = new HashMap<>(CommentItems.item(next, queueShards));
            // marked as imported: moderators are not sent a digest of a site's old held comments
            item.put(HeldComments.IMPORTED_FROM, AttributeValue.fromS(post.origin()));
            depths.computeIfAbsent(next.depth(), d -> new BatchWriter.Step()).put(item);
        }
        batches.write(marks);
        depths.values().forEach(batches::write);
        report.stored(post);
    }

    /**
     * Creates the article, marked with the post's origin in the same transaction, or updates the one an earlier
     * run made from the same post (only while it is still that one); an article with the slug made otherwise, by
     * an editor or from another post or site, is left as it is and the post refused. An article with no origin
     * that is the same as the post's, or holds the post's comments, was made by an import before imports kept
     * their origin: it is taken over (its origin stored). {@code current}: the article with the slug and its
     * origin, as stored; {@code stored}: the post's comments as stored.
     */
    private void writeArticle(MappedPost post, Optional<DynamoArticleRepository.Stored> current, Map<String, Comment> stored) {
        Article article = post.article();
        if (current.isEmpty()) {
            articles.createImported(article, post.origin());
            return;
        }
        Article before = current.get().article();
        Article same = counted(article, before.commentCount(), before.version());
        if (current.get().origin() == null && (same.equals(before) || !stored.isEmpty())) {
            // made by an import before imports kept their origin: the same article, or holding this post's comments
            articles.adoptImported(before, counted(article, before.commentCount(), before.version() + 1),
                    before.version(), post.origin());
            return;
        }
        if (!post.origin().equals(current.get().origin())) {
            throw new ServiceException(ErrorCode.SLUG_TAKEN, NOT_FROM_THIS_POST);
        }
        if (same.equals(before)) {
            report.articlesUnchanged.incrementAndGet();
        } else {
            articles.updateImported(before, counted(article, before.commentCount(), before.version() + 1),
                    before.version(), post.origin());
        }
    }

    /** The post's comments as stored now (consistent reads, 100 keys a call, unprocessed keys asked again). */
    private Map<String, Comment> stored(List<Comment> comments) {
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

    /** The article as imported, with the stored count and the given version. */
    private static Article counted(Article a, long commentCount, long version) {
        return new Article(a.slug(), a.title(), a.excerpt(), a.body(), a.categories(), a.source(), a.seeAlso(), a.related(),
                a.status(), a.commentsOpen(), a.publishedAt(), a.updatedAt(), commentCount, version, a.bodyHtml());
    }
}
