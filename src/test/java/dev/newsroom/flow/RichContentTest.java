package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.ApiHarness.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Article bodies in HTML and comments formatted as WordPress formats them, through the handlers and DynamoDB Local. */
class RichContentTest {
    private static final String SLUG = "rich-content";
    private ApiHarness api;

    @BeforeEach
    void setUp() {
        api = new ApiHarness();
    }

    private static String json(Map<String, Object> fields) {
        try {
            return ApiHarness.JSON.writeValueAsString(fields);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void articleWithBodyHtml_isStoredSanitized_andReadBackWithItsTextAndExcerpt() {
        Reply created = api.asModerator("POST", "/admin/articles", json(Map.of("slug", SLUG, "title", "Rich",
                "status", "published", "bodyHtml", "<p>First <strong>bold</strong> words.</p><script>alert(1)</script>"
                        + "<p onclick=\"x()\">See <a href=\"https://news.example/a\">the source</a>"
                        + "<a href=\"javascript:alert(1)\"> and more</a>.</p><img src=\"http://insecure.example/i.jpg\">")));
        assertEquals(201, created.status(), created.body());

        JsonNode article = api.get("/articles/" + SLUG).json();
        String sanitized = "<p>First <strong>bold</strong> words.</p><p>See <a href=\"https://news.example/a\" "
                + "rel=\"noopener\">the source</a> and more.</p>";
        assertEquals(sanitized, article.path("bodyHtml").asText());
        assertEquals(List.of("First bold words.", "See the source and more."),
                ApiHarness.JSON.convertValue(article.path("body"), List.class));
        assertEquals("First bold words. See the source and more.", article.path("excerpt").asText());
    }

    @Test
    void articleWithPlainParagraphs_getsThemAsEscapedHtml_andBodyHtmlWithOnlyScriptIsRefused() {
        Reply created = api.asModerator("POST", "/admin/articles", json(Map.of("slug", SLUG, "title", "Plain",
                "excerpt", "Given.", "status", "published", "body", List.of("AT&T <b>said</b>", "Two."))));
        assertEquals(201, created.status(), created.body());
        JsonNode article = api.get("/articles/" + SLUG).json();
        assertEquals("<p>AT&amp;T &lt;b&gt;said&lt;/b&gt;</p>\n<p>Two.</p>", article.path("bodyHtml").asText());
        assertEquals("Given.", article.path("excerpt").asText());

        Reply refused = api.asModerator("PUT", "/admin/articles/" + SLUG, json(Map.of("title", "Plain",
                "status", "published", "bodyHtml", "<script>alert(1)</script>", "version", 1)));
        assertEquals(400, refused.status(), refused.body());
        assertEquals("bodyHtml", refused.json().path("error").path("fields").get(0).path("field").asText());
    }

    @Test
    void comment_viewsCarryContentHtml_andAnEditMakesItAgain() {
        api.publish(SLUG);
        api.openModeration();
        String content = "Read https://example.org/report.\n\n<b onclick=\"x()\">Bold</b> <a href=\"javascript:alert(1)\">no</a>";
        Reply posted = api.postComment(SLUG, ApiHarness.comment("Ama", "ama@example.com", content), "1.1.1.1");
        assertEquals(201, posted.status(), posted.body());
        String html = "<p>Read <a href=\"https://example.org/report\" rel=\"nofollow ugc\">https://example.org/report</a>.</p>\n"
                + "<p><b>Bold</b> no</p>\n";
        assertEquals(html, posted.json().path("contentHtml").asText());
        assertFalse(posted.json().path("byModerator").asBoolean(true));

        JsonNode listed = api.get("/articles/" + SLUG + "/comments").json().path("items").get(0);
        assertEquals(content, listed.path("content").asText());
        assertEquals(html, listed.path("contentHtml").asText());

        String id = listed.path("id").asText();
        Reply edited = api.asModerator("PATCH", "/admin/comments/" + id,
                json(Map.of("content", "Now *plain*\nwith a break", "version", 1)));
        assertEquals(200, edited.status(), edited.body());
        assertEquals("<p>Now *plain*<br />\nwith a break</p>\n", edited.json().path("contentHtml").asText());
        assertEquals("<p>Now *plain*<br />\nwith a break</p>\n",
                api.get("/articles/" + SLUG + "/comments").json().path("items").get(0).path("contentHtml").asText());
    }
}
