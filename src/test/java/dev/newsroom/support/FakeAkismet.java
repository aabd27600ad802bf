package dev.newsroom.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local server that speaks Akismet's REST protocol ({@code /1.1/comment-check}, {@code submit-spam},
 * {@code submit-ham}): form-encoded requests with {@code api_key} among the fields, {@code true}/{@code false}
 * bodies, {@code X-akismet-pro-tip: discard} for blatant spam, {@code invalid} with {@code X-akismet-debug-help}
 * for a wrong key. Akismet's test author {@code viagra-test-123} is spam; content containing {@code discard-me}
 * is blatant spam. A test may make it fail ({@link Mode#ERROR}: 500) or answer late ({@link Mode#SLOW}).
 * Every request it got is kept, decoded, with its path.
 */
public final class FakeAkismet implements AutoCloseable {
    public static final String KEY = "fake-akismet-key";
    public static final String TEST_SPAMMER = "viagra-test-123";

    public enum Mode { NORMAL, ERROR, SLOW }

    /** One request as received: the path and its form fields. */
    public record Call(String path, Map<String, String> fields, String contentType) {
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.NORMAL;
    private volatile long slowMillis = 3_000;

    public FakeAkismet() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/1.1/", this::handle);
        server.start();
    }

    /** The endpoint to configure ({@code AKISMET_ENDPOINT}): calls go to {@code {endpoint}/1.1/...}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The settings that point the service at this fake with its key. */
    public Map<String, String> settings() {
        return Map.of("AKISMET_API_KEY", KEY, "AKISMET_ENDPOINT", endpoint(), "AKISMET_BLOG", "https://www.example.com");
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public void slowMillis(long millis) {
        this.slowMillis = millis;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String call) {
        return calls.stream().filter(c -> c.path().equals("/1.1/" + call)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> fields = decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String path = exchange.getRequestURI().getPath();
            calls.add(new Call(path, fields, exchange.getRequestHeaders().getFirst("Content-Type")));
            if (mode == Mode.SLOW) {
                sleep(slowMillis);
            }
            if (mode == Mode.ERROR) {
                answer(exchange, 500, "Internal Server Error");
                return;
            }
            if (!KEY.equals(fields.get("api_key"))) {
                exchange.getResponseHeaders().add("X-akismet-debug-help", "We were unable to parse your blog URI");
                answer(exchange, 200, "invalid");
                return;
            }
            switch (path) {
                case "/1.1/comment-check" -> {
                    boolean blatant = fields.getOrDefault("comment_content", "").contains("discard-me");
                    if (blatant) {
                        exchange.getResponseHeaders().add("X-akismet-pro-tip", "discard");
                    }
                    answer(exchange, 200, blatant || TEST_SPAMMER.equals(fields.get("comment_author")) ? "true" : "false");
                }
                case "/1.1/submit-spam", "/1.1/submit-ham" -> answer(exchange, 200, "Thanks for making the web a better place.");
                default -> {
                    exchange.getResponseHeaders().add("X-akismet-error", "Unknown method");
                    answer(exchange, 404, "");
                }
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
