package dev.newsroom.adapter.in.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.newsroom.config.AppContext;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training run for a JDK 25 AOT cache (JEP 483/514/515): the three functions, built as Lambda builds them,
 * answer real requests through their handlers with API Gateway events, against a DynamoDB Local whose endpoint
 * is {@code AWS_ENDPOINT_URL_DYNAMODB}: create an article, read it, the list, the counts and the thread, submit
 * comments, read the queue and moderate them, then each function's SnapStart priming. The JVM records which
 * classes were loaded and linked and how the methods ran, and writes the cache at exit
 * ({@code -XX:AOTCacheOutput=file}).
 *
 * <p>It writes to the table, so it refuses any endpoint that is not on this machine. Exit status 0 when every
 * answer was the expected one, 1 otherwise (an image build then fails rather than ship a cache of error paths).
 */
public final class Training {
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9A-Z]{26})\"");
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private final AdminFunction admin;
    private final ArticlesFunction articles;
    private final CommentsFunction comments;
    private final List<String> unexpected = new ArrayList<>();
    private int requests;

    private Training(AdminFunction admin, ArticlesFunction articles, CommentsFunction comments) {
        this.admin = admin;
        this.articles = articles;
        this.comments = comments;
    }

    /** Only "localhost" or a loopback IP literal: no name is looked up, so no DNS answer can point elsewhere. */
    static boolean isThisMachine(String host) {
        if (host == null) {
            return false;
        }
        if (host.equals("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipLiteral = literal.matches("[0-9.]+") || literal.contains(":");
        try {
            return ipLiteral && java.net.InetAddress.getByName(literal).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    public static void main(String[] args) {
        String endpoint = System.getenv("AWS_ENDPOINT_URL_DYNAMODB");
        String host = endpoint == null ? null : URI.create(endpoint).getHost();
        if (!isThisMachine(host)) {
            System.err.println("Training writes to its table: set AWS_ENDPOINT_URL_DYNAMODB to a DynamoDB Local on this machine");
            System.exit(2);
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        awaitDatabase(URI.create(endpoint));
        long started = System.nanoTime();
        AppContext app = AppContext.shared();
        app.ensureTable();
        Training training = new Training(new AdminFunction(app), new ArticlesFunction(app), new CommentsFunction(app));
        training.run(rounds);
        System.out.printf("Training: %d requests in %d ms, %d unexpected answers%n", training.requests,
                (System.nanoTime() - started) / 1_000_000, training.unexpected.size());
        training.unexpected.forEach(u -> System.out.println("  unexpected: " + u));
        System.exit(training.unexpected.isEmpty() ? 0 : 1);
    }

    /** Waits up to a minute for the database to accept connections (an image build starts it just before). */
    private static void awaitDatabase(URI endpoint) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : 80;
        while (true) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(endpoint.getHost(), port), 1000);
                return;
            } catch (java.io.IOException e) {
                if (System.nanoTime() > deadline) {
                    System.err.println("Training: no database at " + endpoint);
                    System.exit(2);
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void run(int rounds) {
        String slug = "aot-training-" + Long.toString(System.currentTimeMillis(), 36);
        call(admin, "POST", "/admin/articles", Map.of(), null, "{\"slug\":\"" + slug + "\",\"title\":\"Training\","
                + "\"excerpt\":\"A training article.\","
                + "\"bodyHtml\":\"<p>First <a href=\\\"https://www.example.org/\\\">paragraph</a>.</p><p>Second.</p>\","
                + "\"categories\":[\"Latest News\"],\"source\":{\"name\":\"Newsroom\",\"url\":\"https://www.example.com/\"},"
                + "\"seeAlso\":[],\"related\":[],\"status\":\"published\",\"commentsOpen\":true}", 201);
        for (int round = 0; round < rounds; round++) {
            Map<String, String> article = Map.of("slug", slug);
            call(articles, "GET", "/articles/{slug}", article, null, null, 200);
            call(articles, "GET", "/articles", Map.of(), Map.of("limit", "10"), null, 200);
            call(articles, "GET", "/articles", Map.of(), Map.of("category", "Latest News"), null, 200);
            call(articles, "GET", "/comments/counts", Map.of(), Map.of("articles", slug), null, 200);
            call(comments, "GET", "/articles/{slug}/comments", article, null, null, 200);
            String submitted = call(comments, "POST", "/articles/{slug}/comments", article, null,
                    "{\"authorName\":\"Reader " + round + "\",\"authorEmail\":\"reader" + round + "@example.com\","
                            + "\"authorUrl\":\"https://example.com/" + round + "\",\"content\":\"Thanks for this report, part "
                            + round + ".\"}", 201, 202);
            call(admin, "GET", "/admin/comments", Map.of(), null, null, 200);
            call(admin, "GET", "/admin/settings", Map.of(), null, null, 200);
            Matcher id = ID.matcher(submitted);
            if (id.find()) {
                Map<String, String> comment = Map.of("id", id.group(1));
                String current = call(admin, "GET", "/admin/comments/{id}", comment, null, null, 200);
                Matcher version = VERSION.matcher(current);
                String status = round % 2 == 0 ? "approved" : "spam";
                call(admin, "PATCH", "/admin/comments/{id}", comment, null, "{\"status\":\"" + status + "\",\"version\":"
                        + (version.find() ? version.group(1) : "1") + "}", 200);
            } else {
                unexpected.add("no comment id in " + submitted);
            }
            call(comments, "GET", "/articles/{slug}/comments", article, Map.of("order", "desc"), null, 200);
            call(articles, "GET", "/articles/{slug}", Map.of("slug", "no-such-article"), null, null, 404);
        }
        for (ApiFunction function : List.of(articles, comments, admin)) {
            requests += Priming.prime(function).size();
        }
    }

    private String call(ApiFunction function, String method, String resource, Map<String, String> pathParameters,
                        Map<String, String> query, String body, int... expected) {
        String path = resource;
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        Map<String, String> headers = new HashMap<>(Map.of("Accept", "application/json", "Origin", "https://www.example.com"));
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("training-" + (++requests))
                .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp("198.51.100." + (requests % 250))
                        .withUserAgent("training"));
        if (function == admin) {
            context.setAuthorizer(Map.of("claims", Map.of("cognito:username", "training", "cognito:groups", AdminFunction.MODERATORS)));
        }
        var response = function.handleRequest(new APIGatewayProxyRequestEvent().withHttpMethod(method).withResource(resource)
                .withPath(path).withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withQueryStringParameters(query).withHeaders(headers).withBody(body).withRequestContext(context), null);
        boolean ok = false;
        for (int status : expected) {
            ok |= response.getStatusCode() == status;
        }
        if (!ok) {
            unexpected.add(method + " " + path + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return response.getBody() == null ? "" : response.getBody();
    }
}
