package dev.newsroom.domain;

import java.util.List;
import java.util.Map;

/**
 * The one exception type that carries a contract failure out of the domain and the use cases. It holds
 * the stable {@link ErrorCode}, a human message safe to show to readers, every broken field (for
 * {@code validation_failed}) and, for throttling answers, the seconds after which a retry may succeed. An
 * {@code unavailable} failure may carry diagnostics for the log (names and codes of the cause, never input).
 */
public final class ServiceException extends RuntimeException {
    private final ErrorCode code;
    private final List<FieldError> fields;
    private final long retryAfterSeconds;
    private final Map<String, String> diagnostics;

    public ServiceException(ErrorCode code, String message) {
        this(code, message, List.of(), 0);
    }

    public ServiceException(ErrorCode code, String message, List<FieldError> fields, long retryAfterSeconds) {
        this(code, message, fields, retryAfterSeconds, Map.of());
    }

    private ServiceException(ErrorCode code, String message, List<FieldError> fields, long retryAfterSeconds,
                             Map<String, String> diagnostics) {
        super(message, null, false, false);
        this.code = code;
        this.fields = List.copyOf(fields);
        this.retryAfterSeconds = retryAfterSeconds;
        this.diagnostics = diagnostics;
    }

    public static ServiceException validation(List<FieldError> fields) {
        return new ServiceException(ErrorCode.VALIDATION_FAILED, fields.get(0).message(), fields, 0);
    }

    public static ServiceException invalidParameter(String message) {
        return new ServiceException(ErrorCode.INVALID_PARAMETER, message);
    }

    public static ServiceException malformed(String message) {
        return new ServiceException(ErrorCode.MALFORMED_BODY, message);
    }

    /** Input that passed the rules but that the database refuses to store as given (never worth retrying). */
    public static ServiceException unstorable() {
        return new ServiceException(ErrorCode.VALIDATION_FAILED,
                "The request holds a value that cannot be stored; check its fields.", List.of(), 0);
    }

    /** WordPress's duplicate refusal: same article, parent, name, email and content as a comment not in trash. */
    public static ServiceException duplicateComment() {
        return new ServiceException(ErrorCode.DUPLICATE_COMMENT,
                "Duplicate comment detected; it looks as though you've already said that!");
    }

    /** WordPress's flood refusal, with the seconds until the same IP or email may comment again. */
    public static ServiceException commentFlood(long retryAfterSeconds) {
        return new ServiceException(ErrorCode.COMMENT_FLOOD, "You are posting comments too quickly. Slow down.",
                List.of(), retryAfterSeconds);
    }

    /** WordPress's refusal for an article closed to comments (its flag, or older than the site allows). */
    public static ServiceException commentsClosed() {
        return new ServiceException(ErrorCode.COMMENTS_CLOSED, "Sorry, comments are closed for this item.");
    }

    public static ServiceException articleNotFound() {
        return new ServiceException(ErrorCode.ARTICLE_NOT_FOUND, "No published article has this slug.");
    }

    public static ServiceException commentNotFound() {
        return new ServiceException(ErrorCode.COMMENT_NOT_FOUND, "No comment has this id.");
    }

    public static ServiceException versionConflict() {
        return new ServiceException(ErrorCode.VERSION_CONFLICT,
                "This item was changed by someone else; reload it and try again.");
    }

    public static ServiceException unavailable(long retryAfterSeconds) {
        return unavailable(retryAfterSeconds, Map.of());
    }

    /**
     * {@code unavailable} with what the log should say about the cause: exception class names, the service's
     * error codes, never a message or anything a reader sent.
     */
    public static ServiceException unavailable(long retryAfterSeconds, Map<String, String> diagnostics) {
        return new ServiceException(ErrorCode.UNAVAILABLE, "The service is briefly unavailable. Please try again.",
                List.of(), retryAfterSeconds, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(diagnostics)));
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> fields() {
        return fields;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Names and codes describing the cause, for the log line; empty for most failures. */
    public Map<String, String> diagnostics() {
        return diagnostics;
    }
}
