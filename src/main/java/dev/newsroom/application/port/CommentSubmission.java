package dev.newsroom.application.port;

import dev.newsroom.domain.Comment;

import java.time.Instant;

/**
 * Everything one new comment writes at once: the comment, the flood window for its IP and email
 * ({@code floodSeconds} 0 turns the check off), the first response to replay for its idempotency key (may be null),
 * and what the spam service said of it (null when it was not asked).
 */
public record CommentSubmission(Comment comment, int floodSeconds, Instant now, RecordedResponse response,
                                SpamVerdict spamVerdict) {

    /** A submission the spam service was not asked about. */
    public CommentSubmission(Comment comment, int floodSeconds, Instant now, RecordedResponse response) {
        this(comment, floodSeconds, now, response, null);
    }
}
