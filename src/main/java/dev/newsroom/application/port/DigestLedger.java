package dev.newsroom.application.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Per article, when moderators were last told and what arrived since without a message: shared by every
 * container of the notifier, so that at most one message per article goes out per interval.
 */
public interface DigestLedger {
    /** Counts of comments that arrived after the last message and wait for the next one. */
    record Deferred(int held, int spam) {
    }

    /**
     * Takes the article's turn to send at {@code now}, if no message went out in the {@code interval} before
     * (and, when {@code onlyIfDeferred}, only if something waits): returns what waited, now cleared; empty when
     * it is not the article's turn.
     */
    java.util.Optional<Deferred> claim(String articleSlug, Instant now, Duration interval, boolean onlyIfDeferred);

    /** Adds comments to what waits for the article's next message, and marks the article as due. */
    void defer(String articleSlug, int held, int spam, Instant now);

    /** Articles with comments waiting for a message (up to {@code limit}). */
    List<String> due(int limit);
}
