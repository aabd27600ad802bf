package dev.newsroom.application.port;

import java.time.Instant;

/**
 * The first response to an idempotent request: replayed byte for byte for the same key and request, refused
 * ({@code idempotency_key_reused}) for the same key with another request; gone after {@code expiresAt}.
 */
public record RecordedResponse(String key, String requestHash, int statusCode, String body, Instant expiresAt) {
}
