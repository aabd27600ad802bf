package dev.newsroom.domain;

/**
 * Every failure the service can report, as a stable machine word (the {@code code} of the error body).
 * The HTTP status of each lives in one place in the API adapter.
 */
public enum ErrorCode {
    VALIDATION_FAILED("validation_failed"),
    MALFORMED_BODY("malformed_body"),
    INVALID_CURSOR("invalid_cursor"),
    INVALID_PARAMETER("invalid_parameter"),
    UNAUTHORIZED("unauthorized"),
    FORBIDDEN("forbidden"),
    COMMENTS_CLOSED("comments_closed"),
    REPLY_TO_UNAPPROVED("reply_to_unapproved"),
    REPLY_TOO_DEEP("reply_too_deep"),
    ARTICLE_NOT_FOUND("article_not_found"),
    COMMENT_NOT_FOUND("comment_not_found"),
    NOT_FOUND("not_found"),
    METHOD_NOT_ALLOWED("method_not_allowed"),
    DUPLICATE_COMMENT("duplicate_comment"),
    VERSION_CONFLICT("version_conflict"),
    SLUG_TAKEN("slug_taken"),
    MUST_TRASH_FIRST("must_trash_first"),
    PAYLOAD_TOO_LARGE("payload_too_large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type"),
    IDEMPOTENCY_KEY_REUSED("idempotency_key_reused"),
    COMMENT_FLOOD("comment_flood"),
    UNAVAILABLE("unavailable"),
    INTERNAL("internal_error");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    /** The code as it appears in the JSON error body. */
    public String wire() {
        return wire;
    }
}
