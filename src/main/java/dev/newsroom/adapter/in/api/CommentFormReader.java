package dev.newsroom.adapter.in.api;

import dev.newsroom.adapter.in.FormFields;
import dev.newsroom.domain.CommentForm;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;

import java.util.Map;

/**
 * Reads a comment submission from JSON ({@code authorName, authorEmail, authorUrl, content, parentId, hp}) or
 * from a plain HTML form with WordPress's names ({@code author, email, url, comment, comment_parent, hp}, and
 * {@code redirect_to}, where the browser should land afterwards), read by {@link FormFields} (charsets, escapes).
 */
final class CommentFormReader {

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
        if (FormFields.FORM.equals(type)) {
            Map<String, String> form = FormFields.read(request.bodyBytes(), request.charset());
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
}
