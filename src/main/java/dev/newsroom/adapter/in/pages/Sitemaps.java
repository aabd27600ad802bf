package dev.newsroom.adapter.in.pages;

import dev.newsroom.application.port.ArticleDates;
import dev.newsroom.domain.Article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static dev.newsroom.adapter.in.pages.Html.esc;

/**
 * robots.txt, the sitemap of every published article (an index of files, one a month of publication), and the
 * Google News sitemap of the last two days.
 */
final class Sitemaps {
    private Sitemaps() {
    }

    static String robots(SiteUrls urls) {
        return "User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: " + urls.sitemap() + "\nSitemap: "
                + urls.newsSitemap() + "\n";
    }

    /** The sitemap index: the address of each of its files. */
    static String index(List<ListPages.SitemapFile> files, SiteUrls urls) {
        StringBuilder xml = new StringBuilder(256 + files.size() * 96).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (ListPages.SitemapFile file : files) {
            xml.append("<sitemap><loc>").append(esc(urls.sitemapFile(file.month(), file.part()))).append("</loc></sitemap>\n");
        }
        return xml.append("</sitemapindex>\n").toString();
    }

    /** One sitemap file: each article's address and when it last changed. */
    static String urls(List<ArticleDates> articles, SiteUrls urls) {
        StringBuilder xml = new StringBuilder(256 + articles.size() * 160)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (ArticleDates a : articles) {
            Instant modified = a.updatedAt() != null ? a.updatedAt() : a.publishedAt();
            xml.append("<url><loc>").append(esc(urls.article(a.slug()))).append("</loc>");
            if (modified != null) {
                xml.append("<lastmod>").append(modified.truncatedTo(ChronoUnit.SECONDS)).append("</lastmod>");
            }
            xml.append("</url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    /** Google News' sitemap: the articles published since {@code since}, with publication, date and title. */
    static String news(List<Article> articles, SiteUrls urls, Instant since) {
        StringBuilder xml = new StringBuilder(512).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" ")
                .append("xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n");
        for (Article a : articles) {
            if (a.publishedAt() == null || a.publishedAt().isBefore(since)) {
                continue;
            }
            xml.append("<url><loc>").append(esc(urls.article(a.slug()))).append("</loc><news:news><news:publication>")
                    .append("<news:name>").append(esc(Layout.SITE_NAME)).append("</news:name><news:language>en</news:language>")
                    .append("</news:publication><news:publication_date>").append(a.publishedAt().truncatedTo(ChronoUnit.SECONDS))
                    .append("</news:publication_date><news:title>").append(esc(a.title())).append("</news:title></news:news></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }
}
