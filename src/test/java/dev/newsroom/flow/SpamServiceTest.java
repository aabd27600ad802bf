package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.ApiHarness.Reply;
import dev.newsroom.support.Events;
import dev.newsroom.support.FakeAkismet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spam service in the submission and moderation flows, against DynamoDB Local and a local server speaking
 * Akismet's protocol: the contract's "Spam service" rules.
 */
class SpamServiceTest {
    private static final String SLUG = "spam-checked-story";
    private final FakeAkismet akismet = new FakeAkismet();

    @AfterEach
    void stop() {
        akismet.close();
    }

    private ApiHarness api(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("AKISMET_TIMEOUT_MILLIS", "1000");
        ApiHarness api = new ApiHarness(all);
        api.openModeration();
        api.publish(SLUG);
        return api;
    }

    private static Reply post(ApiHarness api, String name, String content) {
        var event = Events.fromIp(Events.request("POST", "/articles/" + SLUG + "/comments",
                ApiHarness.comment(name, name.toLowerCase().replaceAll("[^a-z0-9]", "") + "@example.com", content)),
                "198.51.100." + (Math.abs(content.hashCode()) % 250));
        event.getHeaders().put("Referer", "https://www.example.com/" + SLUG);
        return api.call(event);
    }

    private static JsonNode stored(ApiHarness api, Reply reply) {
        return api.asModerator("GET", "/admin/comments/" + reply.json().path("id").asText(), null).json();
    }

    private static Reply moderate(ApiHarness api, JsonNode comment, String status) {
        return api.asModerator("PATCH", "/admin/comments/" + comment.path("id").asText(),
                "{\"status\":\"" + status + "\",\"version\":" + comment.path("version").asLong() + "}");
    }

    @Test
    void akismetsTestAuthor_isStoredAsSpam_andAnsweredAsHeld() {
        ApiHarness api = api(akismet.settings());
        Reply reply = post(api, FakeAkismet.TEST_SPAMMER, "Cheap pills here.");
        assertEquals(202, reply.status(), reply.body());
        assertEquals("pending", reply.json().path("status").asText(), "spam is never revealed to its author");
        assertEquals("spam", stored(api, reply).path("status").asText());
        var call = akismet.calls("comment-check").get(0).fields();
        assertEquals(FakeAkismet.KEY, call.get("api_key"));
        assertEquals("https://www.example.com/" + SLUG, call.get("referrer"));
        assertEquals("198.51.100." + (Math.abs("Cheap pills here.".hashCode()) % 250), call.get("user_ip"));
    }

    @Test
    void blatantSpam_isStoredAsSpamToo() {
        ApiHarness api = api(akismet.settings());
        Reply reply = post(api, "Ama", "discard-me please");
        assertEquals(202, reply.status());
        assertEquals("spam", stored(api, reply).path("status").asText());
    }

    @Test
    void ham_getsTheUsualDecision() {
        ApiHarness api = api(akismet.settings());
        assertEquals(201, post(api, "Ama", "Thanks for this report.").status());
        assertEquals(1, akismet.calls("comment-check").size());
    }

    @Test
    void aFailingOrSlowService_holdsTheComment_neverLosesOrPublishesIt() {
        ApiHarness api = api(akismet.settings());
        akismet.mode(FakeAkismet.Mode.ERROR);
        Reply failed = post(api, "Ama", "A fine comment.");
        assertEquals(202, failed.status(), failed.body());
        assertEquals("pending", stored(api, failed).path("status").asText());

        akismet.mode(FakeAkismet.Mode.SLOW);
        long start = System.nanoTime();
        Reply slow = post(api, "Kofi", "Another fine comment.");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(202, slow.status(), slow.body());
        assertEquals("pending", stored(api, slow).path("status").asText());
        assertTrue(millis < 2_500, "a slow service (3 s) costs at most its budget (1 s), took " + millis + " ms");
        assertEquals(0, api.get("/articles/" + SLUG + "/comments").json().path("total").asInt(), "nothing published");
    }

    @Test
    void withoutAKey_nothingIsCalled() {
        Map<String, String> noKey = new HashMap<>(akismet.settings());
        noKey.remove("AKISMET_API_KEY");
        ApiHarness api = api(noKey);
        Reply spammer = post(api, FakeAkismet.TEST_SPAMMER, "Cheap pills here.");
        assertEquals(201, spammer.status(), "the site's own rules decide alone");
        JsonNode comment = stored(api, post(api, "Ama", "Held for review https://a.example https://b.example"));
        assertEquals(200, moderate(api, comment, "spam").status());
        assertEquals(0, akismet.calls().size());
    }

