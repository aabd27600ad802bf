package dev.newsroom.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.local.LocalApi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The local runner started for a test (DynamoDB Local over HTTP via {@code ServerRunner}, API on a free
 * port) and a small HTTP client for it.
 */
public final class HttpApi implements AutoCloseable {
    public static final String TOKEN = "test-admin-token";
    public final LocalApi server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpApi(Path dbPath, Map<String, String> settings) throws Exception {
        this.server = LocalApi.start(new LocalApi.Options(0, TOKEN, dbPath, null, Path.of("."), true, settings));
    }

    /** A response with headers and parsed body (an empty object for an empty body, a page, a feed or plain text). */
    public record Answer(int status, HttpResponse<String> raw, JsonNode json) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String errorCode() {
            return json.path("error").path("code").asText(null);
        }
    }

    public Answer send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            String type = response.headers().firstValue("Content-Type").orElse("");
            boolean notJson = type.startsWith("text/") || type.contains("xml");
            JsonNode json = text == null || text.isEmpty() || notJson ? ApiHarness.JSON.createObjectNode() : ApiHarness.JSON.readTree(text);
            return new Answer(response.statusCode(), response, json);
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    public Answer get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /**
     * Waits until {@code path}'s JSON field {@code field} reads {@code expected}, at most {@code seconds} (counts
     * follow approvals through the change stream, which the runner reads every 200 ms); returns the last read.
     */
    public long awaitNumber(String path, String field, long expected, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long value;
        do {
            value = get(path).json().path(field).asLong();
            if (value == expected) {
                return value;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
        } while (System.nanoTime() < deadline);
        return value;
    }

    /** Applies everything the change stream holds to the counts now (what the runner does every 200 ms). */
    public void settleCounts() {
        server.counter().drain();
    }

    /** Changes discussion settings ({@code fields}: JSON members) through the admin API, naming the version it replaces. */
    public void settings(String fields) {
        long version = admin("GET", "/admin/settings", null).json().path("version").asLong();
        Answer answer = admin("PUT", "/admin/settings", "{" + fields + ",\"version\":" + version + "}");
        if (answer.status() != 200) {
            throw new AssertionError("settings refused: " + answer.raw().body());
        }
    }

    public Answer admin(String method, String path, String body) {
        return send(method, path, body, "Authorization", "Bearer " + TOKEN);
    }

    @Override
    public void close() {
        server.close();
    }
}
