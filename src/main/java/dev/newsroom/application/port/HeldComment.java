package dev.newsroom.application.port;

/**
 * A new comment that moderators should look at: held ({@code pending}) or spam, with what a digest shows of it
 * (the author's name and the content; never the email, IP address or user agent).
 */
public record HeldComment(String commentId, String articleSlug, boolean spam, String authorName, String content) {
}
