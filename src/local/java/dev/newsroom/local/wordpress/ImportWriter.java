package dev.newsroom.local.wordpress;

import dev.newsroom.adapter.out.dynamodb.DynamoArticleRepository;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;

/**
 * Stores mapped posts so that running the import again changes nothing and finishes an interrupted run. The
 * article goes first, through the article store's own transaction (the item, marked with the post it is made
 * from, and its list entries together; its {@code commentCount} is never written here): only an article an import
 * made from the same post is ever updated. Then its permalink ({@link ImportedLinks}, so a Disqus thread finds
 * it), its comments and their count ({@link ImportedComments}: only what changed is written and counted). Posts
 * are independent of each other, so several may be written at once.
 */
final class ImportWriter implements AutoCloseable {
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
     * Stores one post, in steps that each end stored before the next begins: the article (created with the
     * comments' count step open on it when it is new; an article there already is read first); the duplicate
     * marks of the comments that change; the comments, depth by depth (so no reply is ever stored without its
     * parent); their count. Counted in the report once all is stored; a refused article ({@code slug_taken}) is
     * thrown before any comment.
     */
    void write(MappedPost post) {
        String slug = post.article().slug();
        // a new article has no comments yet: an earlier run stores the article before any of them
        ImportedComments.Plan plan = comments.plan(post.origin(), post.comments(), Map.of());
        boolean created = articles.createImported(post.article(), post.origin(), plan.countStep());
        if (!created) {
            DynamoArticleRepository.Stored current = articles.findCurrentWithOrigin(slug)
                    .orElseThrow(() -> new ServiceException(ErrorCode.SLUG_TAKEN, "The article with this slug was deleted"
                            + " while the import read it; run the import again."));
            ImportedComments.Stored stored = comments.stored(post.comments());
            writeArticle(post, current, stored.comments());
            comments.settleUnfinished(slug, post.origin(), stored);
            plan = comments.plan(post.origin(), post.comments(), stored.comments());
        }
        ImportedComments.Outcome outcome = comments.write(plan, ImportedLinks.item(post.link(), slug).stream().toList(), created);
        report.commentsKept.addAndGet(outcome.kept());
        report.commentsElsewhere.addAndGet(outcome.elsewhere());
        report.commentsUnchanged.addAndGet(outcome.unchanged());
        report.stored(post);
    }

    /**
     * Updates the article an earlier run made from the same post (only while it is still that one); an article
     * with the slug made otherwise, by an editor or from another post or site, is left as it is and the post
     * refused. An article with no origin that is the same as the post's, or holds the post's comments, was made by
     * an import before imports kept their origin: it is taken over (its origin stored). {@code current}: the
     * article with the slug and its origin, as stored; {@code stored}: the post's comments as stored.
     */
    private void writeArticle(MappedPost post, DynamoArticleRepository.Stored current, Map<String, Comment> stored) {
        Article article = post.article();
        Article before = current.article();
        Article same = counted(article, before.commentCount(), before.version());
        if (current.origin() == null && (same.equals(before) || !stored.isEmpty())) {
            // made by an import before imports kept their origin: the same article, or holding this post's comments
            articles.adoptImported(before, counted(article, before.commentCount(), before.version() + 1),
                    before.version(), post.origin());
            return;
        }
        if (!post.origin().equals(current.origin())) {
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

    /** Stops the comments' writer once every post is written. */
    @Override
    public void close() {
        comments.close();
    }
}
