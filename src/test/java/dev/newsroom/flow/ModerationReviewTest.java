package dev.newsroom.flow;

import dev.newsroom.adapter.in.api.AdminFunction;
import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.ApiHarness.Reply;
import dev.newsroom.support.DynamoDbLocal;
import dev.newsroom.support.Events;
import dev.newsroom.support.FaultInjector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.newsroom.support.ApiHarness.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Moderation rules that only use shows: what "previously approved" means after a moderator changes their mind,
 * settings saved from two containers, and a privacy erase that leaves nothing behind and can be finished.
 */
class ModerationReviewTest {
    private static final String SLUG = "reviewed-story";

    private static ApiHarness withPreviouslyApprovedRule() {
        ApiHarness api = new ApiHarness();
        api.publish(SLUG);
        api.settings(new DiscussionSettings(true, 0, 2, List.of(), List.of(), false, true, 5, 0, 0));
        return api;
    }

    /** Approves a first comment of Sam by hand, then applies {@code action} to it. */
    private static void approveThen(ApiHarness api, String action) {
        Reply first = api.postComment(SLUG, comment("Sam", "sam@example.com", "first words"), "192.0.2.10");
        assertEquals(202, first.status(), first.body());
        String id = first.json().path("id").asText();
        assertEquals(200, api.asModerator("PATCH", "/admin/comments/" + id, "{\"status\":\"approved\",\"version\":1}").status());
        assertEquals(201, api.postComment(SLUG, comment("Sam", "sam@example.com", "second words"), "192.0.2.11").status(),
                "with an approved comment Sam is previously approved");
        String second = api.asModerator("GET", "/admin/comments?status=approved", null).json().path("items").get(1).path("id").asText();
        for (String each : List.of(id, second)) {
            long version = api.asModerator("GET", "/admin/comments/" + each, null).json().path("version").asLong();
            String status = action.equals("delete") ? "trash" : action;
            assertEquals(200, api.asModerator("PATCH", "/admin/comments/" + each,
                    "{\"status\":\"" + status + "\",\"version\":" + version + "}").status());
            if (action.equals("delete")) {
                assertEquals(204, api.asModerator("DELETE", "/admin/comments/" + each + "?version=" + (version + 1), null).status());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"spam", "trash", "pending", "delete"})
    void previouslyApproved_meansHasAnApprovedCommentNow(String action) {
        ApiHarness api = withPreviouslyApprovedRule();
        approveThen(api, action);
        Reply third = api.postComment(SLUG, comment("Sam", "sam@example.com", "third words"), "192.0.2.12");
        assertEquals(202, third.status(), "after " + action + " Sam has no approved comment, so is held: " + third.body());
        assertEquals(202, api.postComment(SLUG, comment("Sam Other", "sam@example.com", "same email, other name"), "192.0.2.13").status(),
                "WordPress matches name and email together");
    }

    @Test
    void settingsPut_mergesOntoWhatIsStored_notOntoAnotherContainersCachedCopy() {
        AppContext first = DynamoDbLocal.context(Clock.systemUTC(), Map.of("SETTINGS_REFRESH_SECONDS", "300"));
        Map<String, String> sameTable = new HashMap<>(DynamoDbLocal.httpSettings());
        sameTable.put("TABLE_NAME", first.config().tableName());
        sameTable.put("SETTINGS_REFRESH_SECONDS", "300");
        AppContext second = new AppContext(AppConfig.from(sameTable::get), first.dynamo(), Clock.systemUTC());
        AdminFunction containerA = new AdminFunction(first);
        AdminFunction containerB = new AdminFunction(second);

        assertEquals(15, put(containerA, "GET", null).json().path("floodSeconds").asInt(), "container A caches the defaults");
        Reply flood = put(containerB, "PUT", "{\"floodSeconds\":60,\"version\":0}");
        assertEquals(200, flood.status(), flood.body());
        Reply links = put(containerA, "PUT", "{\"maxLinks\":5,\"version\":1}");
        assertEquals(200, links.status(), links.body());
        assertEquals(60, links.json().path("floodSeconds").asInt(), "the other moderator's change stays");
        assertEquals(5, links.json().path("maxLinks").asInt());
        assertEquals(2, links.json().path("version").asInt());
        assertEquals("version_conflict", put(containerB, "PUT", "{\"maxLinks\":7,\"version\":1}").errorCode());
    }

    private static Reply put(AdminFunction admin, String method, String json) {
        return ApiHarness.reply(admin.handleRequest(Events.asModerator(Events.request(method, "/admin/settings", json)), null));
    }

    @Test
    void erase_removesTheReplayableResponseAndTheFloodMarks_andNoKeyEverHoldsTheIp() {
        ApiHarness api = new ApiHarness();
        api.publish(SLUG);
        api.openModeration();
        api.settings(new DiscussionSettings(true, 30, 2, List.of(), List.of(), false, false, 5, 0, 0));
        var event = Events.fromIp(Events.request("POST", "/articles/" + SLUG + "/comments",
                "{\"authorName\":\"Ama Owusu\",\"authorEmail\":\"ama@example.com\",\"authorUrl\":\"https://ama.example\","
                        + "\"content\":\"My own words\"}"), "203.0.113.77");
        event.getHeaders().put("Idempotency-Key", "erase-me-1");
        Reply created = api.call(event);
        assertEquals(201, created.status(), created.body());
        assertTrue(tableText(api).contains("Ama Owusu"));
        assertFalse(tableText(api).contains("203.0.113.77#") || keysText(api).contains("203.0.113.77"),
                "flood marks key the IP by its hash");

        assertEquals(1, api.asModerator("POST", "/admin/privacy/erase", "{\"email\":\"ama@example.com\"}").json().path("erased").asInt());
        String stored = tableText(api);
        for (String trace : List.of("Ama Owusu", "ama.example", "ama@example.com", "203.0.113.77", "erase-me-1")) {
            assertFalse(stored.contains(trace), "left after erase: " + trace);
        }
        Reply sentAgain = api.call(event);
        assertFalse(sentAgain.json().path("id").asText().equals(created.json().path("id").asText()),
                "no stored response of the erased comment is replayed: " + sentAgain.body());
    }

    @Test
    void erase_interruptedByAFailure_isFinishedByRepeatingIt() {
        FaultInjector faults = new FaultInjector();
        AppContext app = DynamoDbLocal.contextThrough(faults);
        ApiHarness.reply(new AdminFunction(app).handleRequest(Events.asModerator(Events.request("POST", "/admin/articles",
                "{\"slug\":\"" + SLUG + "\",\"title\":\"T\",\"body\":[\"p\"],\"status\":\"published\"}")), null));
        app.settings().replace(new DiscussionSettings(true, 0, 2, List.of(), List.of(), false, false, 5, 0, 0), 0);
        var comments = new dev.newsroom.adapter.in.api.CommentsFunction(app);
        for (int i = 0; i < 5; i++) {
            assertEquals(201, ApiHarness.reply(comments.handleRequest(Events.fromIp(Events.request("POST",
                    "/articles/" + SLUG + "/comments", comment("Kwame", "kwame@example.com", "Point " + i)), "198.51.100.9"), null)).status());
        }
        AdminFunction admin = new AdminFunction(app);
        faults.failAfter("TransactWriteItems", 2, 50, FaultInjector.THROTTLED);
        Reply interrupted = ApiHarness.reply(admin.handleRequest(Events.asModerator(Events.request("POST", "/admin/privacy/erase",
                "{\"email\":\"kwame@example.com\"}")), null));
        assertEquals(503, interrupted.status(), interrupted.body());
        faults.fail("TransactWriteItems", 0, "");
        Reply again = ApiHarness.reply(admin.handleRequest(Events.asModerator(Events.request("POST", "/admin/privacy/erase",
                "{\"email\":\"kwame@example.com\"}")), null));
        assertEquals(200, again.status(), again.body());
        assertEquals(3, again.json().path("erased").asInt(), "the two erased before the failure are not counted twice");
        assertFalse(text(app.dynamo(), app.config().tableName()).contains("Kwame"));
    }

    private static String tableText(ApiHarness api) {
        return text(api.app.dynamo(), api.app.config().tableName());
    }

    private static String keysText(ApiHarness api) {
        StringBuilder keys = new StringBuilder();
        api.app.dynamo().scanPaginator(b -> b.tableName(api.app.config().tableName())).items()
                .forEach(item -> keys.append(item.get("pk").s()).append(' ').append(item.get("sk").s()).append('\n'));
        return keys.toString();
    }

    private static String text(DynamoDbClient dynamo, String table) {
        StringBuilder all = new StringBuilder();
        dynamo.scanPaginator(b -> b.tableName(table)).items().forEach(item -> item.forEach((k, v) -> all.append(k).append('=')
                .append(v.s() != null ? v.s() : v.toString()).append('\n')));
        return all.toString();
    }

    @Test
    void erase_thatRunsOutOfTime_answersItsProgress_andARepeatFinishes() {
        ApiHarness api = new ApiHarness();
        api.publish(SLUG);
        api.openModeration();
        for (int i = 0; i < 3; i++) {
            assertEquals(201, api.postComment(SLUG, comment("Yaw", "yaw@example.com", "Note " + i), "198.51.100." + i).status());
        }
        var hurried = new dev.newsroom.application.Privacy(api.app.commentRepository(), api.clock, java.time.Duration.ZERO);
        var first = hurried.erase("yaw@example.com");
        assertEquals(1, first.erased());
        assertFalse(first.finished());
        Reply rest = api.asModerator("POST", "/admin/privacy/erase", "{\"email\":\"yaw@example.com\"}");
        assertEquals(200, rest.status(), rest.body());
        assertEquals(2, rest.json().path("erased").asInt());
    }
}
