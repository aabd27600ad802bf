package dev.newsroom.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The contract's error responses for what the gateway itself refuses locally (unknown route, no token). */
final class LocalErrors {
    private LocalErrors() {
    }

    static APIGatewayProxyResponseEvent notFound() {
        return error(404, "not_found", "No route matches this path.", UUID.randomUUID().toString(), Map.of());
    }

    static APIGatewayProxyResponseEvent methodNotAllowed(List<String> allowed) {
        return error(405, "method_not_allowed", "This path does not support this method.",
                UUID.randomUUID().toString(), Map.of("Allow", String.join(", ", allowed)));
    }

    static APIGatewayProxyResponseEvent unauthorized(String requestId) {
        return error(401, "unauthorized", "Sign in as a moderator to use this route.", requestId, Map.of());
    }

    static APIGatewayProxyResponseEvent internal() {
        return error(500, "internal_error", "Something went wrong on our side. Please try again.",
                UUID.randomUUID().toString(), Map.of());
    }

    private static APIGatewayProxyResponseEvent error(int status, String code, String message, String requestId,
                                                      Map<String, String> extra) {
        var headers = new java.util.HashMap<String, String>(extra);
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Request-Id", requestId);
        headers.put("Cache-Control", "no-store");
        String body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"},\"requestId\":\""
                + requestId + "\"}";
        return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(headers).withBody(body);
    }
}
