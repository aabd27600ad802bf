package dev.newsroom.application.port;

/**
 * One comment entering or leaving the approved state: {@code delta} is +1 or -1 for its article's count, and
 * {@code version} the comment's version after the change (so each change is told apart from the next).
 */
public record ApprovalChange(String commentId, String articleSlug, long version, int delta) {
}
