package dev.newsroom.domain;

import java.time.Instant;
import java.util.List;

/**
 * An editor's article input as received (lists never null, other fields may be). {@link ArticleRules}
 * turns it into an {@link Article} or refuses it with every broken field.
 */
public record ArticleDraft(String slug, String title, String excerpt, List<String> body, List<String> categories,
                           Source source, List<ArticleLink> seeAlso, List<RelatedPost> related, String status,
                           Boolean commentsOpen, Instant publishedAt) {
}
