package dev.newsroom.application.port;

import dev.newsroom.domain.Article;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Articles in storage. Writes are conditional: create never overwrites, update and delete check the version. */
public interface ArticleRepository {
    /** The article as last stored or a moment before (an eventually consistent read, for public pages). */
    Optional<Article> find(String slug);

    /** The article exactly as stored now (a consistent read, for editors' writes). */
    Optional<Article> findCurrent(String slug);

    /** Published articles, newest first, optionally of one category; cursors are bound to the list they came from. */
    Page<Article> listPublished(String category, int limit, String cursor);

    /**
     * Every month (UTC) with published articles, newest first, with how many each holds: the keys of the list of
     * all articles, read whole (a few bytes an article), so a sitemap of any size can be cut into files by month.
     */
    List<PublishedMonth> publishedMonths();

    /**
     * The published articles of {@code month} (UTC), oldest first (a new one only ever comes last), after the
     * first {@code skip}, at most {@code max}: their slugs and dates only, from the list (never an article's item).
     */
    List<ArticleDates> publishedIn(YearMonth month, int skip, int max);

    /**
     * Drafts, most recently changed first (a draft stored before drafts were listed appears once it is saved
     * again); cursors are bound to this list.
     */
    Page<Article> listDrafts(int limit, String cursor);

    /** Approved-comment counts of the published articles among {@code slugs}, read in one batch. */
    Map<String, Long> commentCounts(Collection<String> slugs);

    /** Stores a new article; {@code slug_taken} when the slug exists or its earlier article is still being deleted. */
    void create(Article article);

    /**
     * Replaces the editable fields of {@code current} (as read by the caller) with those of {@code replacement},
     * never the count; {@code version_conflict} when the stored version is not {@code expectedVersion}.
     */
    Article update(Article current, Article replacement, long expectedVersion);

    /**
     * Deletes {@code current} and then every comment of it; {@code version_conflict} when stale (null version:
     * any). Returns true when the comments are gone too, false when their deletion continues (see
     * {@link #resumeDeletion}). Until it is finished the slug cannot be created again.
     */
    boolean delete(Article current, Long expectedVersion);

    /**
     * Goes on with an unfinished deletion of {@code slug}: empty when none is pending, else whether it is now
     * finished.
     */
    Optional<Boolean> resumeDeletion(String slug);
}
