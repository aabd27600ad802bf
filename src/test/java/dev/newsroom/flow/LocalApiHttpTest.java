package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.local.SampleData;
import dev.newsroom.support.HttpApi;
import dev.newsroom.support.HttpApi.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.newsroom.support.ApiHarness.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole API over real HTTP: the local runner in front of the handlers, DynamoDB Local over HTTP. */
class LocalApiHttpTest {
    private static final String ARTICLE = "/articles/" + SampleData.LEAD_SLUG;
    private static HttpApi api;

    @BeforeAll
    static void start() throws Exception {
        api = new HttpApi(null, Map.of("CORS_ALLOWED_ORIGINS", "https://news.example"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void sampleArticle_isServedWithTheContractsHeaders() {
        Answer answer = api.get(ARTICLE);
        assertEquals(200, answer.status());
        assertEquals("Wagner to Withdraw From Mali After \u2018Completing Mission\u2019", answer.json().path("title").asText());
        assertEquals("Lead Story", answer.json().path("categories").get(1).asText());
        assertEquals("BBC", answer.json().path("source").path("name").asText());
        assertEquals(3, answer.json().path("related").size());
        assertEquals("application/json; charset=utf-8", answer.header("Content-Type"));
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
        assertNotNull(answer.header("X-Request-Id"));
        assertEquals("public, max-age=30", answer.header("Cache-Control"));
        JsonNode list = api.get("/articles").json();
        assertEquals(10, list.path("items").size());
        assertEquals(2, api.get("/articles?cursor=" + list.path("nextCursor").asText()).json().path("items").size());
    }

    @Test
    void unknownRoutesAndMethods_getContractErrors() {
        Answer missing = api.get("/nothing/here");
        assertEquals(404, missing.status());
        assertEquals("not_found", missing.errorCode());
        Answer wrongMethod = api.send("DELETE", ARTICLE, null);
        assertEquals(405, wrongMethod.status());
        assertEquals("method_not_allowed", wrongMethod.errorCode());
        assertEquals("GET, OPTIONS", wrongMethod.header("Allow"));
    }

    @Test
    void cors_echoesAllowedOriginsOnly() {
        Answer allowed = api.send("OPTIONS", ARTICLE + "/comments", null, "Origin", "https://news.example",
                "Access-Control-Request-Method", "POST");
        assertEquals(204, allowed.status());
        assertEquals("https://news.example", allowed.header("Access-Control-Allow-Origin"));
        assertTrue(allowed.header("Access-Control-Allow-Methods").contains("POST"));
        Answer refused = api.send("OPTIONS", ARTICLE + "/comments", null, "Origin", "https://evil.example");
        assertNull(refused.header("Access-Control-Allow-Origin"));
        assertNull(api.get(ARTICLE, "Origin", "https://evil.example").header("Access-Control-Allow-Origin"));
        assertEquals("https://news.example", api.get(ARTICLE, "Origin", "https://news.example").header("Access-Control-Allow-Origin"));
    }

    /** As deployed: an admin path's other methods need sign-in too; its preflight (no credentials) is answered. */
    @Test
    void adminPaths_answerOtherMethodsOnlyAfterSignIn_andThePreflightWithout() {
        Answer unsigned = api.send("DELETE", "/admin/settings", null);
        assertEquals(401, unsigned.status());
        assertEquals("unauthorized", unsigned.errorCode());
        assertEquals(405, api.admin("DELETE", "/admin/settings", null).status());
        Answer preflight = api.send("OPTIONS", "/admin/settings", null, "Origin", "https://news.example",
                "Access-Control-Request-Method", "PUT");
        assertEquals(204, preflight.status());
        assertEquals("https://news.example", preflight.header("Access-Control-Allow-Origin"));
    }

    @Test
    void readerPostsModeratorApproves_andTheThreadAndCountFollow() {
        api.settleCounts();
        long before = api.get(ARTICLE).json().path("commentCount").asLong();
        Answer posted = api.send("POST", ARTICLE + "/comments", comment("Efua", "efua@example.com", "Over real HTTP."));
        assertEquals(202, posted.status(), posted.raw().body());
        String id = posted.json().path("id").asText();

        assertEquals(401, api.get("/admin/comments").status());
        assertEquals(401, api.send("GET", "/admin/comments", null, "Authorization", "Bearer wrong").status());
        assertEquals("unauthorized", api.get("/admin/comments").errorCode());
        JsonNode queued = api.admin("GET", "/admin/comments/" + id, null).json();
        assertEquals("efua@example.com", queued.path("authorEmail").asText());
        assertEquals("127.0.0.1", queued.path("ip").asText());

        Answer approved = api.admin("PATCH", "/admin/comments/" + id, "{\"status\":\"approved\",\"version\":1}");
        assertEquals(200, approved.status());
        assertEquals("no-store", approved.header("Cache-Control"));
        assertEquals(before + 1, api.awaitNumber(ARTICLE, "commentCount", before + 1, 2.0),
                "the count follows the approval within 2 s");
        JsonNode thread = api.get(ARTICLE + "/comments?order=desc&limit=1").json();
        assertEquals(id, thread.path("items").get(0).path("id").asText());
        assertEquals(before + 1, thread.path("total").asLong());
        assertTrue(!api.get(ARTICLE + "/comments").raw().body().contains("efua@example.com"));
    }

    @Test
    void everyServedPage_carriesAStrictContentSecurityPolicy() throws Exception {
        List<String> paths = new ArrayList<>(List.of("/"));
        try (Stream<Path> files = Files.walk(Path.of("web"))) {
            files.filter(Files::isRegularFile).map(f -> "/" + Path.of("web").relativize(f).toString().replace('\\', '/'))
                    .sorted().forEach(paths::add);
        }
        assertTrue(paths.containsAll(List.of("/embed.html", "/moderate.html", "/comments.js", "/style.css", "/pages.css", "/content.css")), paths.toString());
        HttpClient client = HttpClient.newHttpClient();
        for (String path : paths) {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.server.port() + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), path);
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            for (String directive : List.of("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'",
                    "frame-ancestors 'none'", "form-action 'self'", "connect-src 'self'")) {
                assertTrue(List.of(csp.split("\\s*;\\s*")).contains(directive), path + " lacks " + directive + " in: " + csp);
            }
            assertFalse(csp.contains("unsafe-"), path + ": " + csp);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("strict-origin-when-cross-origin", page.headers().firstValue("Referrer-Policy").orElse(null), path);
            if (path.endsWith(".html") || path.equals("/")) {
                String html = page.body();
                assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                        path + " has an inline script");
                assertFalse(Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                        path + " has an inline event handler");
                assertFalse(Pattern.compile("<[^>]+\\sstyle\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                        path + " has an inline style");
                assertFalse(html.toLowerCase().contains("javascript:"), path);
            }
        }
    }
}
