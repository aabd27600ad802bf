package dev.newsroom.domain;

import java.util.List;
import java.util.Locale;

/**
 * Step 6 of the submission rules: WordPress's {@code check_comment} and disallowed-list logic. Spam wins over
 * everything (and is never revealed to the author); then any reason to hold; else approved.
 */
public final class ModerationPolicy {
    private ModerationPolicy() {
    }

    /** Who sent the comment, as seen by the gateway: used only to match the key lists. */
    public record Sender(String ip, String userAgent) {
    }

    public static CommentStatus decide(SubmittedComment comment, Sender sender, DiscussionSettings settings,
                                       boolean previouslyApproved) {
        if (comment.honeypotFilled() || matchesAny(settings.disallowedKeys(), comment, sender)) {
            return CommentStatus.SPAM;
        }
        if (settings.moderateAll()) {
            return CommentStatus.PENDING;
        }
        if (settings.maxLinks() > 0 && CommentHtml.linkCount(comment.content()) >= settings.maxLinks()) {
            return CommentStatus.PENDING;
        }
        if (matchesAny(settings.moderationKeys(), comment, sender)) {
            return CommentStatus.PENDING;
        }
        if (settings.requirePreviouslyApproved() && !previouslyApproved) {
            return CommentStatus.PENDING;
        }
        return CommentStatus.APPROVED;
    }

    /** A key matches as a case-insensitive substring of name, email, URL, content, IP or user agent. */
    static boolean matchesAny(List<String> keys, SubmittedComment c, Sender sender) {
        if (keys.isEmpty()) {
            return false;
        }
        String[] haystack = {c.authorName(), c.authorEmail(), c.authorUrl(), c.content(), sender.ip(), sender.userAgent()};
        for (String rawKey : keys) {
            String key = rawKey == null ? "" : rawKey.trim().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                continue;
            }
            for (String field : haystack) {
                if (field != null && field.toLowerCase(Locale.ROOT).contains(key)) {
                    return true;
                }
            }
        }
        return false;
    }
}
