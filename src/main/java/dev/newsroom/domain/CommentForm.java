package dev.newsroom.domain;

/**
 * A comment as a reader submitted it, before any rule ran. Every field may be null; {@code honeypot} is the
 * hidden field that only bots fill in.
 */
public record CommentForm(String authorName, String authorEmail, String authorUrl, String content,
                          String parentId, String honeypot) {
}
