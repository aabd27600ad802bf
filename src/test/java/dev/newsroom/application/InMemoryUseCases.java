package dev.newsroom.application;

import dev.newsroom.application.memory.InMemoryApprovalCounts;
import dev.newsroom.application.memory.InMemoryArticles;
import dev.newsroom.application.memory.InMemoryComments;
import dev.newsroom.application.memory.InMemorySettings;
import dev.newsroom.application.memory.SequentialIds;
import dev.newsroom.application.port.CommentSubmission;
import dev.newsroom.application.port.SpamCheck;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.ArticleDraft;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentForm;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ModerationPolicy;
import dev.newsroom.domain.ServiceException;
import dev.newsroom.support.MutableClock;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every use case wired as {@code AppContext} wires it, but on the in-memory ports: a fresh, empty store per
 * instance, a hand-moved clock, and the few helpers that build domain records for the use-case tests (the only
 * places here that call a record's constructor, so a new component is added in one place).
 */
final class InMemoryUseCases {
    static final Duration SETTINGS_REFRESH = Duration.ofSeconds(30);
    static final ModerationPolicy.Sender SENDER = new ModerationPolicy.Sender("198.51.100.20", "test-agent");
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T19:29:58Z"));
    final InMemoryComments comments = new InMemoryComments(clock);
    final InMemoryArticles articleStore = new InMemoryArticles(comments);
    final InMemorySettings settingsStore = new InMemorySettings();
    final SettingsService settings = new SettingsService(settingsStore, clock, SETTINGS_REFRESH);
    final ArticleService articles = new ArticleService(articleStore, clock, () -> {
        throw new IllegalStateException("these articles carry no HTML");
    });
    final CommentQueries queries = new CommentQueries(articles, comments);
    final SubmitComment submit = new SubmitComment(articles, comments, settings, new SequentialIds(), clock,
            SpamCheck.OFF);
    final Moderation moderation = new Moderation(comments, clock, SpamCheck.OFF);
    final Privacy privacy = new Privacy(comments, clock);
    final CountApprovals counts = new CountApprovals(new InMemoryApprovalCounts(articleStore, comments));

    /** Creates an article published now, open for comments (or a draft when {@code status} is "draft"). */
    Article article(String slug, String status) {
        return articles.create(draft(slug, "Title of " + slug, status, true));
    }

    /** An editor's input: one paragraph, no source or links; {@code slug} may be null (an update keeps its own). */
    static ArticleDraft draft(String slug, String title, String status, boolean commentsOpen) {
        return new ArticleDraft(slug, title, "Excerpt", List.of("Paragraph."), List.of("world"), null, List.of(), List.of(),
                status, commentsOpen, null);
    }

    Article publish(String slug) {
        return article(slug, "published");
    }

    /** Stores WordPress's default settings but for the flood window, "previously approved", depth and closing age. */
    void rules(int floodSeconds, boolean requirePreviouslyApproved, int threadDepth, int closeCommentsAfterDays) {
        DiscussionSettings d = DiscussionSettings.defaults();
        settings.replace(new DiscussionSettings(d.requireNameEmail(), floodSeconds, d.maxLinks(), d.moderationKeys(),
                d.disallowedKeys(), d.moderateAll(), requirePreviouslyApproved, threadDepth, closeCommentsAfterDays, 0),
                settings.current().version());
    }

    /** Stores a comment as a submission would (no flood window, no idempotency record), bypassing the rules. */
    Comment stored(String id, String slug, CommentStatus status, String email, String content) {
        Comment c = comment(id, slug, null, 1, status, email, content);
        comments.submit(new CommentSubmission(c, 0, clock.instant(), null));
        return c;
    }

    static Comment comment(String id, String slug, String parentId, int depth, CommentStatus status, String email,
                           String content) {
        return new Comment(id, slug, parentId, depth, "Ama", email, null, content, status, SENDER.ip(),
                SENDER.userAgent(), Instant.parse("2026-11-23T19:00:00Z"), Instant.parse("2026-11-23T19:00:00Z"),
                null, null, 1, null, null, false);
    }

    static CommentForm form(String email, String content) {
        return new CommentForm("Ama", email, null, content, null, null);
    }

    /** A submission from {@link #SENDER}; {@code idempotencyKey} and {@code requestHash} may be null. */
    static SubmitComment.Request request(String slug, CommentForm form, String idempotencyKey, String requestHash) {
        return new SubmitComment.Request(slug, form, SENDER, idempotencyKey, requestHash, null);
    }

    /** Runs the change stream's approvals into the articles' counts, as the counts function does. */
    int settleCounts() {
        return counts.apply(comments.takeChanges());
    }

    static ServiceException fails(ErrorCode expected, Executable action) {
        ServiceException e = assertThrows(ServiceException.class, action);
        assertEquals(expected, e.code(), e.getMessage());
        return e;
    }
}
