package dev.newsroom.adapter.in.pages;

import dev.newsroom.domain.Article;
import dev.newsroom.domain.ArticleLink;
import dev.newsroom.domain.LeadImage;
import dev.newsroom.domain.PageDisplay;
import dev.newsroom.domain.RelatedPost;
import dev.newsroom.domain.SiteDates;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static dev.newsroom.adapter.in.pages.Html.esc;

/**
 * The article itself: categories, headline, source and date, the lead image (its width and height written, so the
 * page keeps its place while it loads), the body ({@code bodyHtml} as stored, sanitized on write) with the "See
 * also" links spread evenly between its top-level blocks, and the related posts, their titles whole.
 */
final class ArticleHtml {
    private ArticleHtml() {
    }

    static String render(Article a, SiteUrls urls, PageDisplay display) {
        StringBuilder html = new StringBuilder(a.bodyHtml().length() + 4096);
        html.append("<article class=\"post\" id=\"post-").append(esc(a.slug())).append("\">\n<header class=\"entry-header\">\n");
        if (!a.categories().isEmpty()) {
            html.append("<p class=\"categories\">");
            for (String c : a.categories()) {
                html.append("<a class=\"category\" href=\"").append(esc(urls.category(c))).append("\">").append(esc(c))
                        .append("</a> ");
            }
            html.append("</p>\n");
        }
        html.append("<h1 class=\"entry-title\">").append(esc(a.title())).append("</h1>\n<p class=\"byline\">");
        if (a.source() != null) {
            html.append("<span class=\"source\">Source: ");
            String url = a.source().url();
            if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
                html.append("<a href=\"").append(esc(url)).append("\" rel=\"noopener\">").append(esc(a.source().name())).append("</a>");
            } else {
                html.append(esc(a.source().name()));
            }
            html.append("</span> <span class=\"sep\" aria-hidden=\"true\">&middot;</span> ");
        }
        if (a.publishedAt() != null) {
            html.append("<time class=\"published\" datetime=\"").append(a.publishedAt().truncatedTo(ChronoUnit.SECONDS))
                    .append("\">").append(esc(SiteDates.format(a.publishedAt(), display.dateFormat(), display.zone())))
                    .append("</time> <span class=\"sep\" aria-hidden=\"true\">&middot;</span> ");
        }
        html.append("<a href=\"#comments\">").append(a.commentCount() == 1 ? "1 comment" : a.commentCount() + " comments")
                .append("</a></p>\n</header>\n");
        if (a.leadImage() != null) {
            leadImage(html, a.leadImage());
        }
        html.append("<div class=\"entry-content\">\n");
        body(html, a, urls);
        html.append("</div>\n</article>\n");
        related(html, a.related(), urls);
        return html.toString();
    }

    private static void leadImage(StringBuilder html, LeadImage image) {
        html.append("<figure class=\"lead-image\"><img src=\"").append(esc(image.url())).append("\" alt=\"")
                .append(esc(image.alt())).append("\" width=\"").append(image.width()).append("\" height=\"")
                .append(image.height()).append("\" fetchpriority=\"high\" decoding=\"async\">");
        if (image.caption() != null || image.credit() != null) {
            html.append("<figcaption>").append(esc(image.caption()));
            if (image.credit() != null) {
                html.append(" <span class=\"credit\">").append(esc(image.credit())).append("</span>");
            }
            html.append("</figcaption>");
        }
        html.append("</figure>\n");
    }

    /** The body's top-level blocks, the k-th of n "See also" links after block round(k * blocks / (n + 1)). */
    private static void body(StringBuilder html, Article a, SiteUrls urls) {
        List<Node> nodes = new ArrayList<>(Jsoup.parseBodyFragment(a.bodyHtml()).body().childNodes());
        long blocks = nodes.stream().filter(n -> n instanceof Element).count();
        List<ArticleLink> seeAlso = a.seeAlso();
        int block = -1;
        int next = 0;
        for (Node node : nodes) {
            html.append(node.outerHtml());
            if (!(node instanceof Element)) {
                continue;
            }
            block++;
            while (next < seeAlso.size() && Math.max(1, Math.round((next + 1) * blocks / (double) (seeAlso.size() + 1))) - 1 <= block) {
                seeAlso(html, seeAlso.get(next++), urls);
            }
        }
        while (next < seeAlso.size()) {
            seeAlso(html, seeAlso.get(next++), urls);
        }
    }

    private static void seeAlso(StringBuilder html, ArticleLink link, SiteUrls urls) {
        html.append("\n<p class=\"see-also\">See also <a href=\"").append(esc(urls.article(link.slug()))).append("\">")
                .append(esc(link.title())).append("</a></p>\n");
    }

    private static void related(StringBuilder html, List<RelatedPost> related, SiteUrls urls) {
        if (related.isEmpty()) {
            return;
        }
        html.append("<section class=\"related-posts\" aria-labelledby=\"related-title\">\n<h2 id=\"related-title\">Related Posts</h2>\n<ul>\n");
        for (RelatedPost r : related) {
            html.append("<li><h3><a href=\"").append(esc(urls.article(r.slug()))).append("\">").append(esc(r.title()))
                    .append("</a></h3>");
            if (r.excerpt() != null && !r.excerpt().isBlank()) {
                html.append("<p>").append(esc(r.excerpt())).append("</p>");
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }
}
