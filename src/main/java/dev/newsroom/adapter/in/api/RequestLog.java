package dev.newsroom.adapter.in.api;

import dev.newsroom.domain.ServiceException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One structured JSON line per request on standard output (CloudWatch Logs in Lambda): request id, route,
 * status, latency and outcome; for a failure its error code, and for {@code unavailable} why (the SDK
 * exception's class, DynamoDB's error code). It never holds personal data: no email, IP, user agent, body or
 * query values, no exception messages.
 */
final class RequestLog {
    private final Json json;

    RequestLog(Json json) {
        this.json = json;
    }

    void request(ApiRequest request, ApiResponse response, long latencyMillis, ServiceException failure) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", response.status() >= 500 ? "ERROR" : "INFO");
        line.put("message", "request");
        line.put("requestId", request.requestId());
        line.put("method", request.method());
        line.put("route", request.resource());
        line.put("status", response.status());
        line.put("latencyMs", latencyMillis);
        if (request.outcome() != null) {
            line.put("outcome", request.outcome());
        }
        if (failure != null) {
            line.put("error", failure.code().wire());
            line.putAll(failure.diagnostics());
        }
        System.out.println(json.write(line));
    }

    /** An unforeseen failure: its type and the request id, without the message (it may quote input). */
    void failure(ApiRequest request, RuntimeException e) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", "ERROR");
        line.put("message", "unhandled failure");
        line.put("requestId", request.requestId());
        line.put("exception", e.getClass().getName());
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length > 0) {
            line.put("at", trace[0].toString());
        }
        System.out.println(json.write(line));
    }
}
