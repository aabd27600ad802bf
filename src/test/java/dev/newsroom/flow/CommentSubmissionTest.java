package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.ApiHarness.Reply;
import dev.newsroom.support.Events;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.newsroom.support.ApiHarness.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The submission rules of the contract, in WordPress's order, through the handler and DynamoDB Local. */
class CommentSubmissionTest {
    private static final String SLUG = "wagner-to-withdraw-from-mali";
    private ApiHarness api;

    @BeforeEach
    void setUp() {
        api = new ApiHarness();
        api.publish(SLUG, "Latest News");
    }

    private Reply post(String json) {
        return api.postComment(SLUG, json, "203.0.113.1");
    }

    private Reply approve(String id) {
        long version = api.asModerator("GET", "/admin/comments/" + id, null).json().path("version").asLong();
        return api.asModerator("PATCH", "/admin/comments/" + id, "{\"status\":\"approved\",\"version\":" + version + "}");
    }

    private JsonNode thread() {
        return api.get("/articles/" + SLUG + "/comments").json();
    }

    @Test
    void submit_newAuthor_isHeldWith202AndNotPublic() {
        Reply reply = post(comment("Ama", "ama@example.com", "First!"));
        assertEquals(202, reply.status());
        assertEquals("pending", reply.json().path("status").asText());
        assertEquals("Your comment is awaiting moderation.", reply.json().path("message").asText());
        assertEquals(0, thread().path("items").size());
        assertEquals(0, thread().path("total").asLong());
    }

    @Test
    void submit_whenAuthorPreviouslyApproved_isPublishedWith201AndCounted() {
        String first = post(comment("Ama", "ama@example.com", "First!")).json().path("id").asText();
        assertEquals(200, approve(first).status());
        api.advance(Duration.ofSeconds(16));
        Reply second = post(comment("Ama", "AMA@example.com", "Second thought."));
        assertEquals(201, second.status());
        assertEquals("approved", second.json().path("status").asText());
        assertEquals(2, thread().path("total").asLong());
        assertEquals(2, api.get("/articles/" + SLUG).json().path("commentCount").asLong());
    }

    @Test
    void submit_whenArticleUnknownOrDraft_isArticleNotFound() {
        assertEquals("article_not_found", api.postComment("no-such-story", comment("A", "a@ex.com", "x"), "1.1.1.1").errorCode());
        api.app.articles().create(new dev.newsroom.domain.ArticleDraft("a-draft", "Draft", "", List.of("p"), List.of(),
                null, List.of(), List.of(), "draft", true, null));
        Reply reply = api.postComment("a-draft", comment("A", "a@ex.com", "x"), "1.1.1.1");
        assertEquals(404, reply.status());
        assertEquals("article_not_found", reply.errorCode());
    }

    @Test
    void submit_whenCommentsClosedByFlag_isCommentsClosed() {
        api.app.articles().create(new dev.newsroom.domain.ArticleDraft("closed-story", "Closed", "", List.of("p"),
                List.of(), null, List.of(), List.of(), "published", false, null));
        Reply reply = api.postComment("closed-story", comment("A", "a@ex.com", "x"), "1.1.1.1");
        assertEquals(403, reply.status());
        assertEquals("comments_closed", reply.errorCode());
    }

    @Test
    void submit_whenArticleOlderThanCloseCommentsAfterDays_isCommentsClosed() {
        api.settings(new DiscussionSettings(true, 15, 2, List.of(), List.of(), false, true, 5, 14, 0));
        api.advance(Duration.ofDays(15));
        assertEquals("comments_closed", post(comment("A", "a@ex.com", "x")).errorCode());
        assertFalse(api.get("/articles/" + SLUG).json().path("commentsOpen").asBoolean());
    }

