package dev.newsroom.adapter.in.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.newsroom.local.SampleData;
import dev.newsroom.local.TemplateRoutes;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.ApiHarness.Reply;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file in {@code events/} (the events {@code sam local invoke -e} takes) is fed to its handler over
 * freshly seeded sample data, and every route that {@code template.yaml} declares has an event.
 */
class EventsTest {
    private static final Path EVENTS = Path.of("events");
    private static final String C3 = "01M81AA2B0SAMPLE0000000003";

    /** The status each event must produce, and what must be true before it runs. */
    private record Expectation(int status, Consumer<ApiHarness> before) {
    }

    private static final Map<String, Expectation> EXPECTED = Map.ofEntries(
            Map.entry("list-articles", new Expectation(200, h -> { })),
            Map.entry("list-articles-by-category", new Expectation(200, h -> { })),
            Map.entry("get-article", new Expectation(200, h -> { })),
            Map.entry("preflight-article", new Expectation(204, h -> { })),
            Map.entry("comment-counts", new Expectation(200, h -> { })),
            Map.entry("list-comments", new Expectation(200, h -> { })),
            Map.entry("submit-comment", new Expectation(202, h -> { })),
            Map.entry("submit-comment-form", new Expectation(202, h -> { })),
            Map.entry("submit-comment-browser-form", new Expectation(303, h -> { })),
            Map.entry("admin-queue", new Expectation(200, h -> { })),
            Map.entry("admin-search-comments", new Expectation(200, h -> { })),
            Map.entry("admin-list-articles", new Expectation(200, h -> { })),
            Map.entry("admin-get-comment", new Expectation(200, h -> { })),
            Map.entry("admin-patch-comment", new Expectation(200, h -> { })),
            Map.entry("admin-delete-comment", new Expectation(204, h ->
                    h.asModerator("PATCH", "/admin/comments/" + C3, "{\"status\":\"trash\",\"version\":1}"))),
            Map.entry("admin-bulk", new Expectation(200, h -> { })),
            Map.entry("admin-comment-counts", new Expectation(200, h -> { })),
            Map.entry("admin-reply-comment", new Expectation(201, h -> { })),
            Map.entry("admin-get-settings", new Expectation(200, h -> { })),
            Map.entry("admin-put-settings", new Expectation(200, h -> { })),
            Map.entry("admin-create-article", new Expectation(201, h -> { })),
            Map.entry("admin-get-article", new Expectation(200, h -> { })),
            Map.entry("admin-recount-article", new Expectation(200, h -> { })),
            Map.entry("admin-update-article", new Expectation(200, h -> { })),
            Map.entry("admin-delete-article", new Expectation(204, h -> { })),
            Map.entry("admin-privacy-export", new Expectation(200, h -> { })),
            Map.entry("admin-privacy-erase", new Expectation(200, h -> { })),
            Map.entry("page-front", new Expectation(200, h -> { })),
            Map.entry("page-article", new Expectation(200, h -> { })),
            Map.entry("page-article-comment-form", new Expectation(303, h -> { })),
            Map.entry("page-article-comments-feed", new Expectation(200, h -> { })),
            Map.entry("page-category", new Expectation(200, h -> { })),
            Map.entry("page-feed", new Expectation(200, h -> { })),
            Map.entry("page-robots", new Expectation(200, h -> { })),
            Map.entry("page-sitemap", new Expectation(200, h -> { })),
            Map.entry("page-sitemap-file", new Expectation(200, h -> { })),
            Map.entry("page-news-sitemap", new Expectation(200, h -> { })),
            Map.entry("page-thread-fragment", new Expectation(200, h -> { })));

    @TestFactory
    Stream<DynamicTest> eachEvent_isAnsweredByItsHandler() throws IOException {
        try (Stream<Path> files = Files.list(EVENTS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream().map(file -> {
                String name = file.getFileName().toString().replace(".json", "");
                return DynamicTest.dynamicTest(name, () -> {
                    Expectation expected = EXPECTED.get(name);
                    assertNotNull(expected, "no expectation for events/" + name + ".json");
                    ApiHarness harness = new ApiHarness();
                    SampleData.seedIfEmpty(harness.app);
                    expected.before().accept(harness);
                    APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent(file.toString());
                    Reply reply = harness.call(event);
                    assertEquals(expected.status(), reply.status(), reply.body());
                    if (name.startsWith("page-")) {
                        assertPage(reply);
                        return;
                    }
                    assertNotNull(reply.headers().get("X-Request-Id"));
                    assertEquals("nosniff", reply.headers().get("X-Content-Type-Options"));
                    assertEquals("https://www.example.com", reply.headers().get("Access-Control-Allow-Origin"));
                    if (reply.status() == 303) {
                        assertTrue(reply.headers().get("Location").startsWith("https://www.example.com/"));
                    } else if (reply.status() != 204) {
                        assertEquals("application/json; charset=utf-8", reply.headers().get("Content-Type"));
                    }
                    if (!name.startsWith("admin")) {
                        assertFalse(reply.body().contains("@example."), "public response shows an email: " + reply.body());
                    }
                });
            });
        }
    }

    /** A page's answer: HTML (or RSS, XML, text) under the pages' policy, never JSON; a 303 back to the article's page. */
    private static void assertPage(Reply reply) {
        assertEquals("nosniff", reply.headers().get("X-Content-Type-Options"));
        assertTrue(reply.headers().get("Content-Security-Policy").contains("script-src 'self'"));
        assertFalse(reply.headers().get("Content-Type").contains("json"));
        if (reply.status() == 303) {
            assertTrue(reply.headers().get("Location").startsWith(
                    "https://abc123.execute-api.us-east-1.amazonaws.com/dev/news/"), reply.headers().get("Location"));
        } else {
            assertFalse(reply.body().isEmpty());
        }
        assertFalse(reply.body().contains("@example."), "a page shows an email: " + reply.body());
    }

    @Test
    void everyDeclaredRoute_hasAnEvent_andEveryEventADeclaredRoute() throws IOException {
        Set<String> declared = TemplateRoutes.operations(Path.of("template.yaml"));
        Set<String> covered = new TreeSet<>();
        try (Stream<Path> files = Files.list(EVENTS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent(file.toString());
                if (!event.getHttpMethod().equals("OPTIONS")) {
                    covered.add(event.getHttpMethod() + " " + event.getResource());
                }
            }
        }
        assertEquals(declared, covered);
    }
}
