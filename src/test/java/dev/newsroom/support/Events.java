package dev.newsroom.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;

import java.util.HashMap;
import java.util.Map;

/** Hand-built API Gateway events for handler tests that vary one thing at a time. */
public final class Events {
    private Events() {
    }

    /** An event for {@code path}, which may carry a query string; JSON content type when there is a body. */
    public static APIGatewayProxyRequestEvent request(String method, String path, String body) {
        var identity = new APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp("198.51.100.20")
                .withUserAgent("test-agent");
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("req-" + System.nanoTime())
                .withIdentity(identity);
        Map<String, String> headers = new HashMap<>();
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        Map<String, String> query = new HashMap<>();
        int mark = path.indexOf('?');
        if (mark >= 0) {
            for (String pair : path.substring(mark + 1).split("&")) {
                int eq = pair.indexOf('=');
                query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
            path = path.substring(0, mark);
        }
        return new APIGatewayProxyRequestEvent().withHttpMethod(method).withPath(path).withBody(body)
                .withHeaders(headers).withRequestContext(context).withQueryStringParameters(query.isEmpty() ? null : query);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    public static APIGatewayProxyRequestEvent fromIp(APIGatewayProxyRequestEvent event, String ip) {
        event.getRequestContext().getIdentity().setSourceIp(ip);
        return event;
    }

    public static APIGatewayProxyRequestEvent asModerator(APIGatewayProxyRequestEvent event) {
        event.getRequestContext().setAuthorizer(new HashMap<>(Map.of("claims",
                Map.of("sub", "mod-1", "cognito:username", "mod-1", "cognito:groups", "moderators"))));
        return event;
    }

    public static APIGatewayProxyRequestEvent withClaims(APIGatewayProxyRequestEvent event, Map<String, Object> claims) {
        event.getRequestContext().setAuthorizer(new HashMap<>(Map.of("claims", claims)));
        return event;
    }
}
