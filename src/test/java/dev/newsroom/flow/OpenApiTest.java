package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
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

import static dev.newsroom.support.ApiHarness.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        conforms("/articles/{slug}", "GET", api.get(ARTICLE));
        conforms("/articles/{slug}", "GET", api.get("/articles/no-such-story"));
        conforms("/comments/counts", "GET", api.get("/comments/counts?articles=" + SampleData.LEAD_SLUG));
        conforms("/articles/{slug}/comments", "GET", api.get(ARTICLE + "/comments"));
        Answer held = api.send("POST", ARTICLE + "/comments", comment("Nana", "nana@example.com", "Described?"));
        conforms("/articles/{slug}/comments", "POST", held);
        conforms("/articles/{slug}/comments", "POST", api.send("POST", ARTICLE + "/comments", "{\"content\":\"\"}"));
        conforms("/admin/comments", "GET", api.admin("GET", "/admin/comments", null));
        conforms("/admin/comments/{id}", "GET", api.admin("GET", "/admin/comments/" + held.json().path("id").asText(), null));
        conforms("/admin/settings", "GET", api.admin("GET", "/admin/settings", null));
        conforms("/admin/articles/{slug}", "GET", api.admin("GET", "/admin/articles/" + SampleData.LEAD_SLUG, null));
    }

    @Test
    void schemaCheck_reportsDrift() throws Exception {
        JsonNode schema = openApi.responseSchema("/articles/{slug}/comments", "GET", 200);
        JsonNode drifted = dev.newsroom.support.ApiHarness.JSON.readTree(
                "{\"items\":[{\"id\":1,\"parentId\":null}],\"nextCursor\":null}");
        List<String> problems = openApi.check(drifted, schema);
        assertEquals(true, problems.contains("$.total is required"), problems.toString());
        assertEquals(true, problems.contains("$.items[0].id should be string but is NUMBER"), problems.toString());
        assertEquals(true, problems.contains("$.items[0].content is required"), problems.toString());
    }

    private static void conforms(String path, String method, Answer answer) {
        JsonNode schema = openApi.responseSchema(path, method, answer.status());
        assertEquals(List.of(), openApi.check(answer.json(), schema), method + " " + path + " " + answer.status());
    }
}
