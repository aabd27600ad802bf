package dev.newsroom.application.port;

import dev.newsroom.domain.Comment;

import java.time.Instant;

/**
 * A spam service (Akismet): asked about each submission that passed the site's own rules, and told when a
 * moderator disagrees with it. Every call keeps to a strict time budget and never throws: a failure or a
 * timeout is {@link SpamVerdict#ERROR} (or {@code false} for a report), so the caller decides what that means.
 * {@link #OFF} is the service when no key is configured: it is never asked anything.
 */
public interface SpamCheck {
    /** No spam service: {@link #enabled()} is false and nothing is ever called. */
    SpamCheck OFF = new SpamCheck() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public SpamVerdict check(Query query) {
            throw new IllegalStateException("no spam service is configured");
        }

        @Override
        public boolean report(Query query, SpamVerdict truth) {
            throw new IllegalStateException("no spam service is configured");
        }
    };

    /**
     * A comment as the service sees it: author, content, the sender's IP and user agent, when it was written,
     * the page it was sent from ({@code referrer}) and when its article last changed; any may be null.
     */
    record Query(String authorName, String authorEmail, String authorUrl, String content, String ip, String userAgent,
                 Instant createdAt, String referrer, Instant articleModifiedAt) {

        /** A stored comment, as reported after a moderator's decision (its page and article times are not kept). */
        public static Query of(Comment c) {
            return new Query(c.authorName(), c.authorEmail(), c.authorUrl(), c.content(), c.ip(), c.userAgent(),
                    c.createdAt(), null, null);
        }
    }

    boolean enabled();

    /** The service's opinion of a new comment, within the budget; {@link SpamVerdict#ERROR} when it has none. */
    SpamVerdict check(Query query);

    /**
     * Tells the service a moderator found the comment to be {@code truth} ({@link SpamVerdict#SPAM} or
     * {@link SpamVerdict#HAM}); true when it accepted the report within the budget.
     */
    boolean report(Query query, SpamVerdict truth);
}
