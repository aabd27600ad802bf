package dev.newsroom.adapter.out.akismet;

import dev.newsroom.application.port.SpamCheck;
import dev.newsroom.application.port.SpamVerdict;
import dev.newsroom.support.FakeAkismet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Akismet adapter against a local server that speaks Akismet's protocol: answers, errors and slow answers. */
class AkismetSpamCheckTest {
    /** Generous for answers on a busy machine; the slow test uses a tight one. */
    private static final Duration BUDGET = Duration.ofMillis(1000);
    private static final Duration TIGHT = Duration.ofMillis(300);
    private final FakeAkismet akismet = new FakeAkismet();

    @AfterEach
    void stop() {
        akismet.close();
    }

    private AkismetSpamCheck service(String key) {
        return service(key, BUDGET);
    }

    private AkismetSpamCheck service(String key, Duration budget) {
        return new AkismetSpamCheck(key, URI.create(akismet.endpoint() + "/"), "https://www.example.com", budget, true);
    }

    private static SpamCheck.Query query(String author, String content) {
        return new SpamCheck.Query(author, "ama@example.com", "https://ama.example", content, "203.0.113.9",
                "Mozilla/5.0 (X11)", Instant.parse("2026-11-28T10:00:00Z"), "https://www.example.com/a-story",
                Instant.parse("2026-11-27T08:00:00Z"));
    }

    @Test
    void commentCheck_sendsAkismetsFormFields_andReadsTrueAndFalse() {
        assertEquals(SpamVerdict.HAM, service(FakeAkismet.KEY).check(query("Ama", "Thanks for this report & more.")));
        assertEquals(SpamVerdict.SPAM, service(FakeAkismet.KEY).check(query(FakeAkismet.TEST_SPAMMER, "Hello")));

        FakeAkismet.Call call = akismet.calls("comment-check").get(0);
        assertTrue(call.contentType().startsWith("application/x-www-form-urlencoded"), call.contentType());
        var f = call.fields();
        assertEquals(FakeAkismet.KEY, f.get("api_key"));
        assertEquals("https://www.example.com", f.get("blog"));
        assertEquals("203.0.113.9", f.get("user_ip"));
        assertEquals("Mozilla/5.0 (X11)", f.get("user_agent"));
        assertEquals("https://www.example.com/a-story", f.get("referrer"));
        assertEquals("comment", f.get("comment_type"));
        assertEquals("Ama", f.get("comment_author"));
        assertEquals("ama@example.com", f.get("comment_author_email"));
        assertEquals("https://ama.example", f.get("comment_author_url"));
        assertEquals("Thanks for this report & more.", f.get("comment_content"));
        assertEquals("2026-11-28T10:00:00Z", f.get("comment_date_gmt"));
        assertEquals("2026-11-27T08:00:00Z", f.get("comment_post_modified_gmt"));
        assertEquals("UTF-8", f.get("blog_charset"));
        assertEquals("1", f.get("is_test"));
    }

    @Test
    void blatantSpam_withTheDiscardTip_isSpam() {
        assertEquals(SpamVerdict.SPAM, service(FakeAkismet.KEY).check(query("Ama", "discard-me now")));
    }

    @Test
    void aWrongKey_aServerError_orNoServer_isAnError() {
        assertEquals(SpamVerdict.ERROR, service("wrong-key").check(query("Ama", "Hello")), "'invalid' is no verdict");
        akismet.mode(FakeAkismet.Mode.ERROR);
        assertEquals(SpamVerdict.ERROR, service(FakeAkismet.KEY).check(query("Ama", "Hello")));
        akismet.close();
        assertEquals(SpamVerdict.ERROR, service(FakeAkismet.KEY).check(query("Ama", "Hello")));
    }

    @Test
    void aSlowAnswer_isAnError_withinTheBudget() {
        akismet.mode(FakeAkismet.Mode.SLOW);
        long start = System.nanoTime();
        assertEquals(SpamVerdict.ERROR, service(FakeAkismet.KEY, TIGHT).check(query(FakeAkismet.TEST_SPAMMER, "Hello")));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < TIGHT.toMillis() + 500, "took " + millis + " ms");
        assertFalse(service(FakeAkismet.KEY, TIGHT).report(query("Ama", "Hello"), SpamVerdict.SPAM));
    }

    @Test
    void reports_goToSubmitSpamAndSubmitHam_andCountOnlyWhenThanked() {
        assertTrue(service(FakeAkismet.KEY).report(query("Ama", "Buy now"), SpamVerdict.SPAM));
        assertTrue(service(FakeAkismet.KEY).report(query("Ama", "Fine words"), SpamVerdict.HAM));
        assertEquals("Buy now", akismet.calls("submit-spam").get(0).fields().get("comment_content"));
        assertEquals("Fine words", akismet.calls("submit-ham").get(0).fields().get("comment_content"));
        assertFalse(service("wrong-key").report(query("Ama", "Buy now"), SpamVerdict.SPAM), "'invalid' is no thanks");
    }
}
