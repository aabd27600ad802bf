package dev.newsroom.config;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Akismet key's one SSM call, against a local server answering as SSM does: a signed JSON-protocol
 * {@code GetParameter} with decryption, the value read from the answer, SSM's refusal named without the secret.
 */
class SecureParametersTest {
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpServer ssm;
    private volatile int status = 200;

    SecureParametersTest() throws IOException {
        ssm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ssm.createContext("/", exchange -> {
            try (exchange) {
                var headers = exchange.getRequestHeaders();
                requests.add(headers.getFirst("X-Amz-Target") + "\n" + headers.getFirst("Content-Type") + "\n"
                        + headers.getFirst("Authorization") + "\n"
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] body = (status == 200
                        ? "{\"Parameter\":{\"Name\":\"/newsroom/akismet-api-key\",\"Type\":\"SecureString\",\"Value\":\"k3y-from-ssm\",\"Version\":1}}"
                        : "{\"__type\":\"ParameterNotFound\",\"message\":\"\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(status, body.length);
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
    }
}
