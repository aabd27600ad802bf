package dev.newsroom.domain;

import java.util.Locale;

/**
 * The fingerprint of "the same comment again" (WordPress's duplicate rule, stricter): SHA-256 of article, parent,
 * author name, email and content, where name and content are first folded so that what a reader cannot see does
 * not make a comment new: invisible (format) characters such as U+200B, U+00AD, U+FEFF and the bidi controls are
 * dropped, every run of white space (NBSP and the other Unicode spaces included) becomes one space, the ends are
 * trimmed, and letters are lower-cased; the email is trimmed and lower-cased.
 */
public final class DuplicateFingerprint {
    /** Starts what is hashed, so that no folded fingerprint can equal one made before folding. */
    private static final String VERSION = "fold1";

    private DuplicateFingerprint() {
    }

    public static String of(String articleSlug, String parentId, String authorName, String authorEmail,
                            String content) {
        return Hashes.sha256Hex(String.join("\u0000", VERSION, articleSlug, parentId == null ? "" : parentId,
                fold(authorName), email(authorEmail), fold(content)));
    }

    /**
     * The fingerprint marks had before folding: the exact name and content. Marks written then still hold it, so
     * a submission is checked against it too; it matches only exactly equal inputs.
     */
    public static String unfolded(String articleSlug, String parentId, String authorName, String authorEmail,
                                  String content) {
        return Hashes.sha256Hex(String.join("\u0000", articleSlug, parentId == null ? "" : parentId,
                authorName, authorEmail == null ? "" : authorEmail.toLowerCase(Locale.ROOT), content));
    }

    /** Invisible characters dropped, white-space runs made one space, ends trimmed, lower-cased. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) == Character.FORMAT) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static String email(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
