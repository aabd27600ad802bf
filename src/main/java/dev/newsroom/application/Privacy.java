package dev.newsroom.application;

import dev.newsroom.application.port.CommentRepository;
import dev.newsroom.domain.Comment;
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
    private final CommentRepository comments;
    private final Clock clock;

    public Privacy(CommentRepository comments, Clock clock) {
        this.comments = comments;
        this.clock = clock;
    }

    public List<Comment> export(String email) {
        return comments.listByEmail(checkedEmail(email));
    }

    /** Anonymises every comment of {@code email}; returns how many were changed. Safe to repeat. */
    public int erase(String email) {
        List<Comment> mine = comments.listByEmail(checkedEmail(email));
        for (Comment c : mine) {
            comments.update(c, c.anonymised(clock.instant()));
        }
        return mine.size();
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
