package dev.newsroom.adapter.in.pages;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.newsroom.adapter.in.EdgeViewer;
import dev.newsroom.adapter.in.EventBody;
import dev.newsroom.adapter.in.FormFields;
import dev.newsroom.adapter.in.RequestLog;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A page request as API Gateway delivers it: resource, path parameters, query, headers (any case), the caller's
 * IP (the distribution's word for it, else the gateway's), and a form body (at most {@link #MAX_FORM_BYTES}, read
 * by {@link FormFields} as the API reads its comment form).
 */
final class PageRequest {
    /**
     * The largest form: the page's form is a comment submission, so it takes what the API's comment route takes
     * (256 KiB): a comment at WordPress's length limit of non-ASCII text is about three times its size percent-encoded.
     */
    static final int MAX_FORM_BYTES = 256 * 1024;
    private final APIGatewayProxyRequestEvent event;
    private final String requestId;
    private String outcome;
    private ServiceException refusal;

    PageRequest(APIGatewayProxyRequestEvent event) {
        this.event = event;
        this.requestId = RequestLog.requestId(event);
    }

    /** API Gateway's id of this request (one of our own when it gives none), for the request's log line. */
    String requestId() {
        return requestId;
    }

    /** What a form's post did ({@code approved}, {@code held}, {@code spam}), for the request's log line only. */
    void outcome(String value) {
        this.outcome = value;
    }

    String outcome() {
        return outcome;
    }

    /** Why a form's post was refused, answered as the page again with the messages: for the log line only. */
    void refusedWith(ServiceException e) {
        this.refusal = e;
    }

    ServiceException refusal() {
        return refusal;
    }

    String method() {
        return event.getHttpMethod() == null ? "GET" : event.getHttpMethod().toUpperCase(Locale.ROOT);
    }

    String resource() {
        return event.getResource() == null ? "" : event.getResource();
    }

    String pathParameter(String name) {
        Map<String, String> parameters = event.getPathParameters();
        return parameters == null ? null : parameters.get(name);
    }

    String query(String name) {
        Map<String, String> query = event.getQueryStringParameters();
        return query == null ? null : query.get(name);
    }

    /** The names of the query's parameters (none: empty). */
    Set<String> queryNames() {
        Map<String, String> query = event.getQueryStringParameters();
        return query == null ? Set.of() : query.keySet();
    }

    String header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** The reader's IP: the stack's CloudFront distribution's word for it ({@link EdgeViewer}), else the gateway's. */
    String sourceIp() {
        String viewer = EdgeViewer.ip(this::header);
        if (viewer != null) {
            return viewer;
        }
        var context = event.getRequestContext();
        return context == null || context.getIdentity() == null ? null : context.getIdentity().getSourceIp();
    }

    String stage() {
        var context = event.getRequestContext();
        return context == null ? null : context.getStage();
    }

    /**
     * The form's fields, read as the API reads a comment form ({@link FormFields}: its charset, strict escapes);
     * {@code unsupported_media_type}, {@code payload_too_large} or {@code malformed_body} when unreadable.
     */
    Map<String, String> form() {
        String type = header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(FormFields.FORM)) {
            throw new ServiceException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the comment form as the page does.");
        }
        byte[] bytes = EventBody.bytes(event.getBody(), Boolean.TRUE.equals(event.getIsBase64Encoded()), MAX_FORM_BYTES,
                PageRequest::tooLarge, "The form data is not readable.");
        return FormFields.read(bytes, FormFields.charsetOf(type));
    }

    private static ServiceException tooLarge() {
        return new ServiceException(ErrorCode.PAYLOAD_TOO_LARGE, "The comment is too long to send.");
    }
}
