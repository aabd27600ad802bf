package dev.newsroom.local.wordpress;

import dev.newsroom.adapter.out.dynamodb.CommentItems;
import dev.newsroom.application.port.ArticleRepository;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.Comment;
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
 * article goes first, through the article store's own transaction (the item and its list entries together; its
 * {@code commentCount} is never written here), then the comments, each parent before its replies and each
 * comment after its duplicate mark. Posts are independent of each other, so several may be written at once. Each comment is compared with what is stored: the same is left alone (no
 * write, so no change record either); a changed one is written as the next version, so the counting of
 * approvals from the change stream, exactly once per comment version, sees a change of status made in
 * WordPress between two imports; one a moderator changed here is kept as it is.
 */
final class ImportWriter {
    private static final int GET_BATCH = 100;
    private final DynamoDbClient client;
    private final String table;
    private final ArticleRepository articles;
    private final BatchWriter batches;
    private final int queueShards;
    private final ImportReport report;

    ImportWriter(DynamoDbClient client, String table, ArticleRepository articles, BatchWriter batches, int queueShards,
                 ImportReport report) {
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
     */
    void write(MappedPost post) {
        boolean created = writeArticle(post.article());
        // an article created now has no comments yet: an earlier run stores the article before any of them
        Map<String, Comment> stored = created ? Map.of() : stored(post.comments());
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
            Map<String, AttributeValue> oldMark = before == null ? null : CommentItems.duplicateMarkKey(before);
            Map<String, AttributeValue> newMark = CommentItems.duplicateMarkKey(next);
            if (oldMark != null && !oldMark.equals(newMark)) {
                marks.delete(oldMark);
            }
            if (newMark != null) {
                marks.put(CommentItems.duplicateMark(next));
            }
            depths.computeIfAbsent(next.depth(), d -> new BatchWriter.Step()).put(CommentItems.item(next, queueShards));
        }
        batches.write(marks);
        depths.values().forEach(batches::write);
    }

    /** Creates or updates the article; true when it was created. */
    private boolean writeArticle(Article article) {
        Optional<Article> current = articles.findCurrent(article.slug());
        if (current.isEmpty()) {
            articles.create(article);
            return true;
        }
        Article before = current.get();
        Article same = counted(article, before.commentCount(), before.version());
        if (same.equals(before)) {
            report.articlesUnchanged.incrementAndGet();
        } else {
            articles.update(before, counted(article, before.commentCount(), before.version() + 1), before.version());
        }
        return false;
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