    @Test
    void commentsTheRulesMadeSpam_areNotSent() {
        ApiHarness api = api(akismet.settings());
        var event = Events.request("POST", "/articles/" + SLUG + "/comments",
                "{\"authorName\":\"Bot\",\"authorEmail\":\"bot@example.com\",\"content\":\"hi\",\"hp\":\"filled\"}");
        assertEquals(202, api.call(event).status());
        assertEquals(0, akismet.calls().size());
    }

    @Test
    void moderatorsWhoDisagree_tellTheService_once() {
        ApiHarness api = api(akismet.settings());
        JsonNode flagged = stored(api, post(api, FakeAkismet.TEST_SPAMMER, "Not spam after all."));
        Reply approved = moderate(api, flagged, "approved");
        assertEquals(200, approved.status(), approved.body());
        assertEquals(1, akismet.calls("submit-ham").size());
        assertEquals("Not spam after all.", akismet.calls("submit-ham").get(0).fields().get("comment_content"));

        JsonNode passed = stored(api, post(api, "Ama", "Sneaky advert."));
        assertEquals("approved", passed.path("status").asText());
        assertEquals(200, moderate(api, passed, "spam").status());
        assertEquals(1, akismet.calls("submit-spam").size());
        assertEquals(200, moderate(api, stored(api, approved), "spam").status(),
                "the service now agrees it was ham: marking it spam again is a disagreement");
        assertEquals(2, akismet.calls("submit-spam").size());
        JsonNode again = api.asModerator("GET", "/admin/comments/" + passed.path("id").asText(), null).json();
        assertEquals(200, moderate(api, again, "trash").status());
        assertEquals(2, akismet.calls("submit-spam").size(), "trash tells the service nothing");
    }

    @Test
    void heldBecauseTheServiceFailed_approvingTellsItNothing_andAServiceDownNeverFailsAModeration() {
        ApiHarness api = api(akismet.settings());
        akismet.mode(FakeAkismet.Mode.ERROR);
        JsonNode held = stored(api, post(api, "Ama", "Checked while it was down."));
        akismet.mode(FakeAkismet.Mode.NORMAL);
        assertEquals(200, moderate(api, held, "approved").status());
        assertEquals(0, akismet.calls("submit-ham").size() + akismet.calls("submit-spam").size());

        JsonNode passed = stored(api, post(api, "Kofi", "Passed, then spammed."));
        akismet.mode(FakeAkismet.Mode.SLOW);
        Reply spammed = moderate(api, passed, "spam");
        assertEquals(200, spammed.status(), spammed.body());
        assertEquals("spam", spammed.json().path("status").asText());
    }

    @Test
    void bulkSpam_reportsEachDisagreement() {
        ApiHarness api = api(akismet.settings());
        String a = post(api, "Ama", "First advert.").json().path("id").asText();
        String b = post(api, "Kofi", "Second advert.").json().path("id").asText();
        api.advance(Duration.ofSeconds(1));
        Reply bulk = api.asModerator("POST", "/admin/comments/bulk",
                "{\"action\":\"spam\",\"ids\":[\"" + a + "\",\"" + b + "\"]}");
        assertEquals(200, bulk.status(), bulk.body());
        assertEquals(2, akismet.calls("submit-spam").size());
    }

    @Test
    void theVerdictIsKeptBesideTheComment_andGoesWithIt() {
        ApiHarness api = api(akismet.settings());
        var verdicts = api.app.commentRepository();
        JsonNode spam = stored(api, post(api, FakeAkismet.TEST_SPAMMER, "Delete me for good."));
        JsonNode ham = stored(api, post(api, "Ama", "Gone with the article."));
        assertEquals("SPAM", verdicts.spamVerdict(spam.path("id").asText()).orElseThrow().name());
        assertEquals("HAM", verdicts.spamVerdict(ham.path("id").asText()).orElseThrow().name());
        assertEquals(204, api.asModerator("DELETE", "/admin/comments/" + spam.path("id").asText() + "?version=1", null).status());
        assertTrue(verdicts.spamVerdict(spam.path("id").asText()).isEmpty(), "deleted with its comment");

        Reply deletion = api.asModerator("DELETE", "/admin/articles/" + SLUG, null);
        for (int i = 0; i < 20 && deletion.status() == 202; i++) {
            sleep(500);
            deletion = api.asModerator("DELETE", "/admin/articles/" + SLUG, null);
        }
        assertEquals(204, deletion.status(), deletion.body());
        assertTrue(verdicts.spamVerdict(ham.path("id").asText()).isEmpty(), "deleted by the article's cascade");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
