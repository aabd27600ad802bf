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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages that list articles: the front page and category pages (ten a page, newest first, "Older articles" by
 * the list's cursor, {@code ?after=}), the articles' feed, and the sitemaps: an index of one file a month of
 * publication (several when a month holds more than {@link #SITEMAP_FILE_MAX} articles), so every published
 * article is in one; and the news sitemap, those of the last two days (at most {@link #NEWS_SITEMAP_MAX}).
 */
final class ListPages {
    static final int PER_PAGE = 10;
    static final int FEED_ITEMS = 20;
    /** Articles a sitemap file lists at most (WordPress's own number; the protocol allows 50,000). */
    static final int SITEMAP_FILE_MAX = 2000;
    /** Google News reads at most 1,000 articles from a news sitemap. */
    static final int NEWS_SITEMAP_MAX = 1000;
    /** A sitemap file's name: the month of publication, and the part of a month that needs more than one file. */
    private static final Pattern SITEMAP_FILE = Pattern.compile("([0-9]{4}-[0-9]{2})(?:-([0-9]{1,5}))?\\.xml");
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

    /** The sitemap index: a file for each month with published articles, newest first, then each month's parts. */
    PageAnswer sitemap(SiteUrls urls) {
        return PageAnswer.of(PageAnswer.XML, Sitemaps.index(sitemapFiles(app.articles().publishedMonths(),
                SITEMAP_FILE_MAX), urls));
    }

    /** The sitemap's file names for {@code months}: {@code 2026-12.xml}, then {@code 2026-12-2.xml}... past {@code perFile}. */
    static List<String> sitemapFiles(List<PublishedMonth> months, int perFile) {
        List<String> files = new ArrayList<>();
        for (PublishedMonth month : months) {
            int parts = Math.max(1, (month.articles() + perFile - 1) / perFile);
            for (int part = 1; part <= parts; part++) {
                files.add(month.month() + (part == 1 ? "" : "-" + part) + ".xml");
            }
        }
        return files;
    }

    /** One file of the sitemap ({@code 2026-12.xml}, {@code 2026-12-2.xml}); the 404 page for any other name. */
    PageAnswer sitemapFile(SiteUrls urls, String name) {
        Matcher file = SITEMAP_FILE.matcher(name);
        if (!file.matches() || "1".equals(file.group(2)) || (file.group(2) != null && file.group(2).startsWith("0"))) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "No sitemap here.");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(file.group(1));
        } catch (DateTimeParseException e) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "No sitemap here.");
        }
        int part = file.group(2) == null ? 1 : Integer.parseInt(file.group(2));
        List<ArticleDates> articles = app.articles().publishedIn(month, (part - 1) * SITEMAP_FILE_MAX, SITEMAP_FILE_MAX);
        if (articles.isEmpty()) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "No sitemap here.");
        }
        return PageAnswer.of(PageAnswer.XML, Sitemaps.urls(articles, urls));
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
                if (out.size() >= max || (since != null && a.publishedAt() != null && a.publishedAt().isBefore(since))) {
                    return out;
                }
                out.add(a);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }
}
