package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.ApiHarness.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.newsroom.support.ApiHarness.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin function's moderation, settings and privacy routes against DynamoDB Local. */
class ModerationTest {
    private static final String SLUG = "moderated-story";
    private ApiHarness api;

    @BeforeEach
    void setUp() {
        api = new ApiHarness();
        api.publish(SLUG);
        api.publish("second-story");
    }

    private String held(String name, String email, String content) {
        Reply reply = api.postComment(SLUG, comment(name, email, content), "203.0.113." + Math.abs(name.hashCode() % 200));
        assertEquals(202, reply.status(), reply.body());
        api.advance(Duration.ofSeconds(20));
        return reply.json().path("id").asText();
    }

    private JsonNode queue(String query) {
        return api.asModerator("GET", "/admin/comments" + query, null).json();
    }

    private Reply patch(String id, String json) {
        return api.asModerator("PATCH", "/admin/comments/" + id, json);
    }

    @Test
    void queue_isOldestFirst_filterableByArticle_andPaginated() {
        String a = held("A", "a@ex.com", "first");
        String b = held("B", "b@ex.com", "second");
        String other = api.postComment("second-story", comment("C", "c@ex.com", "elsewhere"), "9.9.9.1").json().path("id").asText();
        JsonNode page = queue("?limit=2");
        assertEquals(List.of(a, b), ids(page));
        assertEquals(List.of(other), ids(queue("?cursor=" + page.path("nextCursor").asText() + "&limit=2")));
        assertEquals(List.of(other), ids(queue("?article=second-story")));
        JsonNode first = page.path("items").get(0);
        assertEquals("a@ex.com", first.path("authorEmail").asText());
        assertEquals("pending", first.path("status").asText());
        assertTrue(first.has("ip") && first.has("userAgent") && first.has("version"));
        assertEquals("invalid_parameter", api.asModerator("GET", "/admin/comments?status=deleted", null).errorCode());
    }

    @Test
    void approve_publishesAtOnce_andMakesTheAuthorPreviouslyApproved() {
        String id = held("Ama", "ama@example.com", "Please approve");
        Reply approved = patch(id, "{\"status\":\"approved\",\"version\":1}");
        assertEquals(200, approved.status());
        assertEquals("approved", approved.json().path("status").asText());
        assertEquals("mod-1", approved.json().path("moderatedBy").asText());
        assertEquals(2, approved.json().path("version").asInt());
        assertEquals(1, api.get("/articles/" + SLUG + "/comments").json().path("items").size());
        assertEquals(1, api.get("/articles/" + SLUG).json().path("commentCount").asInt());
        assertEquals(201, api.postComment(SLUG, comment("Ama", "ama@example.com", "Now I'm trusted"), "203.0.113.77").status());
    }

