package dev.newsroom.application;

import dev.newsroom.application.port.CommentRepository;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.FieldError;
import dev.newsroom.domain.ServiceException;
import dev.newsroom.domain.TextRules;

import java.time.Clock;
import java.util.List;

/**
 * Personal-data requests (GDPR-style): export every comment of one email, or erase them: the comments stay in
 * their threads as "Anonymous" with no email, URL, IP or user agent.
 */
public final class Privacy {
    private static final int ERASE_ATTEMPTS = 3;
    private final CommentRepository comments;
    private final Clock clock;

    public Privacy(CommentRepository comments, Clock clock) {
        this.comments = comments;
        this.clock = clock;
    }

    public List<Comment> export(String email) {
        return comments.listByEmail(checkedEmail(email));
    }

    /**
     * Anonymises every comment of {@code email}, each in one transaction with its other traces; returns how many
     * were changed. Each comment is re-read before it is erased (the email index lags), so repeating the request
     * finishes an erase that a failure interrupted, and a comment a moderator changed meanwhile is erased at its
     * new version.
     */
    public int erase(String email) {
        String checked = checkedEmail(email);
        int erased = 0;
        for (Comment listed : comments.listByEmail(checked)) {
            if (eraseOne(listed.id(), checked)) {
                erased++;
            }
        }
        return erased;
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
                if (e.code() != ErrorCode.VERSION_CONFLICT || attempt >= ERASE_ATTEMPTS) {
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
