package dev.newsroom.adapter.in.api;

import dev.newsroom.domain.ArticleDraft;
import dev.newsroom.domain.ArticleLink;
import dev.newsroom.domain.FieldError;
import dev.newsroom.domain.LeadImage;
import dev.newsroom.domain.RelatedPost;
import dev.newsroom.domain.ServiceException;
import dev.newsroom.domain.Source;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reads an editor's article JSON into an {@link ArticleDraft}; types are checked here, rules in the domain. */
final class ArticleDraftReader {
    private ArticleDraftReader() {
    }

    static ArticleDraft read(JsonObject body) {
        JsonObject source = body.object("source");
        List<ArticleLink> seeAlso = body.objects("seeAlso").stream()
                .map(n -> new ArticleLink(n.text("slug"), n.text("title"))).toList();
        List<RelatedPost> related = body.objects("related").stream()
                .map(n -> new RelatedPost(n.text("slug"), n.text("title"), n.text("excerpt"))).toList();
        return new ArticleDraft(body.text("slug"), body.text("title"), body.text("excerpt"),
                body.texts("body"), body.texts("categories"),
                source == null ? null : new Source(source.text("name"), source.text("url")),
                seeAlso, related, body.text("status"), body.bool("commentsOpen"),
                instant(body.text("publishedAt")), body.text("bodyHtml"), leadImage(body.object("leadImage")));
    }

    /** The lead image object (null when absent); a missing width or height is 0, which the rules refuse. */
    private static LeadImage leadImage(JsonObject image) {
        if (image == null) {
            return null;
        }
        return new LeadImage(image.text("url"), image.text("alt"), image.text("caption"), image.text("credit"),
                side(image, "width"), side(image, "height"));
    }

    private static int side(JsonObject image, String field) {
        Long value = image.integer(field);
        if (value == null) {
            return 0;
        }
        return (int) Math.max(-1, Math.min(Integer.MAX_VALUE, value));
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ServiceException.validation(List.of(new FieldError("publishedAt", "invalid",
                    "publishedAt must be an RFC 3339 UTC time such as 2026-11-23T19:29:58Z.")));
        }
    }
}
