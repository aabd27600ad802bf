package dev.newsroom.adapter.in.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.domain.ArticleDraft;
import dev.newsroom.domain.ArticleLink;
import dev.newsroom.domain.FieldError;
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

    static ArticleDraft read(ObjectNode body) {
        JsonNode source = Json.object(body, "source");
        List<ArticleLink> seeAlso = Json.objects(body, "seeAlso").stream()
                .map(n -> new ArticleLink(Json.text(n, "slug"), Json.text(n, "title"))).toList();
        List<RelatedPost> related = Json.objects(body, "related").stream()
                .map(n -> new RelatedPost(Json.text(n, "slug"), Json.text(n, "title"), Json.text(n, "excerpt"))).toList();
        return new ArticleDraft(Json.text(body, "slug"), Json.text(body, "title"), Json.text(body, "excerpt"),
                Json.texts(body, "body"), Json.texts(body, "categories"),
                source == null ? null : new Source(Json.text(source, "name"), Json.text(source, "url")),
                seeAlso, related, Json.text(body, "status"), Json.bool(body, "commentsOpen"),
                instant(Json.text(body, "publishedAt")));
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
