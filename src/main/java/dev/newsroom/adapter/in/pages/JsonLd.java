package dev.newsroom.adapter.in.pages;

import dev.newsroom.domain.Article;
import dev.newsroom.domain.Comment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The article as schema.org's {@code NewsArticle} in JSON-LD: headline, description, dates, image, sections,
 * publisher and source, {@code commentCount} (the approved total) and the comments shown on the page as nested
 * {@code Comment}s (author as {@code Person}, replies under {@code comment}, the text cut to {@link #MAX_TEXT}
 * characters, so a page of long comments does not carry each twice), as search engines read discussions.
 * Written so that it cannot end its {@code <script>} element: {@code <}, {@code >} and {@code &} as JSON escapes.
 */
final class JsonLd {
    /** The most characters of a comment's text given as its {@code text} (then cut, with an ellipsis): the page shows it whole. */
    static final int MAX_TEXT = 500;
    /** Jackson's streaming core only: data binding is not in the deployment package. */

    private JsonLd() {
    }

    static String newsArticle(Article a, SiteUrls urls, ThreadView shown) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("@context", "https://schema.org");
        v.put("@type", "NewsArticle");
        String url = urls.article(a.slug());
        v.put("@id", url);
        v.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", url));
        v.put("url", url);
        v.put("headline", a.title());
        v.put("description", a.excerpt());
        put(v, "datePublished", a.publishedAt());
        put(v, "dateModified", a.updatedAt() == null ? a.publishedAt() : a.updatedAt());
        if (a.leadImage() != null) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("@type", "ImageObject");
            image.put("url", a.leadImage().url());
            image.put("width", a.leadImage().width());
            image.put("height", a.leadImage().height());
            if (a.leadImage().caption() != null) {
                image.put("caption", a.leadImage().caption());
            }
            v.put("image", List.of(image));
        }
        if (!a.categories().isEmpty()) {
            v.put("articleSection", a.categories());
        }
        Map<String, Object> publisher = organization(Layout.SITE_NAME, urls.home());
        v.put("publisher", publisher);
        v.put("author", a.source() == null ? publisher : organization(a.source().name(), a.source().url()));
        v.put("isAccessibleForFree", true);
        v.put("commentCount", a.commentCount());
        List<Map<String, Object>> comments = approved(shown.roots(), url, shown.page());
        if (!comments.isEmpty()) {
            v.put("comment", comments);
        }
        return write(v);
    }

    private static Map<String, Object> comment(ThreadView.Node node, String articleUrl, int page) {
        Comment c = node.comment();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("@type", "Comment");
        v.put("@id", articleUrl + "#comment-" + c.id());
        v.put("url", SiteUrls.atComment(articleUrl, page, c.id())); // the page that shows it; the @id stays
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("@type", "Person");
        author.put("name", c.authorName() == null || c.authorName().isBlank() ? "Anonymous" : c.authorName());
        if (c.authorUrl() != null && c.authorUrl().startsWith("http")) {
            author.put("url", c.authorUrl());
        }
        v.put("author", author);
        put(v, "datePublished", c.createdAt());
        v.put("text", shortened(c.content()));
        List<Map<String, Object>> replies = approved(node.children(), articleUrl, page);
        if (!replies.isEmpty()) {
            v.put("comment", replies);
        }
        return v;
    }

    /** {@code text}, or its first {@link #MAX_TEXT} characters (never half a surrogate pair) and an ellipsis. */
    static String shortened(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
        return text.substring(0, end) + "\u2026";
    }

    /** The approved comments among {@code nodes} (a held one previewed for its author is not published data). */
    private static List<Map<String, Object>> approved(List<ThreadView.Node> nodes, String articleUrl, int page) {
        return nodes.stream().filter(n -> n.comment().isApproved()).map(n -> comment(n, articleUrl, page)).toList();
    }

    private static Map<String, Object> organization(String name, String url) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("@type", "Organization");
        v.put("name", name);
        if (url != null) {
            v.put("url", url);
        }
        return v;
    }

    private static void put(Map<String, Object> v, String field, Instant instant) {
        if (instant != null) {
            v.put(field, instant.truncatedTo(ChronoUnit.SECONDS).toString());
        }
    }

    private static String write(Map<String, Object> value) {
        return PagesFunction.JSON.write(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
