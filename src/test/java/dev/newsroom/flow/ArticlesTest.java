package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.ApiHarness.Reply;
import dev.newsroom.support.Events;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Public article reads and editors' article management, through the handlers and DynamoDB Local. */
class ArticlesTest {
    private ApiHarness api;

    @BeforeEach
    void setUp() {
        api = new ApiHarness();
    }

    private static String articleJson(String slug, String status, long version, String... categories) {
        String cats = String.join("\",\"", categories);
        return "{\"slug\":\"" + slug + "\",\"title\":\"Title " + slug + "\",\"excerpt\":\"Short.\",\"body\":[\"One.\",\"Two.\"],"
                + "\"categories\":[" + (categories.length == 0 ? "" : "\"" + cats + "\"") + "],"
                + "\"source\":{\"name\":\"BBC\",\"url\":\"https://www.bbc.com\"},\"seeAlso\":[{\"slug\":\"other\",\"title\":\"Other\"}],"
                + "\"related\":[{\"slug\":\"rel\",\"title\":\"Rel\",\"excerpt\":\"About rel.\"}],\"status\":\"" + status + "\","
                + "\"commentsOpen\":true" + (version > 0 ? ",\"version\":" + version : "") + "}";
    }

    private List<String> slugsOf(JsonNode page) {
        List<String> slugs = new ArrayList<>();
        page.path("items").forEach(i -> slugs.add(i.path("slug").asText()));
        return slugs;
    }

