package dev.newsroom.adapter.in.api;

import dev.newsroom.domain.Article;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentHtml;
import dev.newsroom.domain.LeadImage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the contract. The public comment view is built field by field from an allow-list, so
 * email, IP and user agent cannot leak into it; only {@link #adminComment} adds them.
 */
public final class Views {
    private Views() {
    }

    public static Map<String, Object> publicComment(Comment c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", c.id());
        v.put("articleSlug", c.articleSlug());
        v.put("parentId", c.parentId());
        v.put("depth", c.depth());
        v.put("authorName", c.authorName());
        v.put("authorUrl", c.authorUrl());
        v.put("avatarHash", c.avatarHash());
        v.put("content", c.content());
        v.put("createdAt", time(c.createdAt()));
        v.put("contentHtml", c.contentHtml());
        v.put("byModerator", c.byModerator());
        return v;
    }

    public static Map<String, Object> adminComment(Comment c) {
        Map<String, Object> v = publicComment(c);
        v.put("status", c.status().wire());
        v.put("authorEmail", c.authorEmail());
        v.put("ip", c.ip());
        v.put("userAgent", c.userAgent());
        v.put("version", c.version());
        v.put("updatedAt", time(c.updatedAt()));
        v.put("moderatedBy", c.moderatedBy());
        v.put("moderatedAt", time(c.moderatedAt()));
        v.put("linkCount", CommentHtml.linksIn(c.contentHtml()));
        return v;
    }

    /** ArticleSummary; {@code commentsOpen} is what a reader can do now (flag and age rule together). */
    public static Map<String, Object> articleSummary(Article a, boolean commentsOpen) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("slug", a.slug());
        v.put("title", a.title());
        v.put("excerpt", a.excerpt());
        v.put("categories", a.categories());
        v.put("source", a.source() == null ? null : source(a));
        v.put("leadImage", a.leadImage() == null ? null : leadImage(a.leadImage()));
        v.put("publishedAt", time(a.publishedAt()));
        v.put("commentCount", a.commentCount());
        v.put("commentsOpen", commentsOpen);
        return v;
    }

    public static Map<String, Object> article(Article a, boolean commentsOpen) {
        Map<String, Object> v = articleSummary(a, commentsOpen);
        v.put("body", a.body());
        v.put("bodyHtml", a.bodyHtml());
        v.put("seeAlso", a.seeAlso().stream().map(l -> link(l.slug(), l.title(), null, false)).toList());
        v.put("related", a.related().stream().map(r -> link(r.slug(), r.title(), r.excerpt(), true)).toList());
        v.put("updatedAt", time(a.updatedAt()));
        return v;
    }

    /** The editors' view: the article as stored, with its status, raw flag and version. */
    public static Map<String, Object> adminArticle(Article a) {
        Map<String, Object> v = article(a, a.commentsOpen());
        v.put("status", a.status().wire());
        v.put("version", a.version());
        return v;
    }

    public static Map<String, Object> page(List<?> items, String nextCursor) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("items", items);
        v.put("nextCursor", nextCursor);
        return v;
    }

    private static Map<String, Object> source(Article a) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", a.source().name());
        s.put("url", a.source().url());
        return s;
    }

    private static Map<String, Object> leadImage(LeadImage image) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("url", image.url());
        v.put("alt", image.alt());
        v.put("caption", image.caption());
        v.put("credit", image.credit());
        v.put("width", image.width());
        v.put("height", image.height());
        return v;
    }

    private static Map<String, Object> link(String slug, String title, String excerpt, boolean withExcerpt) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("slug", slug);
        l.put("title", title);
        if (withExcerpt) {
            l.put("excerpt", excerpt);
        }
        return l;
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
