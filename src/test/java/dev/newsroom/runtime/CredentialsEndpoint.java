package dev.newsroom.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The container-credentials endpoint SnapStart functions use ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} with
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}): it answers only the right token, with temporary credentials.
 * Credentials served before the snapshot is restored differ from those served after, and expire
 * {@code lifetime} after they are served, so a test can see which set signed which request.
 */
final class CredentialsEndpoint implements AutoCloseable {
    static final String PATH = "/2021-04-23/credentials";

    /** One set of temporary credentials. */
    record Served(String accessKeyId, String secretAccessKey, String token) {
    }

    private final HttpServer server;
    private final String authorizationToken = "container-token-" + UUID.randomUUID();
    private final Served beforeRestore = served("ASIAINITPHASE");
    private final Served afterRestore = served("ASIARESTORED");
    private final BooleanSupplier restored;
    private final long lifetimeSeconds;
    private final Timeline timeline;
    private final List<Boolean> calls = new CopyOnWriteArrayList<>();

    CredentialsEndpoint(Timeline timeline, BooleanSupplier restored, long lifetimeSeconds) throws IOException {
        this.timeline = timeline;
        this.restored = restored;
        this.lifetimeSeconds = lifetimeSeconds;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, this::handle);
        server.start();
    }

    private static Served served(String prefix) {
        String id = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        return new Served(prefix + id.substring(0, 7), "secret-" + id, "session-token-" + prefix + "-" + id);
    }

    String fullUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    String authorizationToken() {
        return authorizationToken;
    }

    Served beforeRestore() {
        return beforeRestore;
    }

    Served afterRestore() {
        return afterRestore;
    }

    /** One entry per request: whether it carried the right token. */
    List<Boolean> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            boolean authorized = authorizationToken.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            calls.add(authorized);
            if (!authorized) {
                timeline.add("credentials", "refused: wrong or missing Authorization");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Served set = restored.getAsBoolean() ? afterRestore : beforeRestore;
            timeline.add("credentials", "served " + set.accessKeyId());
            Instant expiration = Instant.now().plusSeconds(lifetimeSeconds).truncatedTo(ChronoUnit.SECONDS);
            byte[] body = ("{\"AccessKeyId\":\"" + set.accessKeyId() + "\",\"SecretAccessKey\":\"" + set.secretAccessKey()
                    + "\",\"Token\":\"" + set.token() + "\",\"Expiration\":\"" + expiration + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
