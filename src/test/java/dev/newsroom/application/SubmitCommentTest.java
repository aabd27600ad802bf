package dev.newsroom.application;

import dev.newsroom.application.memory.SequentialIds;
import dev.newsroom.application.port.CommentSubmission;
import dev.newsroom.application.port.RecordedResponse;
import dev.newsroom.application.port.SpamCheck;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentHtml;
import dev.newsroom.domain.CommentForm;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.FieldError;
import dev.newsroom.domain.ServiceException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.newsroom.application.InMemoryUseCases.SENDER;
import static dev.newsroom.application.InMemoryUseCases.comment;
import static dev.newsroom.application.InMemoryUseCases.fails;
import static dev.newsroom.application.InMemoryUseCases.form;
import static dev.newsroom.application.InMemoryUseCases.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SubmitComment} on in-memory ports: each branch of WordPress's order, and the write's guards and races. */
class SubmitCommentTest {
    private static final String SLUG = "lead-story";
    private final InMemoryUseCases app = new InMemoryUseCases();

    SubmitCommentTest() {
        app.publish(SLUG);
    }

    private SubmitComment.Outcome submit(CommentForm form) {
        return submit(form, null, null);
    }

    private SubmitComment.Outcome submit(CommentForm form, String key, String hash) {
        return app.submit.submit(request(SLUG, form, key, hash), c -> "receipt " + c.id());
    }

    @Test
    void aNewAuthor_isHeld_andStoredWithWhoSentIt() {
        SubmitComment.Outcome outcome = submit(form("ama@example.com", "First!"));

        assertEquals(CommentStatus.PENDING, outcome.status());
        assertFalse(outcome.replayed());
        Comment stored = app.moderation.get(outcome.comment().id());
        assertEquals(outcome.comment(), stored);
        assertEquals("receipt " + stored.id(), outcome.receipt());
        assertEquals(1, stored.depth());
        assertNull(stored.parentId());
        assertEquals(SENDER.ip(), stored.ip());
        assertEquals(app.clock.instant(), stored.createdAt());
        assertEquals(1, stored.version());
    }

    @Test
    void anAuthorWithAnApprovedComment_isPublishedAtOnce_andOnlyThen() {
        app.rules(0, true, 5, 0);
        app.stored("C-earlier", SLUG, CommentStatus.APPROVED, "AMA@example.com", "Earlier");

        assertEquals(CommentStatus.APPROVED, submit(form("ama@example.com", "Again")).status());
        assertEquals(CommentStatus.PENDING, submit(form("kofi@example.com", "Hello")).status());
    }

    @Test
    void withoutThePreviouslyApprovedRule_aNewAuthorIsPublished_butAFilledHoneypotIsSpam() {
        app.rules(0, false, 5, 0);

        assertEquals(CommentStatus.APPROVED, submit(form("ama@example.com", "Hi")).status());
        assertEquals(CommentStatus.SPAM, submit(new CommentForm("Bot", "bot@example.com", null, "Buy", null, "filled")).status());
    }

    @Test
    void anArticleThatIsMissingDraftOrMalformed_isNotFound() {
        app.article("a-draft", "draft");
        for (String slug : List.of("no-such-story", "a-draft", "../etc/passwd")) {
            fails(ErrorCode.ARTICLE_NOT_FOUND, () -> app.submit.submit(request(slug, form("ama@example.com", "Hi"), null, null),
                    c -> ""));
        }
        assertTrue(app.comments.listByEmail("ama@example.com").isEmpty());
    }

    @Test
    void aClosedArticle_refusesBeforeTheFieldsAreChecked() {
        app.articles.update(SLUG, InMemoryUseCases.draft(null, "Title", "published", false), 1);

        fails(ErrorCode.COMMENTS_CLOSED, () -> submit(form(null, "")));
    }

    @Test
    void anArticleOlderThanTheSiteAllows_isClosed() {
        app.rules(15, true, 5, 14);
        submit(form("ama@example.com", "Still open"));

        app.clock.advance(Duration.ofDays(14));

        fails(ErrorCode.COMMENTS_CLOSED, () -> submit(form("ama@example.com", "Now closed")));
    }

