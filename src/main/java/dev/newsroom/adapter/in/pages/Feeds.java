package dev.newsroom.adapter.in.pages;

import dev.newsroom.domain.Article;
import dev.newsroom.domain.Comment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static dev.newsroom.adapter.in.pages.Html.esc;

/** RSS 2.0 feeds, as WordPress has them: the latest articles, and the latest approved comments of one article. */
final class Feeds {
    private Feeds() {
    }

    static String articles(List<Article> articles, SiteUrls urls, Instant now) {
        StringBuilder xml = channel(Layout.SITE_NAME, urls.home(), "The latest articles", urls.feed(), now);
        for (Article a : articles) {
            String link = urls.article(a.slug());
            xml.append("<item><title>").append(esc(a.title())).append("</title><link>").append(esc(link))
                    .append("</link><guid isPermaLink=\"true\">").append(esc(link)).append("</guid>");
            if (a.publishedAt() != null) {
                xml.append("<pubDate>").append(rfc822(a.publishedAt())).append("</pubDate>");
            }
            for (String c : a.categories()) {
                xml.append("<category>").append(esc(c)).append("</category>");
            }
            xml.append("<description>").append(esc(a.excerpt())).append("</description><comments>").append(esc(link))
                    .append("#comments</comments></item>\n");
        }
        return xml.append("</channel>\n</rss>\n").toString();
    }

    static String comments(Article article, List<Comment> newestFirst, SiteUrls urls, Instant now) {
        String link = urls.article(article.slug());
        StringBuilder xml = channel("Comments on: " + article.title(), link, "Comments on " + article.title(),
                urls.commentsFeed(article.slug()), now);
        for (Comment c : newestFirst) {
            String permalink = urls.commentLink(article.slug(), c.id());
            xml.append("<item><title>").append(esc("By: " + c.authorName())).append("</title><link>")
                    .append(esc(permalink)).append("</link><dc:creator>").append(esc(c.authorName()))
                    .append("</dc:creator><pubDate>").append(rfc822(c.createdAt())).append("</pubDate><guid isPermaLink=\"false\">")
                    .append(esc(c.id())).append("</guid><description>").append(esc(c.content())).append("</description></item>\n");
        }
        return xml.append("</channel>\n</rss>\n").toString();
    }

    private static StringBuilder channel(String title, String link, String description, String self, Instant now) {
        return new StringBuilder(8192).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" ")
                .append("xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n<title>").append(esc(title))
                .append("</title>\n<link>").append(esc(link)).append("</link>\n<description>").append(esc(description))
                .append("</description>\n<atom:link href=\"").append(esc(self))
                .append("\" rel=\"self\" type=\"application/rss+xml\"/>\n<language>en</language>\n<lastBuildDate>")
                .append(rfc822(now)).append("</lastBuildDate>\n");
    }

    static String rfc822(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
