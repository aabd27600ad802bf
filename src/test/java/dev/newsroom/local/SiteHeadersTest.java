package dev.newsroom.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deployed site sends the headers the runner sends: the CloudFront response-headers policy in
 * {@code template.yaml} against what the runner's static files actually answer (plus HSTS, which only https carries).
 */
class SiteHeadersTest {

    @Test
    void theDistributionsHeadersPolicyEqualsTheRunnersHeaders() throws Exception {
        JsonNode policy = new ObjectMapper(new YAMLFactory()).readTree(Path.of("template.yaml").toFile())
                .path("Resources").path("SiteHeadersPolicy").path("Properties").path("ResponseHeadersPolicyConfig")
                .path("SecurityHeadersConfig");
        HttpResponse<String> served = serveFromRunner("/moderate.html");
        assertEquals(200, served.statusCode());

        // !If [HasSignInDomain, the runner's policy with the managed-login domain in connect-src, the runner's policy]
        JsonNode csp = policy.path("ContentSecurityPolicy").path("ContentSecurityPolicy");
        String runners = header(served, "Content-Security-Policy");
        assertEquals("HasSignInDomain", csp.path(0).asText());
        assertEquals(runners.replace("connect-src 'self'",
                "connect-src 'self' https://${SignInDomainPrefix}.auth.${AWS::Region}.amazoncognito.com"), csp.path(1).asText());
        assertEquals(runners, csp.path(2).asText());
        assertEquals(header(served, "Referrer-Policy"), policy.path("ReferrerPolicy").path("ReferrerPolicy").asText());
        assertEquals(header(served, "X-Frame-Options"), policy.path("FrameOptions").path("FrameOption").asText());
        assertEquals("nosniff", header(served, "X-Content-Type-Options"));
        assertTrue(policy.path("ContentTypeOptions").path("Override").asBoolean(), "the policy sends nosniff");
        for (String each : new String[]{"ContentSecurityPolicy", "ReferrerPolicy", "FrameOptions", "StrictTransportSecurity"}) {
            assertTrue(policy.path(each).path("Override").asBoolean(), each + " overrides what an origin sends");
        }
        assertTrue(policy.path("StrictTransportSecurity").path("AccessControlMaxAgeSec").asLong() >= 31_536_000,
                "HSTS for at least a year");
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("the runner sends no " + name));
    }

    private static HttpResponse<String> serveFromRunner(String path) throws Exception {
        StaticFiles files = new StaticFiles(Path.of("web"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            if (!files.serve(exchange, exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        } finally {
            server.stop(0);
        }
    }
}
