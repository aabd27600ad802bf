package dev.newsroom.application;

import dev.newsroom.application.port.Page;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static dev.newsroom.application.InMemoryUseCases.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Moderation} on in-memory ports: changes, versions, permanent deletes, bulk actions and the queue. */
class ModerationTest {
    private static final String SLUG = "lead-story";
    private final InMemoryUseCases app = new InMemoryUseCases();
    private final Comment held;

    ModerationTest() {
        app.publish(SLUG);
        held = app.stored("C1", SLUG, CommentStatus.PENDING, "ama@example.com", "Held words");
    }

    private Comment change(String id, CommentStatus status, String content, long version) {
        return app.moderation.change(id, new Moderation.Change(status, content, version), "mod-1");
    }

    @Test
    void approving_setsTheStatusModeratorAndNextVersion() {
        Comment approved = change("C1", CommentStatus.APPROVED, null, 1);

        assertEquals(CommentStatus.APPROVED, approved.status());
        assertEquals("mod-1", approved.moderatedBy());
        assertEquals(app.clock.instant(), approved.moderatedAt());
        assertEquals(2, approved.version());
        assertEquals(approved, app.moderation.get("C1"));
    }

    @Test
    void anEditAndAStatusAtOnce_isOneWrite_ofOneNewVersion() {
        Comment changed = change("C1", CommentStatus.APPROVED, "  Edited words ", 1);

        assertEquals("Edited words", changed.content());
        assertEquals(CommentStatus.APPROVED, changed.status());
        assertEquals(2, app.moderation.get("C1").version());
    }

    @Test
    void aChangeThatChangesNothing_writesNothing() {
        assertSame(held, change("C1", CommentStatus.PENDING, "Held words", 1));
        assertEquals(1, app.moderation.get("C1").version());
    }

    @Test
    void aChangeWithNeitherStatusNorContent_orWithEmptyContent_isRefused() {
        assertEquals("status", fails(ErrorCode.VALIDATION_FAILED, () -> change("C1", null, null, 1)).fields().get(0).field());
        assertEquals("content", fails(ErrorCode.VALIDATION_FAILED, () -> change("C1", null, " ", 1)).fields().get(0).field());
        assertEquals(held, app.moderation.get("C1"));
    }

    @Test
    void aStaleVersionOrUnknownId_isRefused() {
        fails(ErrorCode.VERSION_CONFLICT, () -> change("C1", CommentStatus.SPAM, null, 7));
        fails(ErrorCode.COMMENT_NOT_FOUND, () -> change("C-none", CommentStatus.SPAM, null, 1));
    }

    @Test
    void anotherModeratorsWriteBetweenReadAndWrite_isAVersionConflict() {
        app.comments.beforeNextWrite(() -> change("C1", CommentStatus.SPAM, null, 1));

        fails(ErrorCode.VERSION_CONFLICT, () -> change("C1", CommentStatus.APPROVED, null, 1));
        assertEquals(CommentStatus.SPAM, app.moderation.get("C1").status());
    }

    @Test
    void onlySpamOrTrash_canBeDeletedForGood_atItsVersion() {
        fails(ErrorCode.MUST_TRASH_FIRST, () -> app.moderation.delete("C1", 1));
        change("C1", CommentStatus.TRASH, null, 1);
        fails(ErrorCode.VERSION_CONFLICT, () -> app.moderation.delete("C1", 1));

        app.moderation.delete("C1", 2);

        fails(ErrorCode.COMMENT_NOT_FOUND, () -> app.moderation.get("C1"));
    }

    @Test
    void aDeleteRacingAnotherModerator_isAVersionConflict() {
        change("C1", CommentStatus.SPAM, null, 1);
        app.comments.beforeNextWrite(() -> change("C1", CommentStatus.TRASH, null, 2));

        fails(ErrorCode.VERSION_CONFLICT, () -> app.moderation.delete("C1", 2));
    }

    @Test
    void bulk_answersOncePerDistinctId_withEachOnesOutcome() {
        app.stored("C2", SLUG, CommentStatus.APPROVED, "kofi@example.com", "Approved");

        List<Moderation.BulkResult> results = app.moderation.bulk("approve", List.of("C1", "C-none", "C1", "C2"), "mod-1");

        assertEquals(List.of(new Moderation.BulkResult("C1", "ok", "approved"),
                new Moderation.BulkResult("C-none", "comment_not_found", null),
                new Moderation.BulkResult("C2", "ok", "approved")), results);
        assertEquals(2, app.moderation.get("C1").version());
        assertEquals(1, app.moderation.get("C2").version());
    }

    @Test
    void bulkDelete_deletesSpamAndTrash_andSaysWhyNotTheRest() {
        app.stored("C2", SLUG, CommentStatus.SPAM, "bot@example.com", "Spam");

        assertEquals(List.of(new Moderation.BulkResult("C1", "must_trash_first", null),
                new Moderation.BulkResult("C2", "ok", "deleted")), app.moderation.bulk("delete", List.of("C1", "C2"), "mod-1"));
    }

    @Test
    void bulk_refusesAnUnknownActionAndTooFewOrTooManyIds() {
        fails(ErrorCode.VALIDATION_FAILED, () -> app.moderation.bulk("publish", List.of("C1"), "mod-1"));
        fails(ErrorCode.VALIDATION_FAILED, () -> app.moderation.bulk("spam", List.of(), "mod-1"));
        fails(ErrorCode.VALIDATION_FAILED, () -> app.moderation.bulk("spam", Collections.nCopies(101, "C1"), "mod-1"));
        assertEquals(1, app.moderation.bulk("spam", Collections.nCopies(100, "C1"), "mod-1").size());
    }

    @Test
    void bulk_stopsWhenTheDatabaseIsUnavailable() {
        app.comments.beforeNextWrite(() -> {
            throw ServiceException.unavailable(1);
        });

        fails(ErrorCode.UNAVAILABLE, () -> app.moderation.bulk("spam", List.of("C1"), "mod-1"));
    }

    @Test
    void theQueue_pagesOldestFirst_withCursorsBoundToTheirList() {
        app.stored("C2", SLUG, CommentStatus.PENDING, "kofi@example.com", "Second");
        app.stored("C3", SLUG, CommentStatus.PENDING, "efua@example.com", "Third");

        Page<Comment> first = app.moderation.queue(CommentStatus.PENDING, null, 2, null);
        Page<Comment> rest = app.moderation.queue(CommentStatus.PENDING, null, 2, first.nextCursor());

        assertEquals(List.of("C1", "C2"), first.items().stream().map(Comment::id).toList());
        assertEquals(List.of("C3"), rest.items().stream().map(Comment::id).toList());
        assertTrue(rest.nextCursor() == null);
        fails(ErrorCode.INVALID_CURSOR, () -> app.moderation.queue(CommentStatus.SPAM, null, 2, first.nextCursor()));
        assertEquals(List.of(), app.moderation.queue(CommentStatus.PENDING, "other-story", 2, null).items());
    }
}
