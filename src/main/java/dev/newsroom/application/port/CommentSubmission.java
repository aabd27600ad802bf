package dev.newsroom.application.port;

import dev.newsroom.domain.Comment;

import java.time.Instant;

/**
 * Everything one new comment writes at once: the comment, the flood window for its IP and email
 * ({@code floodSeconds} 0 turns the check off), and the first response to replay for its idempotency key (may be null).
 */
public record CommentSubmission(Comment comment, int floodSeconds, Instant now, RecordedResponse response) {
}
