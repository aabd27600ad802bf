package dev.newsroom.config;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Akismet key's one SSM call, against a local server answering as SSM does: a signed JSON-protocol
 * {@code GetParameter} with decryption, the value read from the answer, SSM's refusal named without the secret,
 * and passing failures (throttling, 5xx, IAM not yet propagated, no connection) tried again.
 */
class SecureParametersTest {
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpServer ssm;
    private volatile int status = 200;
    private volatile String value = "k3y-from-ssm";
    /** The answers before the successful one, each an HTTP status and SSM's error type. */
    private final Deque<String> failuresFirst = new ConcurrentLinkedDeque<>();
    private final List<Integer> pauses = new CopyOnWriteArrayList<>();

    SecureParametersTest() throws IOException {
        ssm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ssm.createContext("/", exchange -> {
            try (exchange) {
                var headers = exchange.getRequestHeaders();
                requests.add(headers.getFirst("X-Amz-Target") + "\n" + headers.getFirst("Content-Type") + "\n"
                        + headers.getFirst("Authorization") + "\n"
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                String failure = failuresFirst.poll();
                int answer = failure != null ? Integer.parseInt(failure.split(" ")[0]) : status;
                String type = failure != null ? failure.split(" ")[1] : "ParameterNotFound";
                byte[] body = (answer == 200
                        ? "{\"Parameter\":{\"Name\":\"/newsroom/akismet-api-key\",\"Type\":\"SecureString\",\"Value\":\"" + value + "\",\"Version\":1}}"
                        : "{\"__type\":\"" + type + "\",\"message\":\"\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(answer, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        ssm.start();
    }

    @AfterEach
    void stop() {
        ssm.stop(0);
    }

    private static AppConfig config() {
        return AppConfig.from(Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:1")::get);
    }

    /** The functions that sign cursors read the secret from SSM at init; a CURSOR_SECRET set locally wins. */
    @Test
    void cursorSecretParameter_isReadFromSsmAtInit() {
        value = "cursor-s3cret-from-ssm-0123456789";
        Map<String, String> env = Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:1",
                "AWS_ENDPOINT_URL_SSM", endpoint().toString(), "CURSOR_SECRET_PARAMETER", "/newsroom/cursor-secret");
        assertEquals(value, new String(AppConfig.from(env::get).cursorSecret(), StandardCharsets.UTF_8));
        assertTrue(requests.get(0).contains("\"Name\":\"/newsroom/cursor-secret\""), requests.get(0));
        assertTrue(requests.get(0).contains("\"WithDecryption\":true"), requests.get(0));

        var local = new java.util.HashMap<>(env);
        local.put("CURSOR_SECRET", "local-cursor-secret-0123456789");
        assertEquals("local-cursor-secret-0123456789", new String(AppConfig.from(local::get).cursorSecret(), StandardCharsets.UTF_8));
        assertEquals(1, requests.size(), "no SSM call when the secret is given");
        value = "short";
        assertThrows(IllegalStateException.class, () -> AppConfig.from(env::get), "a secret under 16 characters fails the init");
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + ssm.getAddress().getPort() + "/");
    }

    @Test
    void getParameter_isSignedForSsm_withDecryption_andAnswersTheValue() {
        assertEquals("k3y-from-ssm", SecureParameters.read(config(), "/newsroom/akismet-api-key", endpoint()));
        String[] request = requests.get(0).split("\n", 4);
        assertEquals("AmazonSSM.GetParameter", request[0]);
        assertEquals("application/x-amz-json-1.1", request[1]);
        assertTrue(request[2].startsWith("AWS4-HMAC-SHA256 Credential=") && request[2].contains("/eu-west-1/ssm/aws4_request"),
                request[2]);
        assertEquals("{\"Name\":\"/newsroom/akismet-api-key\",\"WithDecryption\":true}", request[3]);
    }

    @Test
    void aRefusal_failsWithSsmsErrorType() {
        status = 400;
        var e = assertThrows(IllegalStateException.class,
                () -> SecureParameters.read(config(), "/newsroom/missing", endpoint()));
        assertTrue(e.getMessage().contains("ParameterNotFound"), e.getMessage());
        assertEquals(1, requests.size(), "a missing parameter is not tried again");
    }

    private String read() {
        return SecureParameters.read(config(), "/newsroom/akismet-api-key", endpoint(), pauses::add);
    }

    @Test
    void passingFailures_areTriedAgainAfterAPause_untilSsmAnswers() {
        failuresFirst.add("400 ThrottlingException");
        failuresFirst.add("503 InternalServerError");
        failuresFirst.add("400 AccessDeniedException");
        assertEquals("k3y-from-ssm", read());
        assertEquals(4, requests.size());
        assertEquals(List.of(1, 2, 3), pauses);
    }

    @Test
    void afterFourTries_theLastFailureFailsTheInit() {
        for (int i = 0; i < SecureParameters.ATTEMPTS; i++) {
            failuresFirst.add("500 InternalServerError");
        }
        var e = assertThrows(IllegalStateException.class, this::read);
        assertTrue(e.getMessage().contains("HTTP 500 InternalServerError (4 tries)"), e.getMessage());
        assertEquals(4, requests.size());
    }

    @Test
    void anUnreachableSsm_isTriedAgainToo() {
        ssm.stop(0);
        var e = assertThrows(IllegalStateException.class, this::read);
        assertTrue(e.getMessage().startsWith("SSM could not be reached"), e.getMessage());
        assertEquals(List.of(1, 2, 3), pauses);
    }
}
