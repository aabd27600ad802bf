package dev.newsroom.adapter.in.api;

import java.util.List;

/**
 * CORS from an allow-list of exact origins. An allowed origin is echoed (with {@code Vary: Origin}); any
 * other origin gets no CORS headers, so browsers refuse the response. {@code *} is honoured only if configured.
 */
public final class Cors {
    private static final String ALLOWED_HEADERS = "Content-Type, Authorization, Idempotency-Key";
    private final List<String> allowedOrigins;

    public Cors(List<String> allowedOrigins) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }

    public boolean allows(String origin) {
        return origin != null && (allowedOrigins.contains(origin) || allowedOrigins.contains("*"));
    }

    public void decorate(ApiRequest request, ApiResponse response) {
        String origin = request.header("Origin");
        response.header("Vary", "Origin");
        if (allows(origin)) {
            response.header("Access-Control-Allow-Origin", origin);
            response.header("Access-Control-Expose-Headers", "X-Request-Id, Retry-After");
        }
    }

    /** The answer to a preflight for a resource that supports {@code allow}. */
    public ApiResponse preflight(ApiRequest request, String allow) {
        ApiResponse response = ApiResponse.empty(204).header("Allow", allow);
        if (allows(request.header("Origin"))) {
            response.header("Access-Control-Allow-Methods", allow)
                    .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .header("Access-Control-Max-Age", "600");
        }
        return response;
    }
}
