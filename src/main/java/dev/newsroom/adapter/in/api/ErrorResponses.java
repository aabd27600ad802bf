package dev.newsroom.adapter.in.api;

import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.FieldError;
import dev.newsroom.domain.ServiceException;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where failures become HTTP: the status of every {@link ErrorCode} and the contract's error
 * body {@code {"error": {code, message, fields}, "requestId"}}. No stack trace or class name ever leaves here.
 */
public final class ErrorResponses {
    private static final Map<ErrorCode, Integer> STATUS = new EnumMap<>(ErrorCode.class);

    static {
        for (ErrorCode c : List.of(ErrorCode.VALIDATION_FAILED, ErrorCode.MALFORMED_BODY, ErrorCode.INVALID_CURSOR,
                ErrorCode.INVALID_PARAMETER, ErrorCode.REPLY_TOO_DEEP)) {
            STATUS.put(c, 400);
        }
        STATUS.put(ErrorCode.UNAUTHORIZED, 401);
        for (ErrorCode c : List.of(ErrorCode.FORBIDDEN, ErrorCode.COMMENTS_CLOSED, ErrorCode.REPLY_TO_UNAPPROVED)) {
            STATUS.put(c, 403);
        }
        for (ErrorCode c : List.of(ErrorCode.ARTICLE_NOT_FOUND, ErrorCode.COMMENT_NOT_FOUND, ErrorCode.NOT_FOUND)) {
            STATUS.put(c, 404);
        }
        STATUS.put(ErrorCode.METHOD_NOT_ALLOWED, 405);
        for (ErrorCode c : List.of(ErrorCode.DUPLICATE_COMMENT, ErrorCode.VERSION_CONFLICT, ErrorCode.SLUG_TAKEN,
                ErrorCode.MUST_TRASH_FIRST)) {
            STATUS.put(c, 409);
        }
        STATUS.put(ErrorCode.PAYLOAD_TOO_LARGE, 413);
        STATUS.put(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 415);
        STATUS.put(ErrorCode.IDEMPOTENCY_KEY_REUSED, 422);
        STATUS.put(ErrorCode.COMMENT_FLOOD, 429);
        STATUS.put(ErrorCode.INTERNAL, 500);
        STATUS.put(ErrorCode.UNAVAILABLE, 503);
    }

    private final Json json;

    public ErrorResponses(Json json) {
        this.json = json;
    }

    public static int statusOf(ErrorCode code) {
        return STATUS.get(code);
    }

    public ApiResponse toResponse(ServiceException e, String requestId) {
        ApiResponse response = body(e.code(), e.getMessage(), e.fields(), requestId);
        if (e.retryAfterSeconds() > 0) {
            response.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        return response;
    }

    /** The answer to a failure nobody foresaw: a 500 with a generic message and nothing from the exception. */
    public ApiResponse internal(String requestId) {
        return body(ErrorCode.INTERNAL, "Something went wrong on our side. Please try again.", List.of(), requestId);
    }

    private static Map<String, Object> fieldJson(FieldError field) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("field", field.field());
        v.put("code", field.code());
        v.put("message", field.message());
        return v;
    }

    private ApiResponse body(ErrorCode code, String message, List<FieldError> fields, String requestId) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code.wire());
        error.put("message", message);
        if (!fields.isEmpty()) {
            error.put("fields", fields.stream().map(ErrorResponses::fieldJson).toList());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("requestId", requestId);
        return ApiResponse.json(statusOf(code), json.write(body));
    }
}
