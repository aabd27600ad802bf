package dev.newsroom.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.newsroom.adapter.in.api.CommentsFunction;

import java.util.HashMap;
import java.util.Map;

/** Cold start (a): Lambda's init of our comments function, then its first comment submission. */
public final class ColdOurs {
    private ColdOurs() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        CommentsFunction function = new CommentsFunction();
        long initialised = System.nanoTime();
        int status = function.handleRequest(submission(args), null).getStatusCode();
        ColdReport.print(start, initialised, System.nanoTime(), status);
    }

    /** The submission of {@code args}: slug, email, source IP. */
    static APIGatewayProxyRequestEvent submission(String[] args) {
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json"));
        return new APIGatewayProxyRequestEvent().withHttpMethod("POST")
                .withResource("/articles/{slug}/comments").withPath("/articles/" + args[0] + "/comments")
                .withPathParameters(Map.of("slug", args[0])).withHeaders(headers)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("cold")
                        .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp(args[2]).withUserAgent("bench")))
                .withBody("{\"authorName\":\"Bench\",\"authorEmail\":\"" + args[1] + "\",\"content\":\"Cold start " + args[1] + "\"}");
    }
}