    @Test
    void patch_withStaleVersion_isVersionConflict_andTwoModeratorsCannotBothWin() throws Exception {
        String id = held("A", "a@ex.com", "contested");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String status = i % 2 == 0 ? "approved" : "spam";
            results.add(pool.submit(() -> {
                start.await();
                return patch(id, "{\"status\":\"" + status + "\",\"version\":1}").status();
            }));
        }
        start.countDown();
        int wins = 0;
        int conflicts = 0;
        for (Future<Integer> r : results) {
            int status = r.get();
            wins += status == 200 ? 1 : 0;
            conflicts += status == 409 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, wins);
        assertEquals(7, conflicts);
        JsonNode after = api.asModerator("GET", "/admin/comments/" + id, null).json();
        assertEquals(2, after.path("version").asInt());
        int expectedCount = after.path("status").asText().equals("approved") ? 1 : 0;
        assertEquals(expectedCount, api.get("/articles/" + SLUG).json().path("commentCount").asInt());
    }

    @Test
    void patch_editsContent_andRejectsBadInput() {
        String id = held("A", "a@ex.com", "typo teh");
        Reply edited = patch(id, "{\"content\":\"typo the\",\"version\":1}");
        assertEquals(200, edited.status());
        assertEquals("typo the", edited.json().path("content").asText());
        assertEquals("version_conflict", patch(id, "{\"content\":\"again\",\"version\":1}").errorCode());
        assertEquals("validation_failed", patch(id, "{\"status\":\"published\",\"version\":2}").errorCode());
        assertEquals("validation_failed", patch(id, "{\"status\":\"approved\"}").errorCode());
        assertEquals("validation_failed", patch(id, "{\"content\":\"  \",\"version\":2}").errorCode());
        assertEquals("malformed_body", patch(id, "{\"version\":\"two\"}").errorCode());
        assertEquals("comment_not_found", patch("01NOPE", "{\"status\":\"spam\",\"version\":1}").errorCode());
    }

    @Test
    void delete_onlyFromSpamOrTrash_andWithCurrentVersion() {
        String id = held("A", "a@ex.com", "to delete");
        Reply refused = api.asModerator("DELETE", "/admin/comments/" + id + "?version=1", null);
        assertEquals(409, refused.status());
        assertEquals("must_trash_first", refused.errorCode());
        patch(id, "{\"status\":\"trash\",\"version\":1}");
        assertEquals("version_conflict", api.asModerator("DELETE", "/admin/comments/" + id + "?version=1", null).errorCode());
        assertEquals("invalid_parameter", api.asModerator("DELETE", "/admin/comments/" + id, null).errorCode());
        assertEquals(204, api.asModerator("DELETE", "/admin/comments/" + id + "?version=2", null).status());
        assertEquals(404, api.asModerator("GET", "/admin/comments/" + id, null).status());
    }

    @Test
    void bulk_appliesToEachIdWithAResultPerId() {
        String a = held("A", "a@ex.com", "one");
        String b = held("B", "b@ex.com", "two");
        Reply reply = api.asModerator("POST", "/admin/comments/bulk",
                "{\"action\":\"approve\",\"ids\":[\"" + a + "\",\"" + b + "\",\"01MISSING\"]}");
        assertEquals(200, reply.status());
        JsonNode results = reply.json().path("results");
        assertEquals("ok", results.get(0).path("result").asText());
        assertEquals("approved", results.get(1).path("status").asText());
        assertEquals("comment_not_found", results.get(2).path("result").asText());
        assertEquals(2, api.get("/articles/" + SLUG).json().path("commentCount").asInt());
        assertEquals("validation_failed", api.asModerator("POST", "/admin/comments/bulk", "{\"action\":\"explode\",\"ids\":[\"x\"]}").errorCode());
        StringBuilder many = new StringBuilder("{\"action\":\"spam\",\"ids\":[");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("\"id").append(i).append("\"");
        }
        assertEquals("validation_failed", api.asModerator("POST", "/admin/comments/bulk", many + "]}").errorCode());
        JsonNode trashed = api.asModerator("POST", "/admin/comments/bulk", "{\"action\":\"trash\",\"ids\":[\"" + a + "\"]}").json();
        assertEquals("trash", trashed.path("results").get(0).path("status").asText());
        assertEquals("deleted", api.asModerator("POST", "/admin/comments/bulk", "{\"action\":\"delete\",\"ids\":[\"" + a + "\"]}")
                .json().path("results").get(0).path("status").asText());
        assertEquals(1, api.get("/articles/" + SLUG).json().path("commentCount").asInt());
    }

    @Test
    void settings_areValidatedVersionedAndTakeEffect() {
        JsonNode current = api.asModerator("GET", "/admin/settings", null).json();
        assertEquals(15, current.path("floodSeconds").asInt());
        assertEquals(0, current.path("version").asInt());
        Reply invalid = api.asModerator("PUT", "/admin/settings", "{\"floodSeconds\":-5,\"threadDepth\":99,\"version\":0}");
        assertEquals(400, invalid.status());
        assertEquals(2, invalid.json().path("error").path("fields").size());
        Reply saved = api.asModerator("PUT", "/admin/settings", "{\"requirePreviouslyApproved\":false,\"floodSeconds\":0,\"version\":0}");
        assertEquals(200, saved.status());
        assertEquals(1, saved.json().path("version").asInt());
        assertEquals("version_conflict", api.asModerator("PUT", "/admin/settings", "{\"maxLinks\":5,\"version\":0}").errorCode());
        assertEquals(201, api.postComment(SLUG, comment("New", "new@ex.com", "straight in"), "5.6.7.8").status());
    }

    @Test
    void privacy_exportListsEveryCommentOfAnEmail_andEraseAnonymisesKeepingThreads() {
        api.openModeration();
        String top = api.postComment(SLUG, comment("Ama", "ama@example.com", "top"), "1.1.1.1").json().path("id").asText();
        api.postComment("second-story", comment("Ama", "AMA@example.com", "elsewhere"), "1.1.1.2");
        api.postComment(SLUG, "{\"authorName\":\"Kofi\",\"authorEmail\":\"kofi@ex.com\",\"content\":\"reply\",\"parentId\":\"" + top + "\"}", "1.1.1.3");
        JsonNode export = api.asModerator("GET", "/admin/privacy/export?email=ama@example.com", null).json();
        assertEquals(2, export.path("items").size());
        assertEquals("validation_failed", api.asModerator("GET", "/admin/privacy/export?email=nope", null).errorCode());

        JsonNode erased = api.asModerator("POST", "/admin/privacy/erase", "{\"email\":\"ama@example.com\"}").json();
        assertEquals(2, erased.path("erased").asInt());
        assertEquals(0, api.asModerator("GET", "/admin/privacy/export?email=ama@example.com", null).json().path("items").size());
        JsonNode thread = api.get("/articles/" + SLUG + "/comments").json().path("items");
        assertEquals(2, thread.size());
        assertEquals("Anonymous", thread.get(0).path("authorName").asText());
        assertEquals(top, thread.get(1).path("parentId").asText());
        JsonNode admin = api.asModerator("GET", "/admin/comments/" + top, null).json();
        assertTrue(admin.path("authorEmail").isNull());
        assertTrue(admin.path("ip").isNull());
        assertFalse(admin.toString().contains("ama@example.com"));
        assertEquals(2, api.get("/articles/" + SLUG).json().path("commentCount").asInt());
        api.settings(new DiscussionSettings(true, 0, 2, List.of(), List.of(), false, true, 5, 0, 0));
        assertEquals(202, api.postComment(SLUG, comment("Ama", "ama@example.com", "back again"), "1.1.1.9").status(),
                "after erasure the author is no longer known as previously approved");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }
}