    @Test
    void list_isNewestFirst_andPagesWithoutGapsOrRepeatsWhileArticlesAreAdded() {
        for (int i = 0; i < 12; i++) {
            api.publish("story-" + i, i % 2 == 0 ? "Latest News" : "Sport");
            api.advance(Duration.ofMinutes(1));
        }
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/articles?limit=5" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            for (String slug : slugsOf(page)) {
                assertTrue(seen.add(slug), "repeated " + slug);
                order.add(slug);
            }
            api.publish("added-during-paging-" + pages);
            api.advance(Duration.ofMinutes(1));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertEquals(12, order.size());
        assertEquals("story-11", order.get(0));
        assertEquals("story-0", order.get(11));
        assertEquals(3, pages);
    }

    @Test
    void list_byCategory_returnsOnlyThatCategory() {
        api.publish("a-lead", "Latest News", "Lead Story");
        api.publish("a-sport", "Sport");
        JsonNode page = api.get("/articles?category=" + URLEncoder.encode("Lead Story", StandardCharsets.UTF_8)).json();
        assertEquals(List.of("a-lead"), slugsOf(page));
        JsonNode item = page.path("items").get(0);
        assertEquals(List.of("Latest News", "Lead Story"), List.of(item.path("categories").get(0).asText(), item.path("categories").get(1).asText()));
        assertTrue(item.has("commentCount"));
        assertFalse(item.has("body"));
    }

    @Test
    void list_badParameters_areInvalidParameterOrCursor() {
        api.publish("x-1");
        api.publish("x-2", "Sport");
        for (String query : List.of("limit=0", "limit=101", "limit=ten", "limit=-1", "category=")) {
            Reply reply = api.get("/articles?" + query);
            assertEquals(400, reply.status(), query);
            assertEquals("invalid_parameter", reply.errorCode(), query);
        }
        assertEquals("invalid_cursor", api.get("/articles?cursor=forged.cursor").errorCode());
        String allCursor = api.get("/articles?limit=1").json().path("nextCursor").asText();
        Reply crossed = api.get("/articles?limit=1&category=Sport&cursor=" + allCursor);
        assertEquals(400, crossed.status());
        assertEquals("invalid_cursor", crossed.errorCode());
    }

    @Test
    void get_returnsTheFullArticle_andDraftsAreNotFound() {
        assertEquals(201, api.asModerator("POST", "/admin/articles", articleJson("full-story", "published", 0, "Latest News")).status());
        JsonNode article = api.get("/articles/full-story").json();
        assertEquals(List.of("One.", "Two."), List.of(article.path("body").get(0).asText(), article.path("body").get(1).asText()));
        assertEquals("BBC", article.path("source").path("name").asText());
        assertEquals("other", article.path("seeAlso").get(0).path("slug").asText());
        assertEquals("About rel.", article.path("related").get(0).path("excerpt").asText());
        assertEquals(0, article.path("commentCount").asInt());
        assertTrue(article.path("commentsOpen").asBoolean());

        api.asModerator("POST", "/admin/articles", articleJson("draft-story", "draft", 0));
        for (String slug : List.of("draft-story", "no-such-story", "..%2F..%2Fetc", "UPPER")) {
            Reply reply = api.get("/articles/" + slug);
            assertEquals(404, reply.status(), slug);
            assertEquals("article_not_found", reply.errorCode());
        }
        assertFalse(slugsOf(api.get("/articles").json()).contains("draft-story"));
    }

    @Test
    void counts_batchUpToOneHundredSlugs() {
        api.publish("counted");
        JsonNode counts = api.get("/comments/counts?articles=counted,unknown-one").json().path("counts");
        assertEquals(0, counts.path("counted").asInt());
        assertEquals(0, counts.path("unknown-one").asInt());
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("s-").append(i);
        }
        assertEquals("invalid_parameter", api.get("/comments/counts?articles=" + many).errorCode());
        assertEquals("invalid_parameter", api.get("/comments/counts").errorCode());
    }

    @Test
    void admin_createUpdateDelete_withValidationSlugTakenAndVersions() {
        Reply created = api.asModerator("POST", "/admin/articles", articleJson("managed", "draft", 0, "Latest News"));
        assertEquals(201, created.status());
        assertEquals(1, created.json().path("version").asInt());
        assertEquals("slug_taken", api.asModerator("POST", "/admin/articles", articleJson("managed", "draft", 0)).errorCode());
        Reply invalid = api.asModerator("POST", "/admin/articles", "{\"slug\":\"Bad Slug\",\"title\":\"\",\"body\":[]}");
        assertEquals(400, invalid.status());
        assertEquals(3, invalid.json().path("error").path("fields").size());

        Reply published = api.asModerator("PUT", "/admin/articles/managed", articleJson("managed", "published", 1, "Sport"));
        assertEquals(200, published.status(), published.body());
        assertEquals(2, published.json().path("version").asInt());
        assertEquals(List.of("managed"), slugsOf(api.get("/articles?category=Sport").json()));
        Reply stale = api.asModerator("PUT", "/admin/articles/managed", articleJson("managed", "published", 1));
        assertEquals(409, stale.status());
        assertEquals("version_conflict", stale.errorCode());
        api.asModerator("PUT", "/admin/articles/managed", articleJson("managed", "published", 2, "Business"));
        assertEquals(List.of(), slugsOf(api.get("/articles?category=Sport").json()));

        api.openModeration();
        String id = api.postComment("managed", ApiHarness.comment("A", "a@ex.com", "hello"), "1.2.3.4").json().path("id").asText();
        assertEquals(409, api.asModerator("DELETE", "/admin/articles/managed?version=1", null).status());
        assertEquals(204, api.asModerator("DELETE", "/admin/articles/managed?version=3", null).status());
        assertEquals(404, api.get("/articles/managed").status());
        assertEquals(404, api.get("/articles/managed/comments").status());
        assertEquals("comment_not_found", api.asModerator("GET", "/admin/comments/" + id, null).errorCode());
        assertEquals(0, api.asModerator("GET", "/admin/comments?status=approved", null).json().path("items").size());
        assertEquals(List.of(), slugsOf(api.get("/articles").json()));
    }

    @Test
    void admin_routes_refuseWithoutModeratorClaims_publicRoutesStayOpen() {
        Reply anonymous = api.call(Events.request("POST", "/admin/articles", articleJson("nope", "draft", 0)));
        assertEquals(401, anonymous.status());
        assertEquals("unauthorized", anonymous.errorCode());
        Reply notModerator = api.call(Events.withClaims(Events.request("GET", "/admin/comments", null),
                Map.of("sub", "u1", "cognito:groups", "editors,readers")));
        assertEquals(403, notModerator.status());
        assertEquals("forbidden", notModerator.errorCode());
        Reply bracketed = api.call(Events.withClaims(Events.request("GET", "/admin/comments", null),
                Map.of("sub", "u1", "cognito:groups", "[editors moderators]")));
        assertEquals(200, bracketed.status());
        assertEquals("no-store", bracketed.headers().get("Cache-Control"));
        assertEquals(200, api.get("/articles").status());
        assertEquals("public, max-age=30", api.get("/articles").headers().get("Cache-Control"));
        assertEquals(404, api.get("/admin/nothing-here").status());
    }
}
