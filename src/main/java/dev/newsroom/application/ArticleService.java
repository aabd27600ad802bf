package dev.newsroom.application;

import dev.newsroom.application.port.ArticleDates;
import dev.newsroom.application.port.ArticleHtmlSanitizer;
import dev.newsroom.application.port.ArticleRepository;
import dev.newsroom.application.port.Page;
import dev.newsroom.application.port.PublishedMonth;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.ArticleDraft;
import dev.newsroom.domain.ArticleRules;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.domain.FieldError;
import dev.newsroom.domain.ServiceException;

import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reading articles as the public sees them (drafts are not found) and managing them as editors do. The sanitizer
 * is asked for only when an editor sends {@code bodyHtml}, so reads never load it.
 */
public final class ArticleService {
    public static final int MAX_COUNT_SLUGS = 100;
    private final ArticleRepository articles;
    private final Clock clock;
    private final Supplier<ArticleHtmlSanitizer> sanitizer;

    public ArticleService(ArticleRepository articles, Clock clock, Supplier<ArticleHtmlSanitizer> sanitizer) {
        this.articles = articles;
        this.clock = clock;
        this.sanitizer = sanitizer;
    }

    public Article publishedArticle(String slug) {
        requireValidSlug(slug);
        return articles.find(slug).filter(Article::isPublished).orElseThrow(ServiceException::articleNotFound);
    }

    /**
     * The published article exactly as stored now (a consistent read): what a submission checks before it
     * writes, instead of locking the article item in its transaction.
     */
    public Article publishedArticleNow(String slug) {
        requireValidSlug(slug);
        return articles.findCurrent(slug).filter(Article::isPublished).orElseThrow(ServiceException::articleNotFound);
    }

    /**
     * Whether readers may comment on {@code article} now: its own flag, and not older than the site's
     * {@code closeCommentsAfterDays} (0: no age limit). What article views show and submissions check.
     */
    public boolean acceptsComments(Article article, DiscussionSettings rules) {
        return article.acceptsCommentsAt(clock.instant(), rules.closeCommentsAfterDays());
    }

    public Page<Article> listPublished(String category, int limit, String cursor) {
        return articles.listPublished(category, limit, cursor);
    }

    /** The months with published articles, newest first (see {@link ArticleRepository#publishedMonths}). */
    public List<PublishedMonth> publishedMonths() {
        return articles.publishedMonths();
    }

    /** Slugs and dates of a month's published articles, oldest first (see {@link ArticleRepository#publishedIn}). */
    public List<ArticleDates> publishedIn(YearMonth month, int skip, int max) {
        return articles.publishedIn(month, skip, max);
    }

    /** Drafts, most recently changed first (the editors' Drafts list). */
    public Page<Article> listDrafts(int limit, String cursor) {
        return articles.listDrafts(limit, cursor);
    }

    /** Counts for up to 100 slugs, in the order asked; unknown, malformed and unpublished slugs count 0. */
    public Map<String, Long> commentCounts(List<String> slugs) {
        LinkedHashSet<String> unique = new LinkedHashSet<>(slugs);
        if (unique.isEmpty() || unique.size() > MAX_COUNT_SLUGS) {
            throw ServiceException.invalidParameter("articles must list 1 to 100 slugs.");
        }
        Map<String, Long> stored = articles.commentCounts(unique.stream().filter(ArticleRules::isValidSlug).toList());
        Map<String, Long> result = new LinkedHashMap<>();
        unique.forEach(slug -> result.put(slug, stored.getOrDefault(slug, 0L)));
        return result;
    }

    /** Any article, drafts included, exactly as stored now: for editors. */
    public Article anyArticle(String slug) {
        requireValidSlug(slug);
        return articles.findCurrent(slug).orElseThrow(ServiceException::articleNotFound);
    }

    /** Creates an article; an unfinished deletion of an earlier article with the same slug is finished first. */
    public Article create(ArticleDraft draft) {
        Article article = ArticleRules.toArticle(sanitized(draft), clock.instant(), 0, 1);
        articles.resumeDeletion(article.slug());
        articles.create(article);
        return article;
    }

    /** Replaces an article's content; the slug cannot change, the comment count is kept. */
    public Article update(String slug, ArticleDraft draft, long expectedVersion) {
        if (draft.slug() != null && !draft.slug().equals(slug)) {
            throw ServiceException.validation(List.of(new FieldError("slug", "immutable",
                    "The slug of an existing article cannot change.")));
        }
        ArticleDraft withSlug = draft.withSlug(slug);
        Article current = anyArticle(slug);
        if (current.version() != expectedVersion) {
            throw ServiceException.versionConflict();
        }
        Article updated = ArticleRules.toArticle(sanitized(withSlug), clock.instant(), current.commentCount(),
                expectedVersion + 1);
        return articles.update(current, updated, expectedVersion);
    }

    /**
     * Deletes an article and its comments. True when everything is gone; false when the comments are still being
     * deleted, which a repeated delete (or creating the slug again) goes on with. A repeated delete of an article
     * whose comments are gone is {@code article_not_found}.
     */
    public boolean delete(String slug, Long expectedVersion) {
        requireValidSlug(slug);
        var current = articles.findCurrent(slug);
        if (current.isPresent()) {
            return articles.delete(current.get(), expectedVersion);
        }
        return articles.resumeDeletion(slug).orElseThrow(ServiceException::articleNotFound);
    }

    /**
     * The draft with an editor's {@code bodyHtml} sanitized and {@code body} made from it (what was sent as
     * {@code body} then is ignored); a draft without {@code bodyHtml} as it is.
     */
    private ArticleDraft sanitized(ArticleDraft draft) {
        if (draft.bodyHtml() == null) {
            return draft;
        }
        ArticleHtmlSanitizer html = sanitizer.get();
        String clean = html.sanitize(draft.bodyHtml());
        return draft.withBodyHtml(clean, html.paragraphs(clean));
    }

    /** A malformed slug names no article: 404 without asking the database. */
    private static void requireValidSlug(String slug) {
        if (!ArticleRules.isValidSlug(slug)) {
            throw ServiceException.articleNotFound();
        }
    }
}
