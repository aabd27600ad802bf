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

    /** The decision for {@code comment}, whose {@code contentHtml} is {@link CommentHtml#format} of its content. */
    public static CommentStatus decide(SubmittedComment comment, String contentHtml, Sender sender,
                                       DiscussionSettings settings, boolean previouslyApproved) {
        if (comment.honeypotFilled() || matchesDisallowed(settings.disallowedKeys(), comment, sender)) {
            return CommentStatus.SPAM;
        }
        if (settings.moderateAll()) {
            return CommentStatus.PENDING;
        }
        if (settings.maxLinks() > 0 && CommentHtml.linksIn(contentHtml) >= settings.maxLinks()) {
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

    /**
     * WordPress's {@code check_comment} for moderation keys: a key matches as a case-insensitive substring of
     * name, email, URL, content, IP or user agent.
     */
    static boolean matchesAny(List<String> keys, SubmittedComment c, Sender sender) {
        return matches(keys, c, sender, false);
    }

    /**
     * WordPress's {@code wp_check_comment_disallowed_list}: the same fields, and the content with its tags
     * stripped too, so that tags cannot split a disallowed word.
     */
    static boolean matchesDisallowed(List<String> keys, SubmittedComment c, Sender sender) {
        return matches(keys, c, sender, true);
    }

    private static boolean matches(List<String> keys, SubmittedComment c, Sender sender, boolean withoutTags) {
        if (keys.isEmpty()) {
            return false;
        }
        KeyMatcher matcher = KeyMatcher.of(keys);
        if (matcher.isEmpty()) {
            return false;
        }
        String content = lower(c.content());
        return matcher.foundIn(lower(c.authorName())) || matcher.foundIn(lower(c.authorEmail()))
                || matcher.foundIn(lower(c.authorUrl())) || matcher.foundIn(content)
                || (withoutTags && content != null && matcher.foundIn(withoutTags(content)))
                || matcher.foundIn(lower(sender.ip())) || matcher.foundIn(lower(sender.userAgent()));
    }

    private static String lower(String field) {
        return field == null ? null : field.toLowerCase(Locale.ROOT);
    }

    /** The text with each tag ({@code <} before a letter, {@code /}, {@code !} or {@code ?}, to its {@code >}) removed. */
    static String withoutTags(String text) {
        if (text.indexOf('<') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            if (c == '<' && (Character.isLetter(after) || after == '/' || after == '!' || after == '?')) {
                int gt = text.indexOf('>', i);
                i = gt < 0 ? text.length() : gt + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