    @Test
    void submit_whenFieldsBroken_isValidationFailedListingEveryField() {
        Reply reply = post("{\"authorName\":\"\",\"authorEmail\":\"not-an-email\",\"authorUrl\":\"javascript:alert(1)\",\"content\":\"  \"}");
        assertEquals(400, reply.status());
        assertEquals("validation_failed", reply.errorCode());
        List<String> fields = api.JSON.convertValue(reply.json().path("error").path("fields").findValuesAsText("field"), List.class);
        assertEquals(List.of("authorName", "authorEmail", "authorUrl", "content"), fields);
    }

    @Test
    void submit_replyToUnknownOrOtherArticlesComment_isCommentNotFound() {
        api.publish("other-story");
        String elsewhere = api.postComment("other-story", comment("B", "b@ex.com", "there"), "9.9.9.9").json().path("id").asText();
        Reply reply = post("{\"authorName\":\"A\",\"authorEmail\":\"a@ex.com\",\"content\":\"re\",\"parentId\":\"" + elsewhere + "\"}");
        assertEquals(404, reply.status());
        assertEquals("comment_not_found", reply.errorCode());
        assertEquals("comment_not_found", post("{\"authorName\":\"A\",\"authorEmail\":\"a@ex.com\",\"content\":\"re\",\"parentId\":\"01NOPE\"}").errorCode());
    }

    @Test
    void submit_replyToPendingComment_isReplyToUnapproved() {
        String pending = post(comment("A", "a@ex.com", "held")).json().path("id").asText();
        Reply reply = api.postComment(SLUG, "{\"authorName\":\"B\",\"authorEmail\":\"b@ex.com\",\"content\":\"re\",\"parentId\":\"" + pending + "\"}", "5.5.5.5");
        assertEquals(403, reply.status());
        assertEquals("reply_to_unapproved", reply.errorCode());
    }

    @Test
    void submit_replyBeyondThreadDepth_isReplyTooDeep() {
        api.settings(new DiscussionSettings(true, 0, 2, List.of(), List.of(), false, false, 2, 0, 0));
        String top = post(comment("A", "a@ex.com", "top")).json().path("id").asText();
        Reply child = post("{\"authorName\":\"A\",\"authorEmail\":\"a@ex.com\",\"content\":\"child\",\"parentId\":\"" + top + "\"}");
        assertEquals(201, child.status());
        assertEquals(2, child.json().path("depth").asInt());
        assertEquals(top, child.json().path("parentId").asText());
        Reply grandchild = post("{\"authorName\":\"A\",\"authorEmail\":\"a@ex.com\",\"content\":\"too deep\",\"parentId\":\""
                + child.json().path("id").asText() + "\"}");
        assertEquals(400, grandchild.status());
        assertEquals("reply_too_deep", grandchild.errorCode());
    }

    @Test
    void submit_sameCommentAgain_isDuplicateEvenWhilePending_butAllowedAfterTrash() {
        String id = post(comment("Ama", "ama@example.com", "Same words")).json().path("id").asText();
        api.advance(Duration.ofSeconds(30));
        Reply again = post(comment("Ama", "ama@example.com", "Same words"));
        assertEquals(409, again.status());
        assertEquals("duplicate_comment", again.errorCode());
        assertEquals("Duplicate comment detected; it looks as though you've already said that!",
                again.json().path("error").path("message").asText());
        assertEquals(200, api.asModerator("PATCH", "/admin/comments/" + id, "{\"status\":\"trash\",\"version\":1}").status());
        assertEquals(202, post(comment("Ama", "ama@example.com", "Same words")).status());
    }

