package dev.newsroom.adapter.in.pages;

import dev.newsroom.domain.ErrorCode;

/** The HTTP status of a refused request (a comment form, a page request), the same as the API gives the same refusal. */
final class PageStatus {
    private PageStatus() {
    }

    static int of(ErrorCode code) {
        return switch (code) {
            case COMMENTS_CLOSED, REPLY_TO_UNAPPROVED, FORBIDDEN -> 403;
            case DUPLICATE_COMMENT -> 409;
            case PAYLOAD_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case COMMENT_FLOOD -> 429;
            default -> 400;
        };
    }
}
