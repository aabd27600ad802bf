package dev.newsroom.domain;

/**
 * A comment submission after normalisation and with every field rule passed: empty optional values are null,
 * text is trimmed, NFC and with {@code \n} line breaks, otherwise exactly as typed.
 */
public record SubmittedComment(String authorName, String authorEmail, String authorUrl, String content,
                               String parentId, boolean honeypotFilled) {
}
