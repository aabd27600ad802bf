package dev.newsroom.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A plain HTTP proxy in front of DynamoDB Local that records how each request was signed (the
 * {@code Authorization} header's credential scope and {@code X-Amz-Security-Token}), its operation and body.
 */
final class RecordingProxy implements AutoCloseable {
    /** One DynamoDB request as the function sent it. */
    record Call(long seq, String operation, String authorization, String securityToken, String body) {
        /** The access key id of {@code Authorization: AWS4-HMAC-SHA256 Credential=<id>/<date>/...}. */
        String accessKeyId() {
            if (authorization == null) {
                return null;
            }
            int at = authorization.indexOf("Credential=");
            if (at < 0) {
                return null;
            }
            int end = authorization.indexOf('/', at);
            return end < 0 ? null : authorization.substring(at + "Credential=".length(), end);
        }
    }

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    private final Timeline timeline;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    RecordingProxy(String targetEndpoint, Timeline timeline) throws IOException {
        this.target = URI.create(targetEndpoint);
        this.timeline = timeline;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            String target = headers.getFirst("X-Amz-Target");
            String operation = target == null ? "?" : target.substring(target.indexOf('.') + 1);
            long seq = timeline.add("dynamodb", operation + " " + new String(body, StandardCharsets.UTF_8));
            calls.add(new Call(seq, operation, headers.getFirst("Authorization"),
                    headers.getFirst("X-Amz-Security-Token"), new String(body, StandardCharsets.UTF_8)));
            HttpRequest.Builder request = HttpRequest.newBuilder(target(exchange))
                    .timeout(Duration.ofSeconds(10))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private URI target(HttpExchange exchange) {
        return target.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
