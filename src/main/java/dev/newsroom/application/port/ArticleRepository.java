package dev.newsroom.application.port;

import dev.newsroom.domain.Article;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Articles in storage. Writes are conditional: create never overwrites, update and delete check the version. */
public interface ArticleRepository {
    Optional<Article> find(String slug);

    /** Published articles, newest first, optionally of one category; cursors are bound to the list they came from. */
    Page<Article> listPublished(String category, int limit, String cursor);

    /** Approved-comment counts of the published articles among {@code slugs}, read in one batch. */
    Map<String, Long> commentCounts(Collection<String> slugs);

    /** Stores a new article; {@code slug_taken} when the slug exists. */
    void create(Article article);

    /**
     * Replaces the editable fields of {@code current} (as read by the caller) with those of {@code replacement},
     * never the count; {@code version_conflict} when the stored version is not {@code expectedVersion}.
     */
    Article update(Article current, Article replacement, long expectedVersion);

    /** Deletes {@code current} and every comment of it; {@code version_conflict} when stale (null version: any). */
    void delete(Article current, Long expectedVersion);
}
