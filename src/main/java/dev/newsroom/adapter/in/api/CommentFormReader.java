package dev.newsroom.adapter.in.api;

import dev.newsroom.domain.CommentForm;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads a comment submission from JSON ({@code authorName, authorEmail, authorUrl, content, parentId, hp}) or
 * from a plain HTML form with WordPress's names ({@code author, email, url, comment, comment_parent, hp}).
 * Percent-escapes must decode to valid UTF-8; a field given twice keeps its last value, as PHP does.
 */
final class CommentFormReader {
    private CommentFormReader() {
    }

    static CommentForm read(ApiRequest request, Json json) {
        String type = request.mediaType();
        if ("application/json".equals(type)) {
            JsonObject body = json.parseObject(request.bodyText());
            return new CommentForm(body.text("authorName"), body.text("authorEmail"),
                    body.text("authorUrl"), body.text("content"), body.text("parentId"),
                    body.text("hp"));
        }
        if ("application/x-www-form-urlencoded".equals(type)) {
            Map<String, String> form = parseForm(request.bodyBytes());
            return new CommentForm(form.get("author"), form.get("email"), form.get("url"), form.get("comment"),
                    form.get("comment_parent"), form.get("hp"));
        }
        throw new ServiceException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Send the comment as application/json or application/x-www-form-urlencoded.");
    }

    static Map<String, String> parseForm(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        String ascii = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (ascii.isEmpty()) {
            return fields;
        }
        for (String pair : ascii.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.put(name, value);
        }
        return fields;
    }

    private static String decode(String encoded) {
        try {
            return PercentDecoding.decode(encoded, true);
        } catch (IllegalArgumentException e) {
            throw ServiceException.malformed("The form data has a broken percent-escape or is not UTF-8.");
        }
    }
}
