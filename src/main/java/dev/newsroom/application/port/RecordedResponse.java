package dev.newsroom.application.port;

import dev.newsroom.domain.CommentStatus;

import java.time.Instant;

/**
 * The first answer to an idempotent submission, as the use case knows it: the comment's status then and the
 * receipt the caller built for it (an opaque text: the API adapter's response body). Replayed as it was for the
 * same key and request, refused ({@code idempotency_key_reused}) for the same key with another request; gone
 * after {@code expiresAt}.
 */
public record RecordedResponse(String key, String requestHash, CommentStatus status, String receipt, Instant expiresAt) {
}
