package dev.newsroom.flow;

import dev.newsroom.local.SampleData;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.HttpApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Forms posted by a browser, over HTTP through the local runner (its gateway turns bodies that are not UTF-8 into
 * base64, as API Gateway does for binary): the runner's own origins are allowed targets, other origins are not,
 * a form in windows-1252 sent as raw bytes is read in that charset, and a byte-order mark before JSON is ignored.
 */
class BrowserFormHttpTest {
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String COMMENTS = "/articles/" + SampleData.LEAD_SLUG + "/comments";
    private static HttpApi api;
    private static String base;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        api = new HttpApi(null, Map.of());
        base = "http://127.0.0.1:" + api.server.port();
        long version = api.admin("GET", "/admin/settings", null).json().path("version").asLong();
        assertEquals(200, api.admin("PUT", "/admin/settings",
                "{\"floodSeconds\":0,\"requirePreviouslyApproved\":false,\"version\":" + version + "}").status());
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    private HttpResponse<String> post(byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + COMMENTS))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> browserPost(String form, String referer) throws Exception {
        return post(form.getBytes(StandardCharsets.US_ASCII), "Content-Type", "application/x-www-form-urlencoded",
                "Accept", BROWSER_ACCEPT, "Referer", referer);
    }

    @Test
    void theRunnersOwnOrigins_areTargets() throws Exception {
        for (String page : new String[] {base + "/?article=" + SampleData.LEAD_SLUG,
                "http://localhost:" + api.server.port() + "/"}) {
            HttpResponse<String> answer = browserPost("author=Ama&email=ama%40example.com&comment=From+" + page.length(), page);
            assertEquals(303, answer.statusCode(), answer.body());
            String location = answer.headers().firstValue("Location").orElseThrow();
            assertTrue(location.matches("\\Q" + page + "\\E#comment-[0-9A-Z]{26}"), location);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null));
        }
    }

    @Test
    void otherOrigins_getThePageOfTheServicesOwn_andErrorsAPage() throws Exception {
        HttpResponse<String> stored = browserPost("author=Kojo&email=kojo%40example.com&comment=Elsewhere", "https://evil.example/");
        assertEquals(201, stored.statusCode());
        assertEquals("text/html; charset=utf-8", stored.headers().firstValue("Content-Type").orElse(null));
        assertTrue(stored.body().contains("Your comment is published."), stored.body());
        assertTrue(stored.headers().firstValue("Location").isEmpty());

        HttpResponse<String> refused = browserPost("author=Kojo&comment=No+email", base + "/");
        assertEquals(400, refused.statusCode());
        assertEquals("text/html; charset=utf-8", refused.headers().firstValue("Content-Type").orElse(null));
        assertTrue(refused.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"));
        assertTrue(refused.body().contains("<a href=\"" + base + "/\">&laquo; Back</a>"), refused.body());
    }

    @Test
    void rawWindows1252Bytes_areReadInTheDeclaredCharset() throws Exception {
        byte[] body = "author=Ren\u00e9e&email=renee@example.com&comment=\u201cNa\u00efve\u201d \u20ac"
                .getBytes(Charset.forName("windows-1252"));
        HttpResponse<String> answer = post(body, "Content-Type", "application/x-www-form-urlencoded; charset=windows-1252",
                "Accept", "application/json");
        assertEquals(201, answer.statusCode(), answer.body());
        assertEquals("\u201cNa\u00efve\u201d \u20ac", ApiHarness.JSON.readTree(answer.body()).path("content").asText());
    }

    @Test
    void byteOrderMarkBeforeJson_isIgnored() throws Exception {
        byte[] json = ("\uFEFF" + ApiHarness.comment("Ama", "ama@example.com", "A BOM first.")).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = post(json, "Content-Type", "application/json");
        assertEquals(201, answer.statusCode(), answer.body());
        assertEquals("application/json; charset=utf-8", answer.headers().firstValue("Content-Type").orElse(null));
    }
}
