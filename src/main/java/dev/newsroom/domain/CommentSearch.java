package dev.newsroom.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * WordPress's comment search: the whole search text (trimmed, not split into words) found anywhere, ignoring case,
 * in the author's name, email, URL or IP address, or in the comment's text. A blank search matches nothing.
 */
public final class CommentSearch {
    /** The longest search text taken, in characters once trimmed: more than any name, email, URL or IP; longer is refused. */
    public static final int MAX_LENGTH = 200;

    private CommentSearch() {
    }

    /** The search text as it is compared: trimmed, NFC, lower case; empty when there is nothing to find. */
    public static String normalized(String text) {
        return text == null ? "" : fold(text.strip());
    }

    /** True when {@code normalizedText} (from {@link #normalized}) occurs in one of the searched fields. */
    public static boolean matches(Comment c, String normalizedText) {
        if (normalizedText.isEmpty()) {
            return false;
        }
        return Stream.of(c.authorName(), c.authorEmail(), c.authorUrl(), c.ip(), c.content())
                .anyMatch(field -> field != null && fold(field).contains(normalizedText));
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
