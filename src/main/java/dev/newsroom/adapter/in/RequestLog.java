package dev.newsroom.adapter.in;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.newsroom.domain.ServiceException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One structured JSON line per request on standard output (CloudWatch Logs in Lambda), for the API and the pages
 * alike: request id, method, route, status, latency and outcome; for a failure its error code, and for
 * {@code unavailable} why (the SDK exception's class, DynamoDB's error code). It never holds personal data: no
 * email, IP, user agent, body or query values, no exception messages.
 */
public final class RequestLog {
    private final Function<Object, String> json;

    /** {@code json}: writes a map as one line of JSON. */
    public RequestLog(Function<Object, String> json) {
        this.json = json;
    }

    /** The id a request's lines carry: API Gateway's, or a new one when the event gives none. */
    public static String requestId(APIGatewayProxyRequestEvent event) {
        var context = event.getRequestContext();
        String id = context == null ? null : context.getRequestId();
        return id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
    }

    /** An answered request: {@code outcome} (e.g. {@code held}) and {@code failure} may be null. */
    public void request(String requestId, String method, String route, int status, long latencyMillis, String outcome,
                        ServiceException failure) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", status >= 500 ? "ERROR" : "INFO");
        line.put("message", "request");
        line.put("requestId", requestId);
        line.put("method", method);
        line.put("route", route);
        line.put("status", status);
        line.put("latencyMs", latencyMillis);
        if (outcome != null) {
            line.put("outcome", outcome);
        }
        if (failure != null) {
            line.put("error", failure.code().wire());
            line.putAll(failure.diagnostics());
        }
        System.out.println(json.apply(line));
    }

    /** An unforeseen failure: its type and the request id, without the message (it may quote input). */
    public void failure(String requestId, RuntimeException e) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", "ERROR");
        line.put("message", "unhandled failure");
        line.put("requestId", requestId);
        line.put("exception", e.getClass().getName());
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length > 0) {
            line.put("at", trace[0].toString());
        }
        System.out.println(json.apply(line));
    }
}
