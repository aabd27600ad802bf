package dev.newsroom.application.memory;

import dev.newsroom.application.port.ArticleDates;
import dev.newsroom.application.port.ArticleRepository;
import dev.newsroom.application.port.Page;
import dev.newsroom.application.port.PublishedMonth;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Articles in memory under the adapter's conditions: create never overwrites ({@code slug_taken}, also while an
 * earlier article of the slug is still being deleted), update and delete check the version
 * ({@code version_conflict}), an update never changes the count. Deleting removes the article's comments too;
 * with {@link #cutDeletionsShort} it stops before they are gone, as a deletion past its time budget does, and a
 * later {@link #resumeDeletion} finishes it.
 */
public final class InMemoryArticles implements ArticleRepository {
    private final InMemoryComments comments;
    private final Map<String, Article> articles = new HashMap<>();
    private final Set<String> deletionsPending = new HashSet<>();
    private boolean cutShort;

    public InMemoryArticles(InMemoryComments comments) {
        this.comments = comments;
    }

    /** Whether deletions stop, from now on, before the comments are gone (their time budget spent). */
    public synchronized void cutDeletionsShort(boolean cut) {
        this.cutShort = cut;
    }

    /** Adds {@code delta} to the article's count; false when the article does not exist. */
    synchronized boolean addToCount(String slug, long delta) {
        return setCount(slug, articles.containsKey(slug) ? articles.get(slug).commentCount() + delta : 0);
    }

    /** Sets the article's count; false when the article does not exist. */
    synchronized boolean setCount(String slug, long count) {
        Article a = articles.get(slug);
        if (a == null) {
            return false;
        }
        articles.put(slug, withCount(a, count));
        return true;
    }

    @Override
    public synchronized Optional<Article> find(String slug) {
        return Optional.ofNullable(articles.get(slug));
    }

    @Override
    public synchronized Optional<Article> findCurrent(String slug) {
        return Optional.ofNullable(articles.get(slug));
    }

    @Override
    public synchronized Page<Article> listPublished(String category, int limit, String cursor) {
        return MemoryPages.page(category == null ? "all" : "category|" + category,
                articles.values().stream().filter(a -> a.isPublished() && (category == null || a.categories().contains(category))).toList(),
                a -> a.publishedAt() + "#" + a.slug(), false, limit, cursor, a -> 0);
    }

    @Override
    public synchronized List<PublishedMonth> publishedMonths() {
        Map<YearMonth, Integer> months = new TreeMap<>(Comparator.reverseOrder());
        newestFirst().forEach(a -> months.merge(YearMonth.from(a.publishedAt().atZone(ZoneOffset.UTC)), 1, Integer::sum));
        return months.entrySet().stream().map(e -> new PublishedMonth(e.getKey(), e.getValue())).toList();
    }

    @Override
    public synchronized List<ArticleDates> publishedIn(YearMonth month, int skip, int max) {
        return newestFirst().filter(a -> YearMonth.from(a.publishedAt().atZone(ZoneOffset.UTC)).equals(month))
                .sorted(Comparator.comparing((Article a) -> a.publishedAt() + "#" + a.slug())).skip(skip).limit(max).map(a -> new ArticleDates(a.slug(), a.publishedAt(), a.updatedAt())).toList();
    }

    private java.util.stream.Stream<Article> newestFirst() {
        return articles.values().stream().filter(Article::isPublished)
                .sorted(Comparator.comparing((Article a) -> a.publishedAt() + "#" + a.slug()).reversed());
    }

    @Override
    public synchronized Page<Article> listDrafts(int limit, String cursor) {
        return MemoryPages.page("drafts", articles.values().stream().filter(a -> !a.isPublished()).toList(),
                a -> a.updatedAt() + "#" + a.slug(), false, limit, cursor, a -> 0);
    }

    @Override
    public synchronized Map<String, Long> commentCounts(Collection<String> slugs) {
        return slugs.stream().map(articles::get).filter(a -> a != null && a.isPublished())
                .collect(Collectors.toMap(Article::slug, Article::commentCount));
    }

    @Override
    public synchronized void create(Article article) {
        if (articles.containsKey(article.slug())) {
            throw new ServiceException(ErrorCode.SLUG_TAKEN, "An article with this slug already exists.");
        }
        if (deletionsPending.contains(article.slug())) {
            throw new ServiceException(ErrorCode.SLUG_TAKEN, "The previous article with this slug is still being deleted.");
        }
        articles.put(article.slug(), article);
    }

    @Override
    public synchronized Article update(Article current, Article replacement, long expectedVersion) {
        Article stored = articles.get(current.slug());
        if (stored == null || stored.version() != expectedVersion) {
            throw ServiceException.versionConflict();
        }
        articles.put(stored.slug(), withCount(replacement, stored.commentCount()));
        return articles.get(stored.slug());
    }

    @Override
    public synchronized boolean delete(Article current, Long expectedVersion) {
        Article stored = articles.get(current.slug());
        if (stored == null || expectedVersion != null && stored.version() != expectedVersion) {
            throw ServiceException.versionConflict();
        }
        articles.remove(current.slug());
        deletionsPending.add(current.slug());
        return finishDeletion(current.slug());
    }

    @Override
    public synchronized Optional<Boolean> resumeDeletion(String slug) {
        if (deletionsPending.contains(slug)) {
            return Optional.of(finishDeletion(slug));
        }
        return !articles.containsKey(slug) && comments.deleteAllOf(slug) ? Optional.of(true) : Optional.empty();
    }

    private boolean finishDeletion(String slug) {
        if (cutShort) {
            return false;
        }
        comments.deleteAllOf(slug);
        deletionsPending.remove(slug);
        return true;
    }

    private static Article withCount(Article a, long count) {
        return new Article(a.slug(), a.title(), a.excerpt(), a.body(), a.categories(), a.source(), a.seeAlso(),
                a.related(), a.status(), a.commentsOpen(), a.publishedAt(), a.updatedAt(), count, a.version(), a.bodyHtml(),
                a.leadImage());
    }
}
