package dev.newsroom.application;

import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.newsroom.application.InMemoryUseCases.fails;
import static dev.newsroom.application.InMemoryUseCases.form;
import static dev.newsroom.application.InMemoryUseCases.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Privacy} on in-memory ports: export, erase with every trace, retries after races, the time budget. */
class PrivacyTest {
    private static final String SLUG = "lead-story";
    private final InMemoryUseCases app = new InMemoryUseCases();

    PrivacyTest() {
        app.publish(SLUG);
        app.stored("C1", SLUG, CommentStatus.APPROVED, "ama@example.com", "First");
        app.stored("C2", SLUG, CommentStatus.PENDING, "Ama@Example.com", "Second");
        app.stored("C3", SLUG, CommentStatus.APPROVED, "kofi@example.com", "Someone else");
    }

    private Privacy.Erasure erase() {
        return app.privacy.erase(" AMA@example.com ");
    }

    @Test
    void export_listsEveryCommentOfTheEmail_inAnyCase_oldestFirst() {
        assertEquals(List.of("C1", "C2"), app.privacy.export("AMA@EXAMPLE.COM", 50, null).items().stream().map(Comment::id).toList());
    }

    @Test
    void anInvalidEmail_isRefused() {
        for (String email : List.of("", "  ", "not-an-email")) {
            assertEquals("email", fails(ErrorCode.VALIDATION_FAILED, () -> app.privacy.export(email, 50, null)).fields().get(0).field());
            fails(ErrorCode.VALIDATION_FAILED, () -> app.privacy.erase(email));
        }
    }

    @Test
    void erase_anonymisesTheAuthorsComments_inPlace_andNoOneElses() {
        assertEquals(new Privacy.Erasure(2, true), erase());

        Comment erased = app.moderation.get("C1");
        assertEquals("Anonymous", erased.authorName());
        assertNull(erased.authorEmail());
        assertNull(erased.ip());
        assertNull(erased.userAgent());
        assertEquals("First", erased.content());
        assertEquals(CommentStatus.APPROVED, erased.status());
        assertEquals(2, erased.version());
        assertEquals("kofi@example.com", app.moderation.get("C3").authorEmail());
        assertTrue(app.privacy.export("ama@example.com", 50, null).items().isEmpty());
        assertEquals(new Privacy.Erasure(0, true), erase());
    }

    @Test
    void erase_removesTheStoredAnswerAndFloodMarks_theAuthorLeft() {
        app.submit.submit(request(SLUG, form("ama@example.com", "With a key"), "key-1", "hash-1"), c -> "receipt naming Ama");

        erase();

        assertTrue(app.comments.findResponse("key-1").isEmpty());
        assertEquals(CommentStatus.PENDING, app.submit.submit(request(SLUG, form("ama@example.com", "Right after"), null, null),
                c -> "").status());
    }

    @Test
    void aCommentChangedByAModeratorMeanwhile_isErasedAtItsNewVersion() {
        app.comments.beforeNextWrite(() -> app.moderation.change("C1",
                new Moderation.Change(CommentStatus.SPAM, null, 1), "mod-1"));

        assertEquals(new Privacy.Erasure(2, true), erase());

        Comment erased = app.moderation.get("C1");
        assertEquals(CommentStatus.SPAM, erased.status());
        assertNull(erased.authorEmail());
        assertEquals(3, erased.version());
    }

    @Test
    void aCommentDeletedMeanwhile_hasNothingLeftToErase() {
        app.moderation.change("C1", new Moderation.Change(CommentStatus.TRASH, null, 1), "mod-1");
        app.comments.beforeNextWrite(() -> app.moderation.delete("C1", 2));

        assertEquals(new Privacy.Erasure(1, true), erase());
    }

    @Test
    void aCommentThatKeepsChanging_failsTheEraseAfterThreeAttempts() {
        keepChanging("C1");

        fails(ErrorCode.VERSION_CONFLICT, this::erase);
        assertEquals("ama@example.com", app.moderation.get("C1").authorEmail());
    }

    private void keepChanging(String id) {
        app.comments.beforeNextWrite(() -> {
            Comment current = app.moderation.get(id);
            CommentStatus other = current.status() == CommentStatus.SPAM ? CommentStatus.APPROVED : CommentStatus.SPAM;
            app.moderation.change(id, new Moderation.Change(other, null, current.version()), "mod-1");
            keepChanging(id);
        });
    }

    @Test
    void anEraseOutOfTime_answersItsProgress_andARepeatFinishesIt() {
        Privacy hurried = new Privacy(app.comments, app.clock, Duration.ZERO);

        assertEquals(new Privacy.Erasure(1, false), hurried.erase("ama@example.com"));
        assertEquals(new Privacy.Erasure(1, true), hurried.erase("ama@example.com"));
        assertTrue(app.privacy.export("ama@example.com", 50, null).items().isEmpty());
    }
}
