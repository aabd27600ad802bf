package dev.newsroom.adapter.in.pages;

import dev.newsroom.domain.Article;
import dev.newsroom.domain.PageDisplay;
import dev.newsroom.domain.SiteDates;

import java.time.temporal.ChronoUnit;
import java.util.List;

import static dev.newsroom.adapter.in.pages.Html.esc;

/** A list of articles (the front page, a category): newest first, each linked, with its date, count and excerpt. */
final class ListHtml {
    private ListHtml() {
    }

    /** {@code olderUrl} links the next page (null on the last). */
    static String render(String heading, List<Article> articles, SiteUrls urls, PageDisplay display, String olderUrl) {
        StringBuilder html = new StringBuilder(1024 + articles.size() * 600);
        html.append("<h1 class=\"page-title\">").append(esc(heading)).append("</h1>\n");
        if (articles.isEmpty()) {
            html.append("<p>Nothing has been published here yet.</p>\n");
        } else {
            html.append("<ul class=\"article-list\">\n");
            for (Article a : articles) {
                html.append("<li><article><h2><a href=\"").append(esc(urls.article(a.slug()))).append("\">")
                        .append(esc(a.title())).append("</a></h2>\n<p class=\"meta\">");
                if (a.publishedAt() != null) {
                    html.append("<time datetime=\"").append(a.publishedAt().truncatedTo(ChronoUnit.SECONDS)).append("\">")
                            .append(esc(SiteDates.format(a.publishedAt(), display.dateFormat(), display.zone())))
                            .append("</time> &middot; ");
                }
                html.append(a.commentCount() == 1 ? "1 comment" : a.commentCount() + " comments").append("</p>\n");
                if (a.excerpt() != null && !a.excerpt().isBlank()) {
                    html.append("<p>").append(esc(a.excerpt())).append("</p>\n");
                }
                html.append("</article></li>\n");
            }
            html.append("</ul>\n");
        }
        if (olderUrl != null) {
            html.append("<nav class=\"pagination\" aria-label=\"More articles\"><a href=\"").append(esc(olderUrl))
                    .append("\">Older articles &rarr;</a></nav>\n");
        }
        return html.toString();
    }
}
