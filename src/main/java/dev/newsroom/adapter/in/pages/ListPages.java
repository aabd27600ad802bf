package dev.newsroom.adapter.in.pages;

import dev.newsroom.application.port.Page;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages that list articles: the front page and category pages (ten a page, newest first, "Older articles" by
 * the list's cursor, {@code ?after=}), the articles' feed, and the sitemaps (at most {@link #SITEMAP_MAX} articles;
 * the news sitemap those of the last two days).
 */
final class ListPages {
    static final int PER_PAGE = 10;
    static final int FEED_ITEMS = 20;
    static final int SITEMAP_MAX = 1000;
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

    PageAnswer sitemap(SiteUrls urls) {
        return PageAnswer.of(PageAnswer.XML, Sitemaps.sitemap(newest(SITEMAP_MAX, null), urls));
    }

    PageAnswer newsSitemap(SiteUrls urls) {
        Instant since = app.clock().instant().minus(NEWS_WINDOW);
        return PageAnswer.of(PageAnswer.XML, Sitemaps.news(newest(SITEMAP_MAX, since), urls, since));
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
