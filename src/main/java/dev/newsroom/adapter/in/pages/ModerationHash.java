package dev.newsroom.adapter.in.pages;

import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentStatus;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The key a held comment's author gets in the redirect after posting ({@code ?unapproved=ID&moderation-hash=H}),
 * as WordPress gives one: an HMAC of the comment's id under the server's secret, so nobody can make one for another
 * reader's comment. It shows that comment for {@link #VALIDITY} after it was written, and only while it is held
 * (pending, or spam, which a reader is never told apart); an approved one is in the thread anyway.
 */
final class ModerationHash {
    static final Duration VALIDITY = Duration.ofMinutes(10);
    private final byte[] secret;

    ModerationHash(byte[] secret) {
        this.secret = secret.clone();
    }

    String of(String commentId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("held-preview\u0000" + commentId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Whether {@code hash} lets its holder see {@code comment} of article {@code slug} at {@code now}. */
    boolean shows(Comment comment, String slug, String hash, Instant now) {
        if (comment == null || hash == null || !comment.articleSlug().equals(slug)
                || !(comment.status() == CommentStatus.PENDING || comment.status() == CommentStatus.SPAM)
                || comment.createdAt().plus(VALIDITY).isBefore(now)) {
            return false;
        }
        return MessageDigest.isEqual(of(comment.id()).getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.UTF_8));
    }
}
