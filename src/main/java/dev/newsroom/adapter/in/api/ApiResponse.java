package dev.newsroom.adapter.in.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response under construction: status, headers and a JSON (or empty) body; for a browser's form post, an HTML
 * page or a {@code 303} redirect.
 */
public final class ApiResponse {
    public static final String JSON = "application/json; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";
    private final int status;
    private final String body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private ApiResponse(int status, String body) {
        this.status = status;
        this.body = body;
    }

    public static ApiResponse json(int status, String body) {
        return new ApiResponse(status, body).header("Content-Type", JSON);
    }

    public static ApiResponse html(int status, String page) {
        return new ApiResponse(status, page).header("Content-Type", HTML);
    }

    /** {@code 303 See Other} to {@code location}: the browser follows it with a GET. */
    public static ApiResponse seeOther(String location) {
        return new ApiResponse(303, "").header("Location", location);
    }

    public static ApiResponse empty(int status) {
        return new ApiResponse(status, "");
    }

    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ApiResponse headerIfAbsent(String name, String value) {
        headers.putIfAbsent(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    public APIGatewayProxyResponseEvent toEvent() {
        return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(Map.copyOf(headers))
                .withBody(body).withIsBase64Encoded(false);
    }
}
