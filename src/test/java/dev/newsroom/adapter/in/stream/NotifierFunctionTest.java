package dev.newsroom.adapter.in.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.newsroom.application.port.ModerationDigest;
import dev.newsroom.support.DynamoDbLocal;
import dev.newsroom.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The notifier function fed from {@code events/stream/held-comments.json} (the event {@code sam local invoke}
 * takes) against DynamoDB Local: new held and spam comments are told, one message per article; approved ones,
 * moderators' later changes, a held comment a WordPress import brought in ({@code importedFrom}) and other items are
 * not; the schedule's event ({@code events/stream/every-minute.json},
 * the template's {@code Input}) sends what waited.
 */
class NotifierFunctionTest {
    private static final String LEAD = "wagner-to-withdraw-from-mali-after-completing-mission";

    @Test
    void heldAndSpamInsertsAreTold_onePerArticle_withNamesAndFirstLinesOnly() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
        List<ModerationDigest> sent = new ArrayList<>();
        NotifierFunction notifier = new NotifierFunction(DynamoDbLocal.context(clock), sent::add);
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/stream/held-comments.json");

        notifier.handleRequest(event, null);
        assertEquals(List.of(
                new ModerationDigest(LEAD, 1, 1, List.of("Ama Mensah: Is there a source for the troop numbers?",
                        "Cheap Pills: Buy cheap pills at https://pills.example now")),
                new ModerationDigest("mali-junta-reacts", 1, 0, List.of("Efua: Two links: https://a.example https://b.example"))),
                sent);
        String told = sent.toString();
        for (String personal : List.of("@example", "203.0.113.", "198.51.100.", "Mozilla")) {
            assertFalse(told.contains(personal), "a digest carries no email, IP or user agent: " + personal);
        }

        clock.advance(Duration.ofSeconds(10));
        notifier.handleRequest(event, null);
        assertEquals(2, sent.size(), "the same batch again, within the minute: it waits");
        clock.advance(Duration.ofSeconds(60));
        notifier.handleRequest(EventLoader.loadDynamoDbEvent("events/stream/every-minute.json"), null);
        assertEquals(java.util.Set.of(new ModerationDigest(LEAD, 1, 1, List.of()),
                new ModerationDigest("mali-junta-reacts", 1, 0, List.of())),
                java.util.Set.copyOf(sent.subList(2, sent.size())), "the minute's schedule sends what waited");
    }
}