    /**
     * A duplicate mark written before names and contents were folded (keyed by the exact text) still refuses
     * exactly the same comment again, through the early read; trashing its comment removes it with the new one.
     */
    @Test
    void submit_aMarkWrittenBeforeFolding_stillRefusesExactlyTheSameComment_untilItsCommentIsTrashed() {
        String id = post(comment("Ama", "ama@example.com", "Same  Words")).json().path("id").asText();
        Comment stored = api.app.commentRepository().find(id).orElseThrow();
        String table = api.app.config().tableName();
        api.app.dynamo().deleteItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("DUP#"
                + stored.duplicateKey()), "sk", AttributeValue.fromS("D"))));
        api.app.dynamo().putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("DUP#"
                + stored.unfoldedDuplicateKey()), "sk", AttributeValue.fromS("D"), "commentId", AttributeValue.fromS(id))));
        api.advance(Duration.ofSeconds(30));

        assertEquals("duplicate_comment", post(comment("Ama", "ama@example.com", "Same  Words")).errorCode());
        assertEquals(200, api.asModerator("PATCH", "/admin/comments/" + id, "{\"status\":\"trash\",\"version\":1}").status());
        api.advance(Duration.ofSeconds(30));
        assertEquals(202, post(comment("Ama", "ama@example.com", "Same  Words")).status());
    }

    @Test
    void submit_nameWithABidiOverrideOrZeroWidthSpace_is400OnTheName() {
        for (String name : List.of("\u202eroderatom", "mode\u200brator")) {
            Reply reply = post(comment(name, "eve@example.com", "Hello"));
            assertEquals(400, reply.status());
            assertEquals("validation_failed", reply.errorCode());
            assertEquals("authorName", reply.json().path("error").path("fields").path(0).path("field").asText());
            assertEquals("invalid_characters", reply.json().path("error").path("fields").path(0).path("code").asText());
        }
    }

    @Test
    void submit_whenSameIpWithin15s_isRejectedAsFlood() {
        assertEquals(202, api.postComment(SLUG, comment("A", "a@ex.com", "one"), "203.0.113.50").status());
        api.advance(Duration.ofSeconds(10));
        Reply flood = api.postComment(SLUG, comment("B", "b@ex.com", "two"), "203.0.113.50");
        assertEquals(429, flood.status());
        assertEquals("comment_flood", flood.errorCode());
        assertEquals("You are posting comments too quickly. Slow down.", flood.json().path("error").path("message").asText());
        assertEquals("5", flood.headers().get("Retry-After"));
        api.advance(Duration.ofSeconds(5));
        assertEquals(202, api.postComment(SLUG, comment("B", "b@ex.com", "two"), "203.0.113.50").status());
    }

    @Test
    void submit_whenSameEmailWithin15s_isRejectedAsFloodFromAnotherIp() {
        assertEquals(202, api.postComment(SLUG, comment("A", "a@ex.com", "one"), "203.0.113.60").status());
        api.advance(Duration.ofSeconds(1));
        Reply flood = api.postComment(SLUG, comment("A", "A@EX.COM", "two"), "198.51.100.61");
        assertEquals(429, flood.status());
        assertEquals("14", flood.headers().get("Retry-After"));
    }

    @Test
    void submit_floodUsesGatewaySourceIpNotForwardedHeader() {
        var first = Events.fromIp(Events.request("POST", "/articles/" + SLUG + "/comments", comment("A", "a@ex.com", "1")), "203.0.113.70");
        first.getHeaders().put("X-Forwarded-For", "10.0.0.1");
        assertEquals(202, api.call(first).status());
        var second = Events.fromIp(Events.request("POST", "/articles/" + SLUG + "/comments", comment("B", "b@ex.com", "2")), "203.0.113.70");
        second.getHeaders().put("X-Forwarded-For", "10.0.0.2");
        assertEquals(429, api.call(second).status());
    }

    @Test
    void submit_withHoneypotOrDisallowedKey_isSilentlySpam() {
        Reply honeypot = post("{\"authorName\":\"Bot\",\"authorEmail\":\"bot@ex.com\",\"content\":\"hi\",\"hp\":\"filled\"}");
        assertEquals(202, honeypot.status());
        assertEquals("pending", honeypot.json().path("status").asText());
        api.settings(new DiscussionSettings(true, 0, 2, List.of(), List.of("viagra"), false, false, 5, 0, 0));
        Reply keyed = api.postComment(SLUG, comment("Eve", "eve@ex.com", "cheap VIAGRA here"), "7.7.7.7");
        assertEquals(202, keyed.status());
        JsonNode spam = api.asModerator("GET", "/admin/comments?status=spam", null).json().path("items");
        assertEquals(2, spam.size());
        assertEquals(0, api.asModerator("GET", "/admin/comments?status=pending", null).json().path("items").size());
    }

    @Test
    void submit_withManyLinksOrModerationKey_isHeldEvenForKnownAuthors() {
        api.settings(new DiscussionSettings(true, 0, 2, List.of("casino"), List.of(), false, false, 5, 0, 0));
        assertEquals(202, post(comment("A", "a@ex.com", "see http://a.example and www.b.example")).status());
        assertEquals(202, post(comment("A", "a@ex.com", "Casino night")).status());
        assertEquals(201, post(comment("A", "a@ex.com", "Just one https://a.example link")).status());
        api.settings(new DiscussionSettings(true, 0, 2, List.of(), List.of(), true, false, 5, 0, 1));
        assertEquals(202, post(comment("A", "a@ex.com", "moderate all")).status());
    }

    @Test
    void submit_textRoundTripsExactlyAsTyped_andNoEmailIpOrAgentIsPublic() {
        api.openModeration();
        String typed = "<script>alert('x')</script> \\\\ back\\\\slash \\\"quotes\\\" &amp;";
        Reply reply = post("{\"authorName\":\"<b>Ama</b>\",\"authorEmail\":\"ama@example.com\",\"content\":\"" + typed + "\"}");
        assertEquals(201, reply.status());
        String expected = "<script>alert('x')</script> \\ back\\slash \"quotes\" &amp;";
        assertEquals(expected, reply.json().path("content").asText());
        JsonNode listed = thread().path("items").get(0);
        assertEquals(expected, listed.path("content").asText());
        assertEquals("<b>Ama</b>", listed.path("authorName").asText());
        for (String body : List.of(reply.body(), api.get("/articles/" + SLUG + "/comments").body())) {
            assertFalse(body.contains("ama@example.com"));
            assertFalse(body.contains("203.0.113.1"));
            assertFalse(body.contains("test-agent"));
            assertFalse(body.contains("authorEmail"));
        }
        assertEquals(64, listed.path("avatarHash").asText().length());
    }

    @Test
    void submit_asPlainHtmlForm_usesWordPressFieldNames() {
        api.openModeration();
        var event = Events.fromIp(Events.request("POST", "/articles/" + SLUG + "/comments",
                "author=Yaw+A.&email=yaw%40example.com&url=https%3A%2F%2Fyaw.example&comment=Caf%C3%A9+%26+more&comment_parent=0"), "4.4.4.4");
        event.getHeaders().put("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
        Reply reply = api.call(event);
        assertEquals(201, reply.status());
        assertEquals("Yaw A.", reply.json().path("authorName").asText());
        assertEquals("Caf\u00e9 & more", reply.json().path("content").asText());
        assertEquals("https://yaw.example", reply.json().path("authorUrl").asText());
        assertTrue(reply.json().path("parentId").isNull());
    }

    /** A comment of 48,000 bytes of Chinese (WordPress takes up to 65,525) fits as a form: 144 KB percent-encoded. */
    @Test
    void submit_asForm_longNonAsciiComment_isTaken() {
        api.openModeration();
        String content = "\u8a55".repeat(16_000);
        var event = Events.fromIp(Events.request("POST", "/articles/" + SLUG + "/comments", "author=Li&email=li%40example.com&comment="
                + java.net.URLEncoder.encode(content, StandardCharsets.UTF_8)), "4.4.4.5");
        event.getHeaders().put("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
        Reply reply = api.call(event);
        assertEquals(201, reply.status(), reply.body());
        assertEquals(content, reply.json().path("content").asText());
    }

    @Test
    void submit_withIdempotencyKey_replaysFirstResponseAndCreatesNothingNew() {
        var first = Events.fromIp(Events.request("POST", "/articles/" + SLUG + "/comments", comment("A", "a@ex.com", "once")), "3.3.3.3");
        first.getHeaders().put("Idempotency-Key", "key-123");
        Reply one = api.call(first);
        api.advance(Duration.ofSeconds(1));
        Reply two = api.call(first);
        assertEquals(202, one.status());
        assertEquals(one.status(), two.status());
        assertEquals(one.body(), two.body());
        assertEquals(1, api.asModerator("GET", "/admin/comments", null).json().path("items").size());

        var other = Events.fromIp(Events.request("POST", "/articles/" + SLUG + "/comments", comment("A", "a@ex.com", "different")), "3.3.3.3");
        other.getHeaders().put("Idempotency-Key", "key-123");
        Reply reused = api.call(other);
        assertEquals(422, reused.status());
        assertEquals("idempotency_key_reused", reused.errorCode());
    }

    /** A deleted comment leaves no receipt behind: the same key and body afterwards make a new comment. */
    @Test
    void submit_withIdempotencyKey_afterPermanentDelete_makesANewComment() {
        var first = Events.fromIp(Events.request("POST", "/articles/" + SLUG + "/comments", comment("A", "a@ex.com", "once")), "3.3.3.3");
        first.getHeaders().put("Idempotency-Key", "key-del");
        String id = api.call(first).json().path("id").asText();
        assertEquals(200, api.asModerator("PATCH", "/admin/comments/" + id, "{\"status\":\"spam\",\"version\":1}").status());
        assertEquals(204, api.asModerator("DELETE", "/admin/comments/" + id + "?version=2", null).status());
        api.advance(Duration.ofSeconds(16));

        Reply again = api.call(first);
        assertEquals(202, again.status(), again.body());
        assertNotEquals(id, again.json().path("id").asText(), "the deleted comment's answer is not replayed");
        assertEquals(200, api.asModerator("GET", "/admin/comments/" + again.json().path("id").asText(), null).status());
        assertEquals(404, api.asModerator("GET", "/admin/comments/" + id, null).status());
    }

    @Test
    void submit_badRequests_getTheirErrorCodes() {
        var wrongType = Events.request("POST", "/articles/" + SLUG + "/comments", "content=x");
        wrongType.getHeaders().put("Content-Type", "text/plain");
        assertEquals(Map.entry(415, "unsupported_media_type"), status(api.call(wrongType)));
        assertEquals(Map.entry(400, "malformed_body"), status(post("{\"authorName\": ")));
        assertEquals(Map.entry(400, "malformed_body"), status(post("[1,2]")));
        assertEquals(Map.entry(400, "malformed_body"), status(post("{\"authorName\": 42, \"content\": \"x\"}")));
        assertEquals(Map.entry(400, "malformed_body"), status(post("{\"a\":1,\"a\":2}")));
        assertEquals(Map.entry(413, "payload_too_large"), status(post("{\"content\":\"" + "x".repeat(270_000) + "\"}")));
        var badKey = Events.request("POST", "/articles/" + SLUG + "/comments", comment("A", "a@ex.com", "x"));
        badKey.getHeaders().put("Idempotency-Key", "caf\u00e9");
        assertEquals(Map.entry(400, "invalid_parameter"), status(api.call(badKey)));
    }

    @Test
    void moderation_keepsCommentCountExactAcrossTransitions() {
        String id = post(comment("A", "a@ex.com", "count me")).json().path("id").asText();
        assertEquals(0, count());
        approve(id);
        assertEquals(1, count());
        JsonNode approved = api.asModerator("GET", "/admin/comments/" + id, null).json();
        assertNotEquals(1, approved.path("version").asLong());
        api.asModerator("PATCH", "/admin/comments/" + id, "{\"status\":\"spam\",\"version\":" + approved.path("version").asLong() + "}");
        assertEquals(0, count());
        assertEquals(0, thread().path("items").size());
    }

    private long count() {
        return api.get("/articles/" + SLUG).json().path("commentCount").asLong();
    }

    private static Map.Entry<Integer, String> status(Reply reply) {
        return Map.entry(reply.status(), String.valueOf(reply.errorCode()));
    }
}
