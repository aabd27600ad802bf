package dev.newsroom.application;

import dev.newsroom.application.port.HeldComment;
import dev.newsroom.application.port.ModerationDigest;
import dev.newsroom.application.port.ModeratorAlerts;
import dev.newsroom.support.DynamoDbLocal;
import dev.newsroom.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The digest rule with a clock moved by hand, on DynamoDB Local's ledger: at most one message per article per
 * minute; what arrives in between is counted into the next message, sent by the next arrival after the minute or
 * by the minute's flush; a message SNS refuses is late, not lost.
 */
class NotifyModeratorsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
    private final List<ModerationDigest> sent = new ArrayList<>();
    private boolean failing;
    private final ModeratorAlerts alerts = digest -> {
        if (failing) {
            throw new IllegalStateException("SNS is down");
        }
        sent.add(digest);
    };
    private final NotifyModerators notifier = DynamoDbLocal.context(clock).notifyModerators(alerts);
    private int ids;

    private HeldComment held(String slug, String content) {
        return new HeldComment("c" + ++ids, slug, false, "Ama", content);
    }

    private HeldComment spam(String slug) {
        return new HeldComment("c" + ++ids, slug, true, "Spammer", "Buy now");
    }

    @Test
    void theFirstIsToldAtOnce_theNextWithinTheMinuteWaits_andTheFlushAfterTheMinuteSendsIt() {
        assertEquals(1, notifier.tell(List.of(held("story", "First"), spam("story"))).sent());
        assertEquals(new ModerationDigest("story", 1, 1, List.of("Ama: First", "Spammer: Buy now")), sent.get(0));

        clock.advance(Duration.ofSeconds(20));
        assertEquals(0, notifier.tell(List.of(held("story", "Second"))).sent());
        assertEquals(0, notifier.tell(List.of(spam("story"), spam("story"))).sent());
        assertEquals(0, notifier.flushDue().sent(), "the minute has not passed");

        clock.advance(Duration.ofSeconds(40));
        assertEquals(1, notifier.flushDue().sent());
        assertEquals(new ModerationDigest("story", 1, 2, List.of()), sent.get(1));
        assertEquals(0, notifier.flushDue().sent(), "nothing waits any more");
        assertEquals(2, sent.size());
    }

    @Test
    void anArrivalAfterTheMinute_carriesWhatWaited() {
        notifier.tell(List.of(held("story", "First")));
        clock.advance(Duration.ofSeconds(30));
        notifier.tell(List.of(held("story", "Second"), held("story", "Third")));
        clock.advance(Duration.ofSeconds(31));
        assertEquals(1, notifier.tell(List.of(spam("story"))).sent());
        assertEquals(new ModerationDigest("story", 2, 1, List.of("Spammer: Buy now")), sent.get(1));
        clock.advance(Duration.ofMinutes(2));
        assertEquals(0, notifier.flushDue().sent(), "what waited went with that message");
    }

    @Test
    void articlesAreToldApart() {
        assertEquals(2, notifier.tell(List.of(held("one", "A"), held("two", "B"), held("one", "C"))).sent());
        assertEquals(List.of("one", "two"), sent.stream().map(ModerationDigest::articleSlug).toList());
        assertEquals(2, sent.get(0).held());
        assertEquals(1, notifier.tell(List.of(held("three", "D"))).sent(), "another article's minute is its own");
    }

    @Test
    void aCommentDeliveredTwiceInOneBatch_countsOnce() {
        HeldComment once = held("story", "Once");
        notifier.tell(List.of(once, once));
        assertEquals(1, sent.get(0).total());
    }

    @Test
    void aMessageSnsRefuses_waitsForTheNextMinute() {
        failing = true;
        assertEquals(1, notifier.tell(List.of(held("story", "First"), held("story", "Second"))).failed());
        failing = false;
        assertEquals(0, notifier.flushDue().sent());
        clock.advance(Duration.ofSeconds(61));
        assertEquals(1, notifier.flushDue().sent());
        assertEquals(2, sent.get(0).held());
    }

    @Test
    void firstLines_areTheFirstFive_shortenedTo100Characters() {
        List<HeldComment> many = new ArrayList<>();
        many.add(held("story", "  " + "é".repeat(200) + "\nsecond line"));
        for (int i = 0; i < 7; i++) {
            many.add(held("story", "Line " + i + "\nmore"));
        }
        notifier.tell(many);
        List<String> lines = sent.get(0).firstLines();
        assertEquals(NotifyModerators.LINES, lines.size());
        assertEquals(NotifyModerators.LINE_LENGTH, lines.get(0).codePointCount(0, lines.get(0).length()));
        assertTrue(lines.get(0).startsWith("Ama: éé") && lines.get(0).endsWith("…"), lines.get(0));
        assertEquals("Ama: Line 0", lines.get(1));
        assertEquals(8, sent.get(0).total());
    }
}
