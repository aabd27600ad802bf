package dev.newsroom.domain;

import java.time.Instant;
import java.util.List;

/**
 * An editor's article input (lists never null, other fields may be). {@link ArticleRules} turns it into an
 * {@link Article} or refuses it with every broken field. {@code bodyHtml}, when given, is the body as sanitized
 * HTML and {@code body} its paragraphs' text (the article service derives both from what the editor sent); without
 * it, {@code body} is plain paragraphs as sent. {@code leadImage} is null for none.
 */
public record ArticleDraft(String slug, String title, String excerpt, List<String> body, List<String> categories,
                           Source source, List<ArticleLink> seeAlso, List<RelatedPost> related, String status,
                           Boolean commentsOpen, Instant publishedAt, String bodyHtml, LeadImage leadImage) {

    /** A draft whose body is plain paragraphs. */
    public ArticleDraft(String slug, String title, String excerpt, List<String> body, List<String> categories,
                        Source source, List<ArticleLink> seeAlso, List<RelatedPost> related, String status,
                        Boolean commentsOpen, Instant publishedAt) {
        this(slug, title, excerpt, body, categories, source, seeAlso, related, status, commentsOpen, publishedAt, null,
                null);
    }

    /** A draft without a lead image. */
    public ArticleDraft(String slug, String title, String excerpt, List<String> body, List<String> categories,
                        Source source, List<ArticleLink> seeAlso, List<RelatedPost> related, String status,
                        Boolean commentsOpen, Instant publishedAt, String bodyHtml) {
        this(slug, title, excerpt, body, categories, source, seeAlso, related, status, commentsOpen, publishedAt,
                bodyHtml, null);
    }

    /** The same draft with the body given as sanitized HTML and the text of its paragraphs. */
    public ArticleDraft withBodyHtml(String sanitizedHtml, List<String> paragraphs) {
        return new ArticleDraft(slug, title, excerpt, paragraphs, categories, source, seeAlso, related, status,
                commentsOpen, publishedAt, sanitizedHtml, leadImage);
    }

    /** The same draft for the given slug (an update names its article in the path). */
    public ArticleDraft withSlug(String newSlug) {
        return new ArticleDraft(newSlug, title, excerpt, body, categories, source, seeAlso, related, status,
                commentsOpen, publishedAt, bodyHtml, leadImage);
    }

    /** The same draft with the given lead image (null for none). */
    public ArticleDraft withLeadImage(LeadImage image) {
        return new ArticleDraft(slug, title, excerpt, body, categories, source, seeAlso, related, status,
                commentsOpen, publishedAt, bodyHtml, image);
    }
}