    @Test
    void everyBrokenField_isReportedAtOnce() {
        ServiceException e = fails(ErrorCode.VALIDATION_FAILED, () -> submit(form("not-an-email", " ")));

        assertEquals(List.of("authorEmail", "content"), e.fields().stream().map(FieldError::field).toList());
    }

    @Test
    void aReply_sitsOneLevelBelowItsApprovedParent() {
        app.rules(0, true, 5, 0);
        app.stored("C-parent", SLUG, CommentStatus.APPROVED, "kofi@example.com", "Parent");

        Comment reply = submit(new CommentForm("Ama", "ama@example.com", null, "Reply", "C-parent", null)).comment();

        assertEquals("C-parent", reply.parentId());
        assertEquals(2, reply.depth());
        assertEquals(1, submit(new CommentForm("Ama", "ama@example.com", null, "Top", "0", null)).comment().depth());
    }

    @Test
    void aReplyToAMissingPendingForeignOrTooDeepParent_isRefused() {
        app.publish("other-story");
        app.stored("C-pending", SLUG, CommentStatus.PENDING, "kofi@example.com", "Held");
        app.stored("C-elsewhere", "other-story", CommentStatus.APPROVED, "kofi@example.com", "Elsewhere");
        app.comments.submit(new CommentSubmission(comment("C-deep", SLUG, "C-x", 5, CommentStatus.APPROVED,
                "kofi@example.com", "Deep"), 0, app.clock.instant(), null));

        fails(ErrorCode.COMMENT_NOT_FOUND, () -> submit(reply("C-missing")));
        fails(ErrorCode.COMMENT_NOT_FOUND, () -> submit(reply("C-elsewhere")));
        fails(ErrorCode.REPLY_TO_UNAPPROVED, () -> submit(reply("C-pending")));
        fails(ErrorCode.REPLY_TOO_DEEP, () -> submit(reply("C-deep")));
    }

    private static CommentForm reply(String parentId) {
        return new CommentForm("Ama", "ama@example.com", null, "A reply", parentId, null);
    }

    @Test
    void theSameCommentAgain_isADuplicate_untilTheFirstIsTrashed() {
        Comment first = submit(form("ama@example.com", "Same words")).comment();
        app.clock.advance(Duration.ofMinutes(1));

        fails(ErrorCode.DUPLICATE_COMMENT, () -> submit(form("AMA@example.com", "Same words")));

        app.moderation.change(first.id(), new Moderation.Change(CommentStatus.TRASH, null, 1), "mod-1");
        assertEquals(CommentStatus.PENDING, submit(form("ama@example.com", "Same words")).status());
    }

    /**
     * What cannot be seen does not make a comment new: an invisible character (U+200B, U+00AD, U+FEFF), a doubled
     * space, an NBSP for a space, or the name or text in another case is the same comment again.
     */
    @Test
    void theSameCommentWithInvisibleSpaceOrCaseChanges_isStillADuplicate() {
        app.rules(0, true, 5, 0);
        submit(new CommentForm("Ama", "ama@example.com", null, "Same words here", null, null));

        for (String[] copy : new String[][]{{"Ama", "Same\u200b words here"}, {"Ama", "Same wo\u00adrds here"},
                {"Ama", "\ufeffSame words here"}, {"Ama", "Same  words here"}, {"Ama", "Same\u00a0words here"},
                {"Ama", "Same words\n\nhere"}, {"AMA", "Same words here"}, {"A\u00adma", "same WORDS here"}}) {
            fails(ErrorCode.DUPLICATE_COMMENT, () -> submit(new CommentForm(copy[0], "ama@example.com", null, copy[1],
                    null, null)));
        }
        assertEquals(CommentStatus.PENDING, submit(new CommentForm("Ama", "ama@example.com", null, "Same words, here",
                null, null)).status());
    }

