package dev.newsroom.application;

import dev.newsroom.application.port.DigestLedger;
import dev.newsroom.application.port.HeldComment;
import dev.newsroom.application.port.ModerationDigest;
import dev.newsroom.application.port.ModeratorAlerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Tells moderators about new held and spam comments, at most one message per article per {@link #INTERVAL}: the
 * first comments of an article are told at once; those arriving within the interval after a message wait
 * (counted in the {@link DigestLedger}) and go out with the next message, sent by the next arrival after the
 * interval or by {@link #flushDue()} (which the notifier runs on every invocation, and a one-minute schedule
 * invokes it). A message that cannot be sent is put back to wait, so it is late, not lost.
 */
public final class NotifyModerators {
    public static final Duration INTERVAL = Duration.ofMinutes(1);
    /** How many first lines a message shows, and how long each may be (in characters). */
    public static final int LINES = 5;
    public static final int LINE_LENGTH = 100;
    private static final int DUE_PER_RUN = 50;
    private final DigestLedger ledger;
    private final ModeratorAlerts alerts;
    private final Clock clock;

    public NotifyModerators(DigestLedger ledger, ModeratorAlerts alerts, Clock clock) {
        this.ledger = ledger;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Messages sent, and messages that failed and were put back to wait. */
    public record Told(int sent, int failed) {
        public static final Told NOTHING = new Told(0, 0);

        Told plus(Told other) {
            return new Told(sent + other.sent, failed + other.failed);
        }
    }

    /** Tells of these arrivals (each comment once, even when delivered twice in one batch). */
    public Told tell(List<HeldComment> arrivals) {
        Map<String, List<HeldComment>> byArticle = new LinkedHashMap<>();
        for (HeldComment c : new LinkedHashSet<>(arrivals)) {
            byArticle.computeIfAbsent(c.articleSlug(), slug -> new ArrayList<>()).add(c);
        }
        Instant now = clock.instant();
        Told told = Told.NOTHING;
        for (var article : byArticle.entrySet()) {
            List<HeldComment> comments = article.getValue();
            int spam = (int) comments.stream().filter(HeldComment::spam).count();
            int held = comments.size() - spam;
            var waited = ledger.claim(article.getKey(), now, INTERVAL, false);
            if (waited.isEmpty()) {
                ledger.defer(article.getKey(), held, spam, now);
                continue;
            }
            told = told.plus(send(new ModerationDigest(article.getKey(), held + waited.get().held(),
                    spam + waited.get().spam(), firstLines(comments)), now));
        }
        return told;
    }

    /** Sends the messages that waited for their article's interval to pass. */
    public Told flushDue() {
        Instant now = clock.instant();
        Told told = Told.NOTHING;
        for (String slug : ledger.due(DUE_PER_RUN)) {
            var waited = ledger.claim(slug, now, INTERVAL, true);
            if (waited.isPresent()) {
                told = told.plus(send(new ModerationDigest(slug, waited.get().held(), waited.get().spam(), List.of()), now));
            }
        }
        return told;
    }

    private Told send(ModerationDigest digest, Instant now) {
        try {
            alerts.send(digest);
            return new Told(1, 0);
        } catch (RuntimeException e) {
            ledger.defer(digest.articleSlug(), digest.held(), digest.spam(), now);
            return new Told(0, 1);
        }
    }

    /** "Name: first line of the content", shortened to {@link #LINE_LENGTH}, for the first {@link #LINES} comments. */
    static List<String> firstLines(List<HeldComment> comments) {
        return comments.stream().limit(LINES).map(c -> shorten((c.authorName() == null ? "Anonymous" : c.authorName())
                + ": " + firstLine(c.content()))).toList();
    }

    private static String firstLine(String content) {
        String text = content == null ? "" : content.strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).strip();
    }

    private static String shorten(String line) {
        if (line.codePointCount(0, line.length()) <= LINE_LENGTH) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, LINE_LENGTH - 1)) + "…";
    }
}
