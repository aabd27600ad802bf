package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.local.SampleData;
import dev.newsroom.local.TemplateRoutes;
import dev.newsroom.support.HttpApi;
import dev.newsroom.support.HttpApi.Answer;
import dev.newsroom.support.OpenApiSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.newsroom.support.ApiHarness.JSON;
import static dev.newsroom.support.ApiHarness.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code docs/openapi.yaml} describes exactly the routes of {@code template.yaml}, and real responses match it. */
class OpenApiTest {
    private static final String ARTICLE = "/articles/" + SampleData.LEAD_SLUG;
    private static OpenApiSchemas openApi;
    private static HttpApi api;

    @BeforeAll
    static void start() throws Exception {
        openApi = new OpenApiSchemas(Path.of("docs/openapi.yaml"));
        api = new HttpApi(null, Map.of());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void openApiPaths_matchTheTemplatesRoutes() throws Exception {
        Set<String> declared = TemplateRoutes.operations(Path.of("template.yaml"));
        Set<String> described = new TreeSet<>();
        openApi.root().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                described.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        assertEquals(declared, described);
    }

    @Test
    void realResponses_conformToTheirDescribedSchemas() {
        conforms("/articles", "GET", api.get("/articles?limit=3"));
        conforms("/articles", "GET", api.get("/articles?limit=0"));
        conforms("/articles/{slug}", "GET", api.get(ARTICLE));
        conforms("/articles/{slug}", "GET", api.get("/articles/no-such-story"));
        conforms("/comments/counts", "GET", api.get("/comments/counts?articles=" + SampleData.LEAD_SLUG));
        conforms("/articles/{slug}/comments", "GET", api.get(ARTICLE + "/comments"));
        Answer held = api.send("POST", ARTICLE + "/comments", comment("Nana", "nana@example.com", "Described?"));
        assertEquals(202, held.status(), held.raw().body());
        conforms("/articles/{slug}/comments", "POST", held);
        conforms("/articles/{slug}/comments", "POST", api.send("POST", ARTICLE + "/comments", "{\"content\":\"\"}"));
        conforms("/admin/comments", "GET", api.admin("GET", "/admin/comments", null));
        conforms("/admin/comments", "GET", api.send("GET", "/admin/comments", null));
        conforms("/admin/comments", "GET", api.admin("GET", "/admin/comments?status=approved&q=example", null));
        conforms("/admin/articles", "GET", api.admin("GET", "/admin/articles", null));
        conforms("/admin/articles", "GET", api.admin("GET", "/admin/articles?status=draft", null));
        String heldId = held.json().path("id").asText();
        Answer one = api.admin("GET", "/admin/comments/" + heldId, null);
        conforms("/admin/comments/{id}", "GET", one);
        conforms("/admin/comments/{id}", "PATCH", api.admin("PATCH", "/admin/comments/" + heldId,
                "{\"status\":\"approved\",\"version\":" + one.json().path("version").asLong() + "}"));
        conforms("/admin/comments/bulk", "POST", api.admin("POST", "/admin/comments/bulk",
                "{\"action\":\"approve\",\"ids\":[\"" + heldId + "\",\"no-such-comment\"]}"));
        Answer settings = api.admin("GET", "/admin/settings", null);
        conforms("/admin/settings", "GET", settings);
        conforms("/admin/settings", "PUT", api.admin("PUT", "/admin/settings",
                "{\"floodSeconds\":15,\"version\":" + settings.json().path("version").asLong() + "}"));
        conforms("/admin/articles/{slug}", "GET", api.admin("GET", "/admin/articles/" + SampleData.LEAD_SLUG, null));
        conforms("/admin/privacy/export", "GET", api.admin("GET", "/admin/privacy/export?email=nana@example.com", null));
        conforms("/admin/comments/counts", "GET", api.admin("GET", "/admin/comments/counts?article=" + SampleData.LEAD_SLUG, null));
        conforms("/admin/comments/{id}/reply", "POST", api.admin("POST", "/admin/comments/" + heldId + "/reply",
                "{\"content\":\"Described as well.\"}"));
        conforms("/admin/comments/{id}/reply", "POST", api.admin("POST", "/admin/comments/no-such-comment/reply",
                "{\"content\":\"Nowhere.\"}"));
    }

    @Test
    void aPublicCommentWithALeakedField_isReported() throws Exception {
        Answer page = api.get(ARTICLE + "/comments");
        assertEquals(200, page.status());
        assertTrue(page.json().path("items").size() > 0, "the sample article has approved comments");
        Schema schema = new Schema("/articles/{slug}/comments", "GET", 200);
        assertEquals(List.of(), schema.problems(page.json()), "the real page conforms before anything is injected");

        for (String leaked : List.of("authorEmail", "ip", "userAgent")) {
            JsonNode drifted = page.json().deepCopy();
            ((ObjectNode) drifted.path("items").get(0)).put(leaked, "leaked");
            List<String> problems = schema.problems(drifted);
            assertFalse(problems.isEmpty(), leaked + " in a public comment must be reported");
            assertTrue(problems.stream().anyMatch(p -> p.contains("/items/0") && p.contains(leaked)), problems.toString());
        }

        JsonNode extraOnPage = page.json().deepCopy();
        ((ObjectNode) extraOnPage).put("debug", true);
        assertTrue(schema.problems(extraOnPage).stream().anyMatch(p -> p.contains("debug")), "an extra field on the page");
    }

    @Test
    void aPublicCommentWithAWrongOrMissingValue_isReported() throws Exception {
        JsonNode real = api.get(ARTICLE + "/comments").json();
        Schema schema = new Schema("/articles/{slug}/comments", "GET", 200);

        JsonNode wrongType = real.deepCopy();
        ((ObjectNode) wrongType.path("items").get(0)).put("depth", "1");
        assertTrue(schema.problems(wrongType).stream().anyMatch(p -> p.contains("/items/0/depth")),
                schema.problems(wrongType).toString());

        JsonNode wrongNull = real.deepCopy();
        ((ObjectNode) wrongNull.path("items").get(0)).putNull("content");
        assertTrue(schema.problems(wrongNull).stream().anyMatch(p -> p.contains("/items/0/content")),
                schema.problems(wrongNull).toString());

        JsonNode missing = real.deepCopy();
        ((ObjectNode) missing).remove("total");
        assertTrue(schema.problems(missing).stream().anyMatch(p -> p.contains("total")), schema.problems(missing).toString());
    }

    @Test
    void aPublishedCommentAnswerWithALeakedField_isReported() throws Exception {
        JsonNode published = JSON.readTree(JSON.writeValueAsString(api.get(ARTICLE + "/comments").json().path("items").get(0)));
        ((ObjectNode) published).put("status", "approved");
        Schema created = new Schema("/articles/{slug}/comments", "POST", 201);
        assertEquals(List.of(), created.problems(published), "a public comment plus status is a 201 body");
        ((ObjectNode) published).put("ip", "203.0.113.7");
        assertTrue(created.problems(published).stream().anyMatch(p -> p.contains("ip")), created.problems(published).toString());
    }

    @Test
    void theArticleDeletionInProgressAnswer_isDescribed() throws Exception {
        // The 202 needs a deletion that runs out of time; its body is the handler's, field for field.
        JsonNode body = JSON.readTree("{\"slug\":\"busy-story\",\"status\":\"deleting\","
                + "\"message\":\"The article is deleted; its comments are still being removed. Repeat this request to finish.\"}");
        Schema schema = new Schema("/admin/articles/{slug}", "DELETE", 202);
        assertEquals(List.of(), schema.problems(body));
        ((ObjectNode) body).put("status", "deleted");
        assertFalse(schema.problems(body).isEmpty());
    }

    private static void conforms(String path, String method, Answer answer) {
        assertEquals(List.of(), new Schema(path, method, answer.status()).problems(answer.json()),
                method + " " + path + " " + answer.status() + ": " + answer.raw().body());
    }

    /** One operation's response schema for one status. */
    private record Schema(String path, String method, int status) {
        List<String> problems(JsonNode value) {
            return openApi.check(value, openApi.responseSchema(path, method, status));
        }
    }
}
