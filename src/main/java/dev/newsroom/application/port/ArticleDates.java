package dev.newsroom.application.port;

import java.time.Instant;

/** What a sitemap says of a published article: its slug, when it was published and when it last changed (or null). */
public record ArticleDates(String slug, Instant publishedAt, Instant updatedAt) {
}
