package dev.newsroom.domain;

import java.time.Instant;
import java.util.List;

/**
 * A news article. {@code commentCount} is the number of approved comments, kept exact by storing it in
 * the same transaction as every change of approval; {@code version} guards editors' writes. {@code bodyHtml} is
 * the body as sanitized HTML, served as stored; {@code body} is the text of its paragraphs. {@code leadImage} is
 * null for an article without one.
 */
public record Article(
        String slug,
        String title,
        String excerpt,
        List<String> body,
        List<String> categories,
        Source source,
        List<ArticleLink> seeAlso,
        List<RelatedPost> related,
        ArticleStatus status,
        boolean commentsOpen,
        Instant publishedAt,
        Instant updatedAt,
        long commentCount,
        long version,
        String bodyHtml,
        LeadImage leadImage) {

    public Article {
        body = List.copyOf(body);
        categories = List.copyOf(categories);
        seeAlso = List.copyOf(seeAlso);
        related = List.copyOf(related);
    }

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }

    /** Open for comments: the flag is set and, when {@code closeAfterDays} > 0, the article is young enough. */
    public boolean acceptsCommentsAt(Instant now, int closeAfterDays) {
        if (!commentsOpen) {
            return false;
        }
        if (closeAfterDays <= 0 || publishedAt == null) {
            return true;
        }
        return publishedAt.plusSeconds(closeAfterDays * 86_400L).isAfter(now);
    }
}
