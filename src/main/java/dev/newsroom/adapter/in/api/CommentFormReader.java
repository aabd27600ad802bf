package dev.newsroom.adapter.in.api;

import dev.newsroom.domain.CommentForm;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a comment submission from JSON ({@code authorName, authorEmail, authorUrl, content, parentId, hp}) or
 * from a plain HTML form with WordPress's names ({@code author, email, url, comment, comment_parent, hp}, and
 * {@code redirect_to}, where the browser should land afterwards). A form is read in the charset its
 * {@code Content-Type} declares, else the one its {@code _charset_} field names, else UTF-8 (older sites post in
 * their page's charset, such as ISO-8859-1 or windows-1252); a charset this service does not know, or one that
 * is not a superset of ASCII as form encoding needs, is {@code unsupported_media_type}. Percent-escapes must decode to valid text in that
 * charset; a field given twice keeps its last value, as PHP does.
 */
final class CommentFormReader {
    static final String FORM = "application/x-www-form-urlencoded";
    private static final String PRINTABLE_ASCII = printableAscii();
    private static final String CHARSET_FIELD = "_charset_";

    /** The comment, and the form's {@code redirect_to} (null for JSON or when the form has none). */
    record Posted(CommentForm form, String redirectTo) {
    }

    private CommentFormReader() {
    }

    static Posted read(ApiRequest request, Json json) {
        String type = request.mediaType();
        if ("application/json".equals(type)) {
            JsonObject body = json.parseObject(request.bodyText());
            return new Posted(new CommentForm(body.text("authorName"), body.text("authorEmail"),
                    body.text("authorUrl"), body.text("content"), body.text("parentId"),
                    body.text("hp")), null);
        }
        if (FORM.equals(type)) {
            Map<String, String> form = parseForm(request.bodyBytes(), formCharset(request));
            return new Posted(new CommentForm(form.get("author"), form.get("email"), form.get("url"), form.get("comment"),
                    form.get("comment_parent"), form.get("hp")), form.get("redirect_to"));
        }
        throw new ServiceException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Send the comment as application/json or application/x-www-form-urlencoded.");
    }

    /** The form's {@code redirect_to}, or null when the body is not a form or does not read (for error pages). */
    static String redirectTo(ApiRequest request) {
        try {
            return read(request, ApiFunction.JSON).redirectTo();
        } catch (ServiceException unreadable) {
            return null;
        }
    }

    static Map<String, String> parseForm(byte[] body, Charset charset) {
        Map<String, String> fields = new HashMap<>();
        String bytes = new String(body, StandardCharsets.ISO_8859_1);
        if (bytes.isEmpty()) {
            return fields;
        }
        for (String pair : bytes.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), charset);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), charset);
            fields.put(name, value);
        }
        return fields;
    }

    private static Charset formCharset(ApiRequest request) {
        String name = request.charset() != null ? request.charset() : charsetField(request.bodyBytes());
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            Charset charset = Charset.forName(name);
            if (new String(PRINTABLE_ASCII.getBytes(StandardCharsets.US_ASCII), charset).equals(PRINTABLE_ASCII)) {
                return charset;
            }
        } catch (IllegalArgumentException unknown) {
            // reported below
        }
        throw new ServiceException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Send the form in UTF-8, or declare a charset this service knows, such as ISO-8859-1 or windows-1252.");
    }

    /**
     * The value of HTML's {@code _charset_} field, which a browser fills with the charset it encoded the form in (it
     * sends no charset in the {@code Content-Type}); null when the form has none. Left raw: charset names need no
     * escapes, and a name that is not one is refused as unknown.
     */
    private static String charsetField(byte[] body) {
        String name = null;
        for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            if (pair.startsWith(CHARSET_FIELD + "=")) {
                name = pair.substring(CHARSET_FIELD.length() + 1);
            }
        }
        return name;
    }

    private static String decode(String latin1, Charset charset) {
        try {
            return PercentDecoding.decode(latin1.getBytes(StandardCharsets.ISO_8859_1), true, charset);
        } catch (IllegalArgumentException e) {
            throw ServiceException.malformed("The form data has a broken percent-escape or is not valid "
                    + charset.name() + ".");
        }
    }

    private static String printableAscii() {
        StringBuilder ascii = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            ascii.append(c);
        }
        return ascii.toString();
    }
}
