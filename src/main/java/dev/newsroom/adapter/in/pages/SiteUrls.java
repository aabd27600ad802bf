package dev.newsroom.adapter.in.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The site's permanent addresses, absolute under {@code base} (scheme, host and any path prefix, no trailing
 * slash): {@code /} (front page), {@code /news/{slug}} (an article; slugs never change), {@code /category/{name}},
 * {@code /feed}, {@code /news/{slug}/feed}, {@code /sitemap.xml} (its files as {@code ?month=}),
 * {@code /news-sitemap.xml} and the files of
 * {@code web/} at the root.
 */
record SiteUrls(String base) {

    String home() {
        return base + "/";
    }

    String article(String slug) {
        return base + "/news/" + segment(slug);
    }

    String category(String name) {
        return base + "/category/" + segment(name);
    }

    /**
     * A comment's lasting link, for feeds and the console: the article finds the page of its thread that holds the
     * comment when the link is followed (that page changes as the thread grows).
     */
    String commentLink(String slug, String id) {
        return withQuery(article(slug), "comment=" + query(id)) + "#comment-" + id;
    }

    /** The address of comment {@code id} on page {@code page} of the thread shown at {@code pageUrl}. */
    static String atComment(String pageUrl, int page, String id) {
        return (page > 1 ? withQuery(pageUrl, "cpage=" + page) : pageUrl) + "#comment-" + id;
    }

    String feed() {
        return base + "/feed";
    }

    String commentsFeed(String slug) {
        return article(slug) + "/feed";
    }

    String sitemap() {
        return base + "/sitemap.xml";
    }

    /** One file of the sitemap, a month's articles or a further part of them (its index names them all). */
    String sitemapFile(java.time.YearMonth month, int part) {
        return sitemap() + "?month=" + month + (part > 1 ? "&part=" + part : "");
    }

    String newsSitemap() {
        return base + "/news-sitemap.xml";
    }

    String asset(String file) {
        return base + "/" + file;
    }

    /** A path segment percent-encoded (spaces as {@code %20}, never {@code +}). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code url} (which may have a query already) with {@code parameter} ({@code name=value}) added to its query. */
    static String withQuery(String url, String parameter) {
        return url + (url.indexOf('?') < 0 ? "?" : "&") + parameter;
    }

    /** A query value percent-encoded. */
    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