    /** Duplicate and flood are refused before the text is formatted: a refusal costs no formatting at all. */
    @Test
    void aDuplicateOrFloodedSubmission_isRefusedBeforeItsTextIsFormatted() {
        List<String> formatted = new ArrayList<>();
        SubmitComment counting = new SubmitComment(app.articles, app.comments, app.settings, new SequentialIds(),
                app.clock, SpamCheck.OFF, text -> {
                    formatted.add(text);
                    return CommentHtml.format(text);
                });
        String costly = "!a://".repeat(13_000);
        counting.submit(request(SLUG, form("ama@example.com", costly), null, null), c -> "receipt");
        app.clock.advance(Duration.ofSeconds(5));

        fails(ErrorCode.COMMENT_FLOOD, () -> counting.submit(request(SLUG, form("kofi@example.com", costly + "!"),
                null, null), c -> "receipt"));
        app.clock.advance(Duration.ofMinutes(1));
        fails(ErrorCode.DUPLICATE_COMMENT, () -> counting.submit(request(SLUG, form("ama@example.com", costly), null,
                null), c -> "receipt"));

        assertEquals(List.of(costly), formatted);
    }

    @Test
    void aSecondCommentWithinTheFloodWindow_waitsTheSecondsLeft() {
        submit(form("ama@example.com", "One"));
        app.clock.advance(Duration.ofSeconds(5));

        ServiceException flood = fails(ErrorCode.COMMENT_FLOOD, () -> submit(form("kofi@example.com", "Same IP")));

        assertEquals(10, flood.retryAfterSeconds());
        app.clock.advance(Duration.ofSeconds(10));
        assertEquals(CommentStatus.PENDING, submit(form("kofi@example.com", "Same IP, later")).status());
    }

    @Test
    void noFloodWindow_whenTheSiteSetsItToZero() {
        app.rules(0, true, 5, 0);
        submit(form("ama@example.com", "One"));

        assertEquals(CommentStatus.PENDING, submit(form("ama@example.com", "Two")).status());
    }

    @Test
    void aRetryWithItsIdempotencyKey_replaysTheFirstAnswer_andWritesNothing() {
        SubmitComment.Outcome first = submit(form("ama@example.com", "Once"), "key-1", "hash-1");

        SubmitComment.Outcome again = submit(form("ama@example.com", "Once"), "key-1", "hash-1");

        assertTrue(again.replayed());
        assertNull(again.comment());
        assertEquals(first.status(), again.status());
        assertEquals(first.receipt(), again.receipt());
        assertEquals(1, app.comments.listByEmail("ama@example.com").size());
        fails(ErrorCode.IDEMPOTENCY_KEY_REUSED, () -> submit(form("ama@example.com", "Other"), "key-1", "hash-2"));
    }

    @Test
    void anIdempotencyKey_isForgottenAfterItsWindow() {
        submit(form("ama@example.com", "Once"), "key-1", "hash-1");
        app.clock.advance(SubmitComment.IDEMPOTENCY_WINDOW);

        SubmitComment.Outcome later = submit(form("ama@example.com", "Another day"), "key-1", "hash-2");

        assertFalse(later.replayed());
        assertEquals(2, app.comments.listByEmail("ama@example.com").size());
    }

    @Test
    void losingTheIdempotencyRace_replaysTheWinnersAnswer_orRefusesAnotherRequest() {
        app.comments.beforeNextWrite(() -> submit(form("ama@example.com", "Raced"), "key-1", "hash-1"));

        SubmitComment.Outcome loser = submit(form("ama@example.com", "Raced"), "key-1", "hash-1");

        assertTrue(loser.replayed());
        assertEquals(app.comments.findResponse("key-1").map(RecordedResponse::receipt).orElseThrow(), loser.receipt());
        assertEquals(1, app.comments.listByEmail("ama@example.com").size());

        app.clock.advance(Duration.ofMinutes(1));
        app.comments.beforeNextWrite(() -> submit(form("kofi@example.com", "Winner"), "key-2", "hash-winner"));
        fails(ErrorCode.IDEMPOTENCY_KEY_REUSED, () -> submit(form("ama@example.com", "Loser"), "key-2", "hash-loser"));
    }

    @Test
    void losingTheDuplicateRace_isADuplicate() {
        app.comments.beforeNextWrite(() -> submit(form("ama@example.com", "Twice at once")));

        fails(ErrorCode.DUPLICATE_COMMENT, () -> submit(form("ama@example.com", "Twice at once")));
        assertEquals(1, app.comments.listByEmail("ama@example.com").size());
    }
}
