package dev.newsroom.adapter.in.pages;

import dev.newsroom.application.port.ArticleDates;
import dev.newsroom.application.port.Page;
import dev.newsroom.application.port.PublishedMonth;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The pages that list articles: the front page and category pages (ten a page, newest first, "Older articles" by
 * the list's cursor, {@code ?after=}), the articles' feed, and the sitemaps: an index of one file a month of
 * publication (several when a month holds more than {@link #SITEMAP_FILE_MAX} articles), so every published
 * article is in one ({@link #sitemap}); and the news sitemap, those of the last two days (at most {@link #NEWS_SITEMAP_MAX}).
 */
final class ListPages {
    static final int PER_PAGE = 10;
    static final int FEED_ITEMS = 20;
    /** Articles a sitemap file lists at most (WordPress's own number; the protocol allows 50,000). */
    static final int SITEMAP_FILE_MAX = 2000;
    /** Google News reads at most 1,000 articles from a news sitemap. */
    static final int NEWS_SITEMAP_MAX = 1000;
    /** The sitemap's query: a file's month of publication, and its part when a month needs more than one file. */
    private static final Set<String> SITEMAP_QUERY = Set.of("month", "part");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final Pattern PART = Pattern.compile("[2-9]|[1-9][0-9]{1,4}");
    static final Duration NEWS_WINDOW = Duration.ofDays(2);
    private final AppContext app;

    ListPages(AppContext app) {
        this.app = app;
    }

    PageAnswer front(PageRequest r, SiteUrls urls) {
        String after = r.query("after");
        Page<Article> page = app.articles().listPublished(null, PER_PAGE, after);
        String older = page.nextCursor() == null ? null : urls.home() + "?after=" + SiteUrls.query(page.nextCursor());
        String title = after == null ? Layout.SITE_NAME + " – Latest news" : "Older articles – " + Layout.SITE_NAME;
        PageHead head = PageHead.of(title, "The latest articles from " + Layout.SITE_NAME + ".", urls.home());
        return PageAnswer.html(200, Layout.page(urls, after == null ? head : head.noindexed(),
                ListHtml.render("Latest news", page.items(), urls, app.settings().current().display(), older), null));
    }

    PageAnswer category(PageRequest r, SiteUrls urls, String name) {
        if (name == null || name.isBlank() || name.length() > 60) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "No such category.");
        }
        String after = r.query("after");
        Page<Article> page = app.articles().listPublished(name, PER_PAGE, after);
        if (page.items().isEmpty() && after == null) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "No such category.");
        }
        String canonical = urls.category(name);
        String older = page.nextCursor() == null ? null : canonical + "?after=" + SiteUrls.query(page.nextCursor());
        PageHead head = PageHead.of(name + " – " + Layout.SITE_NAME, "Articles in " + name + ".", canonical);
        return PageAnswer.html(200, Layout.page(urls, after == null ? head : head.noindexed(),
                ListHtml.render("Category: " + name, page.items(), urls, app.settings().current().display(), older), null));
    }

    PageAnswer feed(SiteUrls urls) {
        List<Article> latest = app.articles().listPublished(null, FEED_ITEMS, null).items();
        return PageAnswer.of(PageAnswer.RSS, Feeds.articles(latest, urls, app.clock().instant()));
    }

    /** One file of the sitemap: a month of publication and which part of it (from 1). */
    record SitemapFile(YearMonth month, int part) {
    }

    /**
     * The sitemap, at the site's root so it may list any of its addresses: with no query, the index of its files
     * (each month with published articles, newest first, then that month's further parts); with
     * {@code ?month=yyyy-MM[&part=N]}, that file; the 404 page for a month or part without articles, or a malformed
     * one. Another page's parameter (which the distribution keys its cache by) gets a 301, never kept, to the
     * address without it, reading nothing; a parameter outside the cache key is ignored, as the cache ignores it
     * ({@link PagesFunction#CACHE_KEY_QUERY}).
     */
    PageAnswer sitemap(PageRequest r, SiteUrls urls) {
        String month = r.query("month");
        String part = r.query("part");
        if (r.queryNames().stream().anyMatch(name -> PagesFunction.CACHE_KEY_QUERY.contains(name)
                && !SITEMAP_QUERY.contains(name))) {
            return PageAnswer.movedPermanently(urls.sitemap() + (month == null ? "" : "?month=" + SiteUrls.query(month)
                    + (part == null ? "" : "&part=" + SiteUrls.query(part))));
        }
        if (month == null && part == null) {
            return PageAnswer.of(PageAnswer.XML, Sitemaps.index(sitemapFiles(app.articles().publishedMonths(),
                    SITEMAP_FILE_MAX), urls));
        }
        SitemapFile file = sitemapFile(month, part);
        List<ArticleDates> articles = app.articles().publishedIn(file.month(), (file.part() - 1) * SITEMAP_FILE_MAX,
                SITEMAP_FILE_MAX);
        if (articles.isEmpty()) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "No sitemap here.");
        }
        return PageAnswer.of(PageAnswer.XML, Sitemaps.urls(articles, urls));
    }

    /** The sitemap's files for {@code months}: each month, then its further parts past {@code perFile} articles. */
    static List<SitemapFile> sitemapFiles(List<PublishedMonth> months, int perFile) {
        List<SitemapFile> files = new ArrayList<>();
        for (PublishedMonth month : months) {
            int parts = Math.max(1, (month.articles() + perFile - 1) / perFile);
            for (int part = 1; part <= parts; part++) {
                files.add(new SitemapFile(month.month(), part));
            }
        }
        return files;
    }

    /** The file {@code ?month=&part=} name ({@code part} only from 2: one address a file); not found otherwise. */
    private static SitemapFile sitemapFile(String month, String part) {
        if (month == null || !MONTH.matcher(month).matches() || (part != null && !PART.matcher(part).matches())) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "No sitemap here.");
        }
        try {
            return new SitemapFile(YearMonth.parse(month), part == null ? 1 : Integer.parseInt(part));
        } catch (DateTimeParseException e) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "No sitemap here.");
        }
    }

    PageAnswer newsSitemap(SiteUrls urls) {
        Instant since = app.clock().instant().minus(NEWS_WINDOW);
        return PageAnswer.of(PageAnswer.XML, Sitemaps.news(newest(NEWS_SITEMAP_MAX, since), urls, since));
    }

    /** The newest published articles, at most {@code max}, stopping at the first published before {@code since}. */
    private List<Article> newest(int max, Instant since) {
        List<Article> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<Article> page = app.articles().listPublished(null, 100, cursor);
            for (Article a : page.items()) {
                if (out.size() >= max || (a.publishedAt() != null && a.publishedAt().isBefore(since))) {
                    return out;
                }
                out.add(a);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }
}
