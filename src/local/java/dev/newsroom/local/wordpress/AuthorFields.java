package dev.newsroom.local.wordpress;

import dev.newsroom.domain.SubmissionRules;
import dev.newsroom.domain.TextRules;

import java.util.List;
import java.util.function.Predicate;

/**
 * A WordPress comment's author and content held to the rules a comment submitted here meets, since the views
 * promise them to every client: a name cut to its 245 bytes, an email address or web site that is not one (a
 * {@code javascript:} URL, say) or too long left out, each such change reported with its place in the file; and
 * content over WordPress's own limit (65,525 bytes) refused, as it would not fit a stored comment.
 */
public record AuthorFields(String name, String email, String url) {
    public static AuthorFields of(WxrRecord c, List<ImportProblem> notes) throws ImportProblem {
        int contentBytes = TextRules.utf8Length(c.raw("comment_content"));
        if (contentBytes > SubmissionRules.MAX_CONTENT_BYTES) {
            throw new ImportProblem("wp:comment_content is " + contentBytes + " bytes, more than a comment may hold ("
                    + SubmissionRules.MAX_CONTENT_BYTES + ")", c.at("comment_content"));
        }
        String name = PlainText.of(c.raw("comment_author"));
        if (TextRules.utf8Length(name) > SubmissionRules.MAX_NAME_BYTES) {
            name = cut(name, SubmissionRules.MAX_NAME_BYTES);
            notes.add(new ImportProblem("wp:comment_author is longer than " + SubmissionRules.MAX_NAME_BYTES
                    + " bytes; the comment is imported with it cut there", c.at("comment_author")));
        }
        return new AuthorFields(name.isEmpty() ? "Anonymous" : name,
                kept(c, "comment_author_email", SubmissionRules.MAX_EMAIL_BYTES, TextRules::isValidEmail, "an email address", notes),
                kept(c, "comment_author_url", SubmissionRules.MAX_URL_BYTES, TextRules::isValidWebUrl, "an http(s) URL", notes));
    }

    private static String kept(WxrRecord c, String field, int maxBytes, Predicate<String> valid, String what,
                               List<ImportProblem> notes) {
        String value = c.text(field);
        if (value.isEmpty()) {
            return null;
        }
        if (TextRules.utf8Length(value) <= maxBytes && valid.test(value)) {
            return value;
        }
        String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        notes.add(new ImportProblem("wp:" + field + " \"" + shown + "\" is not " + what + " of at most " + maxBytes
                + " bytes; the comment is imported without it", c.at(field)));
        return null;
    }

    /** The longest start of {@code text} within {@code maxBytes} of UTF-8, never splitting a character. */
    private static String cut(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        return text.substring(0, end);
    }
}
