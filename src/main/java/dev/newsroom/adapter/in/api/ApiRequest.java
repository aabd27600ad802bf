package dev.newsroom.adapter.in.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.newsroom.adapter.in.EdgeViewer;
import dev.newsroom.adapter.in.EventBody;
import dev.newsroom.adapter.in.FormFields;
import dev.newsroom.adapter.in.RequestLog;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A read-only view of an API Gateway proxy event: headers case-insensitively, query and path parameters,
 * the body as bytes (base64 undone) and as strict UTF-8 text, the gateway's source IP and request id, and
 * the authorizer's claims. Accessors never throw for missing parts.
 */
public final class ApiRequest {
    /** The largest body an editor's or moderator's request may have (an article's item must stay within 400 KB). */
    public static final int MAX_BODY_BYTES = 128 * 1024;
    /**
     * The largest comment submission: room for a comment at WordPress's length limit (65,525 bytes) however it is
     * sent, as a form (percent-encoding makes each byte of a non-ASCII character three) or as JSON with every
     * character escaped (up to three times too), beside the other fields.
     */
    public static final int MAX_COMMENT_BODY_BYTES = 256 * 1024;
    private final APIGatewayProxyRequestEvent event;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final String requestId;
    private Map<String, String> pathParameters;
    private String resource;
    private String outcome;
    private final int maxBodyBytes;
    private byte[] body;

    public ApiRequest(APIGatewayProxyRequestEvent event) {
        this(event, MAX_BODY_BYTES);
    }

    /** {@code maxBodyBytes}: a larger body is refused with {@code payload_too_large}. */
    public ApiRequest(APIGatewayProxyRequestEvent event, int maxBodyBytes) {
        this.event = event;
        this.maxBodyBytes = maxBodyBytes;
        if (event.getMultiValueHeaders() != null) {
            event.getMultiValueHeaders().forEach((k, v) -> {
                if (k != null && v != null && !v.isEmpty()) {
                    headers.put(k, v.get(0));
                }
            });
        }
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((k, v) -> {
                if (k != null && v != null) {
                    headers.put(k, v);
                }
            });
        }
        this.requestId = RequestLog.requestId(event);
        this.pathParameters = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
        this.resource = event.getResource();
    }

    public String method() {
        return event.getHttpMethod() == null ? "GET" : event.getHttpMethod().toUpperCase(Locale.ROOT);
    }

    public String path() {
        return event.getPath() == null ? "/" : event.getPath();
    }

    public String resource() {
        return resource;
    }

    public String requestId() {
        return requestId;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    void routed(String resourceTemplate, Map<String, String> parameters) {
        this.resource = resourceTemplate;
        if (this.pathParameters.isEmpty()) {
            this.pathParameters = parameters;
        }
    }

    /** A query parameter; when it was given several times, the first value. */
    public String query(String name) {
        Map<String, List<String>> multi = event.getMultiValueQueryStringParameters();
        if (multi != null && multi.get(name) != null && !multi.get(name).isEmpty()) {
            return multi.get(name).get(0);
        }
        Map<String, String> single = event.getQueryStringParameters();
        return single == null ? null : single.get(name);
    }

    /**
     * The caller's IP: the viewer's address from the stack's CloudFront distribution when the request carries the
     * stack's origin token ({@link EdgeViewer}), else the gateway's view ({@code requestContext.identity.sourceIp});
     * never a header a client could set.
     */
    public String sourceIp() {
        String viewer = EdgeViewer.ip(this::header);
        if (viewer != null) {
            return viewer;
        }
        var context = event.getRequestContext();
        return context == null || context.getIdentity() == null ? null : context.getIdentity().getSourceIp();
    }

    public String userAgent() {
        var context = event.getRequestContext();
        String fromIdentity = context == null || context.getIdentity() == null ? null : context.getIdentity().getUserAgent();
        return fromIdentity != null ? fromIdentity : header("User-Agent");
    }

    /** The authorizer's claims (Cognito puts them under {@code claims}); empty without an authorizer. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> claims() {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null) {
            return Map.of();
        }
        Object claims = context.getAuthorizer().get("claims");
        return claims instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /**
     * The raw body bytes, decoded once; {@code payload_too_large} over the limit this request was made with, {@code malformed_body} for
     * broken base64.
     */
    public byte[] bodyBytes() {
        if (body == null) {
            body = EventBody.bytes(event.getBody(), Boolean.TRUE.equals(event.getIsBase64Encoded()), maxBodyBytes,
                    () -> tooLarge(maxBodyBytes), "The body is not valid base64.");
        }
        return body;
    }

    /** The body as text; {@code malformed_body} when it is not valid UTF-8. */
    public String bodyText() {
        return strictUtf8(bodyBytes());
    }

    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ServiceException.malformed("The body is not valid UTF-8.");
        }
    }

    /** The media type of the body without parameters, lower-cased; null when absent. */
    public String mediaType() {
        String type = header("Content-Type");
        if (type == null || type.isBlank()) {
            return null;
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The {@code charset} parameter of the body's {@code Content-Type}, unquoted; null when not declared. */
    public String charset() {
        return FormFields.charsetOf(header("Content-Type"));
    }

    /** What the handler decided (e.g. {@code held}, {@code spam}), for the request log line only. */
    public void outcome(String value) {
        this.outcome = value;
    }

    public String outcome() {
        return outcome;
    }

    private static ServiceException tooLarge(int maxBodyBytes) {
        return new ServiceException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBodyBytes / 1024 + " KiB.");
    }
}
