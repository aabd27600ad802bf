package dev.newsroom.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Lambda Runtime API (2018-06-01) as the runtime interface client calls it: {@code invocation/next} (long
 * poll), {@code invocation/{id}/response} and {@code /error}, {@code init/error}, and SnapStart's
 * {@code restore/next} and {@code restore/error}. Each invocation is the raw event JSON, exactly as Lambda
 * delivers it, so the client's own deserialisation runs.
 */
final class FakeRuntimeApi implements AutoCloseable {
    private static final String BASE = "/2018-06-01/runtime";

    /** What the function answered: its payload, or the error the client reported. */
    record Result(boolean error, String body, String errorType) {
    }

    private record Invocation(String id, String event) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Result>> results = new ConcurrentHashMap<>();
    private final List<String> initErrors = new CopyOnWriteArrayList<>();
    private final Timeline timeline;
    private final String functionArn;
    private final Duration restoreDelay;

    /**
     * @param restoreDelay how long {@code restore/next} takes to answer: the time between snapshot and restore
     */
    FakeRuntimeApi(Timeline timeline, String functionArn, Duration restoreDelay) throws IOException {
        this.timeline = timeline;
        this.functionArn = functionArn;
        this.restoreDelay = restoreDelay;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext(BASE + "/", this::handle);
        server.start();
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> initErrors() {
        return List.copyOf(initErrors);
    }

    /** Queues {@code eventJson} for the function and waits for its answer while {@code process} lives. */
    Result invoke(String eventJson, Process process, Duration timeout) throws Exception {
        String id = UUID.randomUUID().toString();
        CompletableFuture<Result> result = new CompletableFuture<>();
        results.put(id, result);
        pending.add(new Invocation(id, eventJson));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return result.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the function's process exited with " + process.exitValue());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no answer within " + timeout);
                }
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath().substring(BASE.length());
            byte[] body = readAll(exchange.getRequestBody());
            if (method.equals("GET") && path.equals("/invocation/next")) {
                next(exchange);
            } else if (method.equals("GET") && path.equals("/restore/next")) {
                timeline.add("runtime", "restore/next requested");
                sleep(restoreDelay);
                timeline.add("runtime", "restore/next answered");
                exchange.sendResponseHeaders(200, -1);
            } else if (method.equals("POST") && path.equals("/init/error")) {
                initErrors.add(errorType(exchange) + " " + new String(body, StandardCharsets.UTF_8));
                timeline.add("runtime", "init/error " + errorType(exchange));
                exchange.sendResponseHeaders(202, -1);
            } else if (method.equals("POST") && path.equals("/restore/error")) {
                initErrors.add("restore " + errorType(exchange) + " " + new String(body, StandardCharsets.UTF_8));
                timeline.add("runtime", "restore/error " + errorType(exchange));
                exchange.sendResponseHeaders(202, -1);
            } else if (method.equals("POST") && path.startsWith("/invocation/")) {
                String[] parts = path.split("/");
                String id = parts[2];
                boolean error = parts[3].equals("error");
                timeline.add("runtime", "invocation " + (error ? "error " + errorType(exchange) : "response"));
                CompletableFuture<Result> result = results.get(id);
                if (result == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                result.complete(new Result(error, new String(body, StandardCharsets.UTF_8), errorType(exchange)));
                exchange.sendResponseHeaders(202, -1);
            } else {
                timeline.add("runtime", "unexpected " + method + " " + path);
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        timeline.add("runtime", "invocation/next requested");
        Invocation invocation;
        try {
            invocation = pending.take();
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return;
        }
        timeline.add("runtime", "invocation/next answered");
        byte[] event = invocation.event().getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", "application/json");
        headers.add("Lambda-Runtime-Aws-Request-Id", invocation.id());
        headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 15_000));
        headers.add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.add("Lambda-Runtime-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0");
        exchange.sendResponseHeaders(200, event.length);
        exchange.getResponseBody().write(event);
    }

    private static String errorType(HttpExchange exchange) {
        return String.valueOf(exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
