package dev.newsroom.application;

import dev.newsroom.application.port.CommentRepository;
import dev.newsroom.application.port.Page;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.FieldError;
import dev.newsroom.domain.ServiceException;
import dev.newsroom.domain.TextRules;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Personal-data requests (GDPR-style): export every comment of one email, or erase them: the comments stay in
 * their threads as "Anonymous" with no email, URL, IP or user agent.
 */
public final class Privacy {
    private static final int ERASE_ATTEMPTS = 3;
    /** Well inside the admin function's 15 s timeout. */
    private static final Duration ERASE_BUDGET = Duration.ofSeconds(8);
    private final CommentRepository comments;
    private final Clock clock;
    private final Duration budget;

    public Privacy(CommentRepository comments, Clock clock) {
        this(comments, clock, ERASE_BUDGET);
    }

    /** With {@code budget}: how long one request may spend erasing before it answers with its progress. */
    public Privacy(CommentRepository comments, Clock clock, Duration budget) {
        this.comments = comments;
        this.clock = clock;
        this.budget = budget;
    }

    /** A page of every comment of {@code email} (read on with its {@code nextCursor}), within a page's size budget. */
    public Page<Comment> export(String email, int limit, String cursor) {
        return comments.pageByEmail(checkedEmail(email), limit, cursor);
    }

    /** How far an erase got: {@code finished} is false when the time budget ran out first (repeat to go on). */
    public record Erasure(int erased, boolean finished) {
    }

    /**
     * Anonymises every comment of {@code email}, each in one transaction with its other traces, within the time
     * budget. Each comment is re-read before it is erased (the email index lags), so repeating the request
     * finishes an erase that a failure or the budget interrupted, and a comment a moderator changed meanwhile is
     * erased at its new version (one deleted meanwhile has nothing left to erase).
     */
    public Erasure erase(String email) {
        String checked = checkedEmail(email);
        long deadline = System.nanoTime() + budget.toNanos();
        int erased = 0;
        for (Comment listed : comments.listByEmail(checked)) {
            if (erased > 0 && System.nanoTime() >= deadline) {
                return new Erasure(erased, false);
            }
            if (eraseOne(listed.id(), checked)) {
                erased++;
            }
        }
        return new Erasure(erased, true);
    }

    private boolean eraseOne(String id, String email) {
        for (int attempt = 1; ; attempt++) {
            Comment current = comments.find(id).orElse(null);
            if (current == null || current.authorEmail() == null || !current.authorEmail().equalsIgnoreCase(email)) {
                return false;
            }
            try {
                comments.erase(current, current.anonymised(clock.instant()));
                return true;
            } catch (ServiceException e) {
                boolean changedMeanwhile = e.code() == ErrorCode.VERSION_CONFLICT || e.code() == ErrorCode.COMMENT_NOT_FOUND;
                if (!changedMeanwhile || attempt >= ERASE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static String checkedEmail(String raw) {
        String email = TextRules.normalize(raw);
        if (TextRules.isBlank(email) || !TextRules.isValidEmail(email)) {
            throw ServiceException.validation(List.of(new FieldError("email", "invalid",
                    "Please enter a valid email address.")));
        }
        return email;
    }
}
