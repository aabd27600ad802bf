package dev.newsroom.adapter.in.pages;

import static dev.newsroom.adapter.in.pages.Html.esc;

/**
 * The frame of every page: the head ({@link PageHead}: title, description, canonical, Open Graph, Twitter card,
 * JSON-LD, the feed), the site's header and footer, the stylesheets, and the one script, {@code comments.js}, on
 * pages with a discussion. No inline script or style: the JSON-LD block is data, which no browser runs.
 */
final class Layout {
    static final String SITE_NAME = "Newsroom";

    private Layout() {
    }

    /** The page; {@code discussionSlug} names the article whose discussion the script enhances (null: no script). */
    static String page(SiteUrls urls, PageHead head, String main, String discussionSlug) {
        StringBuilder html = new StringBuilder(main.length() + 4096);
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(head.title())).append("</title>\n");
        if (head.description() != null && !head.description().isBlank()) {
            html.append("<meta name=\"description\" content=\"").append(esc(head.description())).append("\">\n");
        }
        if (head.noindex()) {
            html.append("<meta name=\"robots\" content=\"noindex\">\n");
        }
        if (head.canonical() != null) {
            html.append("<link rel=\"canonical\" href=\"").append(esc(head.canonical())).append("\">\n");
        }
        openGraph(html, head);
        html.append("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"").append(esc(SITE_NAME))
                .append(" &raquo; Feed\" href=\"").append(esc(urls.feed())).append("\">\n")
                .append("<link rel=\"icon\" href=\"").append(esc(urls.asset("favicon.svg"))).append("\" type=\"image/svg+xml\">\n")
                .append("<link rel=\"stylesheet\" href=\"").append(esc(urls.asset("pages.css"))).append("\">\n")
                .append("<link rel=\"stylesheet\" href=\"").append(esc(urls.asset("content.css"))).append("\">\n");
        if (head.jsonLd() != null) {
            html.append("<script type=\"application/ld+json\">").append(head.jsonLd()).append("</script>\n");
        }
        html.append("</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n")
                .append("<header class=\"site\"><a class=\"site-name\" href=\"").append(esc(urls.home())).append("\">")
                .append(esc(SITE_NAME)).append("</a></header>\n<main id=\"main\">\n").append(main)
                .append("</main>\n<footer class=\"site\"><p><a href=\"").append(esc(urls.feed()))
                .append("\">RSS feed</a></p></footer>\n");
        if (discussionSlug != null) {
            html.append("<script src=\"").append(esc(urls.asset("comments.js"))).append("\" data-article=\"")
                    .append(esc(discussionSlug)).append("\" data-api=\"").append(esc(urls.base())).append("\" defer></script>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void openGraph(StringBuilder html, PageHead head) {
        meta(html, "property", "og:site_name", SITE_NAME);
        meta(html, "property", "og:type", head.ogType());
        meta(html, "property", "og:title", head.title());
        meta(html, "property", "og:description", head.description());
        meta(html, "property", "og:url", head.canonical());
        meta(html, "name", "twitter:card", head.image() == null ? "summary" : "summary_large_image");
        meta(html, "name", "twitter:title", head.title());
        meta(html, "name", "twitter:description", head.description());
        if (head.image() != null) {
            meta(html, "property", "og:image", head.image().url());
            meta(html, "property", "og:image:width", Integer.toString(head.image().width()));
            meta(html, "property", "og:image:height", Integer.toString(head.image().height()));
            meta(html, "property", "og:image:alt", head.image().alt());
            meta(html, "name", "twitter:image", head.image().url());
        }
    }

    private static void meta(StringBuilder html, String kind, String name, String content) {
        if (content != null && !content.isBlank()) {
            html.append("<meta ").append(kind).append("=\"").append(name).append("\" content=\"").append(esc(content))
                    .append("\">\n");
        }
    }
}
