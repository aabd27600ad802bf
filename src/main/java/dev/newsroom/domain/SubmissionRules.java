package dev.newsroom.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 3 of the submission rules: WordPress's field checks, every broken field reported at once, with
 * WordPress's messages and byte limits. The result is a {@link SubmittedComment} or a {@code validation_failed}.
 */
public final class SubmissionRules {
    public static final String REQUIRED_NAME_EMAIL = "Please fill the required fields.";
    public static final String INVALID_EMAIL = "Please enter a valid email address.";
    public static final String REQUIRED_CONTENT = "Please type your comment text.";
    public static final String NAME_TOO_LONG = "Your name is too long.";
    public static final String EMAIL_TOO_LONG = "Your email address is too long.";
    public static final String URL_TOO_LONG = "Your URL is too long.";
    public static final String CONTENT_TOO_LONG = "Your comment is too long.";
    public static final String INVALID_URL = "Please enter a valid website address starting with http:// or https://.";
    public static final String FORBIDDEN_CHARACTERS = "This field contains characters that are not allowed.";
    public static final String HIDDEN_NAME_CHARACTERS =
            "Your name cannot hold direction controls or invisible characters.";

    public static final int MAX_NAME_BYTES = 245;
    public static final int MAX_EMAIL_BYTES = 100;
    public static final int MAX_URL_BYTES = 200;
    public static final int MAX_CONTENT_BYTES = 65_525;

    private SubmissionRules() {
    }

    /** Normalises the form and checks every field; throws {@code validation_failed} listing each broken field. */
    public static SubmittedComment check(CommentForm form, DiscussionSettings settings) {
        String name = emptyToNull(TextRules.normalize(form.authorName()));
        String email = emptyToNull(TextRules.normalize(form.authorEmail()));
        String url = emptyToNull(TextRules.normalize(form.authorUrl()));
        String content = emptyToNull(TextRules.normalize(form.content()));
        List<FieldError> errors = new ArrayList<>();

        checkName(errors, name, settings.requireNameEmail());
        checkEmail(errors, email, settings.requireNameEmail());
        checkUrl(errors, url);
        checkContent(errors, content);
        if (!errors.isEmpty()) {
            throw ServiceException.validation(errors);
        }
        String parentId = emptyToNull(TextRules.normalize(form.parentId()));
        boolean honeypot = !TextRules.isBlank(TextRules.normalize(form.honeypot()));
        return new SubmittedComment(name, email, url, content, parentId, honeypot);
    }

    /**
     * A comment's text as a moderator's edit sets it: normalised and held to the same rules as a submission's
     * (required, no forbidden characters, at most 65,525 bytes); throws {@code validation_failed}.
     */
    public static String checkedContent(String raw) {
        String content = emptyToNull(TextRules.normalize(raw));
        List<FieldError> errors = new ArrayList<>();
        checkContent(errors, content);
        if (!errors.isEmpty()) {
            throw ServiceException.validation(errors);
        }
        return content;
    }

    private static void checkName(List<FieldError> errors, String name, boolean required) {
        if (name == null) {
            if (required) {
                errors.add(new FieldError("authorName", "required", REQUIRED_NAME_EMAIL));
            }
        } else if (TextRules.hasForbiddenCharacters(name)) {
            errors.add(new FieldError("authorName", "invalid_characters", FORBIDDEN_CHARACTERS));
        } else if (hasHiddenCharacters(name)) {
            errors.add(new FieldError("authorName", "invalid_characters", HIDDEN_NAME_CHARACTERS));
        } else if (TextRules.utf8Length(name) > MAX_NAME_BYTES) {
            errors.add(new FieldError("authorName", "too_long", NAME_TOO_LONG));
        }
    }

    /**
     * Whether a name holds what would let it pass for another: bidirectional embeddings, overrides and isolates
     * (U+202A-U+202E, U+2066-U+2069), which reorder what follows, or zero-width characters (U+200B-U+200D,
     * U+2060, U+FEFF), which make a name look like another ("moderator" with a U+200B inside).
     */
    static boolean hasHiddenCharacters(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || (c >= '\u200b' && c <= '\u200d')
                    || c == '\u2060' || c == '\ufeff') {
                return true;
            }
        }
        return false;
    }

    private static void checkEmail(List<FieldError> errors, String email, boolean required) {
        if (email == null) {
            if (required) {
                errors.add(new FieldError("authorEmail", "required", REQUIRED_NAME_EMAIL));
            }
        } else if (TextRules.utf8Length(email) > MAX_EMAIL_BYTES) {
            errors.add(new FieldError("authorEmail", "too_long", EMAIL_TOO_LONG));
        } else if (!TextRules.isValidEmail(email)) {
            errors.add(new FieldError("authorEmail", "invalid", INVALID_EMAIL));
        }
    }

    private static void checkUrl(List<FieldError> errors, String url) {
        if (url == null) {
            return;
        }
        if (TextRules.utf8Length(url) > MAX_URL_BYTES) {
            errors.add(new FieldError("authorUrl", "too_long", URL_TOO_LONG));
        } else if (!TextRules.isValidWebUrl(url)) {
            errors.add(new FieldError("authorUrl", "invalid", INVALID_URL));
        }
    }

    private static void checkContent(List<FieldError> errors, String content) {
        if (content == null) {
            errors.add(new FieldError("content", "required", REQUIRED_CONTENT));
        } else if (TextRules.hasForbiddenCharacters(content)) {
            errors.add(new FieldError("content", "invalid_characters", FORBIDDEN_CHARACTERS));
        } else if (TextRules.utf8Length(content) > MAX_CONTENT_BYTES) {
            errors.add(new FieldError("content", "too_long", CONTENT_TOO_LONG));
        }
    }

    private static String emptyToNull(String text) {
        return TextRules.isBlank(text) ? null : text;
    }
}
