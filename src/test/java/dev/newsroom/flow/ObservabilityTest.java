package dev.newsroom.flow;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.support.StandardOutput;
import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.DynamoDbLocal;
import dev.newsroom.support.Events;
import dev.newsroom.support.FaultInjector;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.newsroom.support.ApiHarness.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One JSON log line per request and EMF metric lines, none of them holding personal data or comment text. */
class ObservabilityTest {
    private static final String EMAIL = "secret.reader@example.com";
    private static final String IP = "198.51.100.231";
    private static final String TEXT = "A very private sentence";

    @Test
    void logs_haveOneJsonLinePerRequest_metricsInEmf_andNoPersonalData() throws Exception {
        ApiHarness api = new ApiHarness();
        api.publish("logged-story");
        List<JsonNode> lines = linesPrintedBy(() -> {
            api.postComment("logged-story", comment("Secret Name", EMAIL, TEXT), IP);
            api.postComment("logged-story", comment("Secret Name", EMAIL, TEXT + " again"), IP);
            api.advance(Duration.ofSeconds(20));
            api.postComment("logged-story", "{\"authorName\":\"Secret Name\",\"authorEmail\":\"bad@@x\",\"content\":\"" + TEXT + "\"}", IP);
            var withUa = Events.fromIp(Events.request("GET", "/articles/logged-story/comments?cursor=" + EMAIL, null), IP);
            withUa.getHeaders().put("User-Agent", "SecretAgent/1.0");
            api.call(withUa);
            api.asModerator("GET", "/admin/privacy/export?email=" + EMAIL, null);
        }, "SecretAgent");
        List<JsonNode> requests = lines.stream().filter(l -> "request".equals(l.path("message").asText())).toList();
        assertEquals(5, requests.size());
        assertEquals("held", requests.get(0).path("outcome").asText());
        assertEquals(429, requests.get(1).path("status").asInt());
        assertEquals("/articles/{slug}/comments", requests.get(0).path("route").asText());
        assertTrue(requests.get(0).has("latencyMs") && requests.get(0).has("requestId"));

        List<JsonNode> metrics = lines.stream().filter(l -> l.has("_aws")).toList();
        assertEquals(3, metrics.size());
        assertEquals(1, metrics.get(0).path("CommentsHeld").asInt());
        assertEquals("Newsroom", metrics.get(0).path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText());
        assertEquals("comment_flood", metrics.get(1).path("Reason").asText());
        assertEquals("validation_failed", metrics.get(2).path("Reason").asText());
    }

    /** The pages function logs as the API does, and a comment posted through the page's form is counted too. */
    @Test
    void thePages_logOneLinePerRequest_andCountTheirFormsComments_withNoPersonalData() throws Exception {
        ApiHarness api = new ApiHarness();
        api.publish("paged-story");
        String form = "author=Secret+Name&email=" + EMAIL.replace("@", "%40") + "&comment=" + TEXT.replace(' ', '+');
        List<JsonNode> lines = linesPrintedBy(() -> {
            assertEquals(200, api.call(page("GET", "/news/paged-story", null)).status());
            assertEquals(303, api.call(page("POST", "/news/paged-story", form)).status());
            api.advance(Duration.ofSeconds(20));
            assertEquals(409, api.call(page("POST", "/news/paged-story", form)).status(), "the same comment again");
            assertEquals(400, api.call(page("POST", "/news/paged-story", "author=Secret+Name&email=bad%40%40x&comment=x")).status());
        }, "Secret+Name");
        List<JsonNode> requests = lines.stream().filter(l -> "request".equals(l.path("message").asText())).toList();
        assertEquals(4, requests.size());
        assertEquals("/news/{slug}", requests.get(0).path("route").asText());
        assertEquals(200, requests.get(0).path("status").asInt());
        assertTrue(requests.get(0).has("latencyMs") && requests.get(0).has("requestId"));
        String stored = requests.get(1).path("outcome").asText();
        assertTrue(List.of("approved", "held").contains(stored), stored);
        assertEquals("duplicate_comment", requests.get(2).path("error").asText());
        assertEquals("validation_failed", requests.get(3).path("error").asText());

        List<JsonNode> metrics = lines.stream().filter(l -> l.has("_aws")).toList();
        assertEquals(3, metrics.size());
        assertEquals(1, metrics.get(0).path("CommentsSubmitted").asInt());
        assertEquals(1, metrics.get(0).path(stored.equals("held") ? "CommentsHeld" : "CommentsApproved").asInt());
        assertEquals("duplicate_comment", metrics.get(1).path("Reason").asText());
        assertEquals("validation_failed", metrics.get(2).path("Reason").asText());
    }

    /**
     * A page form's comment is counted once whatever fails after it was stored or refused: the stored one's thread
     * cannot be read (its author is sent to the first page), the refused one's page cannot be drawn again (503).
     */
    @Test
    void aPageFormsComment_isCountedOnce_whenTheThreadCannotBeReadAfterwards() throws Exception {
        FaultInjector faults = new FaultInjector();
        var client = AppContext.dynamoClientBuilder(AppConfig.from(DynamoDbLocal.httpSettings()::get))
                .httpClientBuilder(null).httpClient(faults).build();
        ApiHarness api = new ApiHarness(java.util.Map.of(), client);
        api.publish("faulty-story");
        api.openModeration();
        String thread = "T#faulty-story#approved";
        List<JsonNode> lines = linesPrintedBy(() -> {
            faults.failWhere("Query", thread, 0, 1_000, FaultInjector.THROTTLED);
            var stored = api.call(page("POST", "/news/faulty-story", "author=Ama&email=ama%40example.org&comment=Stored+first."));
            assertEquals(303, stored.status(), stored.body());
            assertTrue(stored.headers().get("Location").matches(".*/news/faulty-story#comment-[0-9A-Z]+"), stored.headers().toString());
            var refused = api.call(page("POST", "/news/faulty-story", "author=Ama&email=bad%40%40x&comment=x"));
            assertEquals(503, refused.status(), "its page could not be drawn again");
            assertTrue(faults.injected() > 0);
            faults.fail("Query", 0, "");
        });
        List<JsonNode> metrics = lines.stream().filter(l -> l.has("_aws")).toList();
        assertEquals(2, metrics.size(), metrics.toString());
        assertEquals(1, metrics.get(0).path("CommentsApproved").asInt());
        assertEquals("validation_failed", metrics.get(1).path("Reason").asText());
    }

    private static APIGatewayProxyRequestEvent page(String method, String path, String form) {
        APIGatewayProxyRequestEvent event = Events.fromIp(Events.request(method, path, form), IP).withResource("/news/{slug}")
                .withPathParameters(java.util.Map.of("slug", path.substring("/news/".length())));
        if (form != null) {
            event.getHeaders().put("Content-Type", "application/x-www-form-urlencoded");
        }
        return event;
    }

    /**
     * The JSON lines {@code run} prints on standard output, each parsed; fails when any holds the test's email, IP,
     * comment text or name, or one of {@code moreSecrets}.
     */
    private static List<JsonNode> linesPrintedBy(Runnable run, String... moreSecrets) throws Exception {
        String log = StandardOutput.of(run);
        List<String> secrets = new ArrayList<>(List.of(EMAIL, IP, TEXT, "Secret Name"));
        secrets.addAll(List.of(moreSecrets));
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "log contains " + secret + ":\n" + log);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (!line.isBlank()) {
                lines.add(ApiHarness.JSON.readTree(line));
            }
        }
        return lines;
    }
}
