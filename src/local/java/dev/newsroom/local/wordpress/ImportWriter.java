package dev.newsroom.local.wordpress;

import dev.newsroom.adapter.out.dynamodb.DynamoArticleRepository;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;
import java.util.Optional;

/**
 * Stores mapped posts so that running the import again changes nothing and finishes an interrupted run. The
 * article goes first, through the article store's own transaction (the item, marked with the post it is made
 * from, and its list entries together; its {@code commentCount} is never written here): only an article an import
 * made from the same post is ever updated. Then its permalink ({@link ImportedLinks}, so a Disqus thread finds
 * it) and its comments ({@link ImportedComments}: only what changed is written). Posts are independent of each
 * other, so several may be written at once.
 */
final class ImportWriter {
    private static final String NOT_FROM_THIS_POST = "The slug is taken by an article not imported from this post.";
    private final DynamoArticleRepository articles;
    private final ImportedComments comments;
    private final ImportReport report;

    ImportWriter(DynamoDbClient client, String table, DynamoArticleRepository articles, int queueShards, ImportReport report) {
        this.articles = articles;
        this.comments = new ImportedComments(client, table, queueShards);
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
        Map<String, Comment> stored = current.isEmpty() ? Map.of() : comments.stored(post.comments());
        writeArticle(post, current, stored);
        ImportedComments.Outcome outcome = comments.write(post.origin(), post.comments(), stored,
                ImportedLinks.item(post.link(), post.article().slug()).stream().toList());
        report.commentsKept.addAndGet(outcome.kept());
        report.commentsUnchanged.addAndGet(outcome.unchanged());
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

    /** The article as imported, with the stored count and the given version. */
    private static Article counted(Article a, long commentCount, long version) {
        return new Article(a.slug(), a.title(), a.excerpt(), a.body(), a.categories(), a.source(), a.seeAlso(), a.related(),
                a.status(), a.commentsOpen(), a.publishedAt(), a.updatedAt(), commentCount, version, a.bodyHtml(),
                a.leadImage());
    }
}
