package dev.newsroom.application;

import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.newsroom.application.InMemoryUseCases.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link CommentQueries} on in-memory ports: a published article's approved thread, in pages, with its total. */
class CommentQueriesTest {
    private static final String SLUG = "lead-story";
    private final InMemoryUseCases app = new InMemoryUseCases();

    CommentQueriesTest() {
        app.publish(SLUG);
        app.stored("C1", SLUG, CommentStatus.APPROVED, "ama@example.com", "One");
        app.stored("C2", SLUG, CommentStatus.PENDING, "kofi@example.com", "Held");
        app.stored("C3", SLUG, CommentStatus.APPROVED, "efua@example.com", "Three");
        app.stored("C4", SLUG, CommentStatus.APPROVED, "yaw@example.com", "Four");
        app.settleCounts();
    }

    private static List<String> ids(CommentQueries.Thread thread) {
        return thread.page().items().stream().map(Comment::id).toList();
    }

    @Test
    void theThread_holdsApprovedCommentsOnly_inEitherOrder_withTheArticlesTotal() {
        CommentQueries.Thread oldestFirst = app.queries.approvedThread(SLUG, true, 10, null);

        assertEquals(List.of("C1", "C3", "C4"), ids(oldestFirst));
        assertEquals(3, oldestFirst.total());
        assertNull(oldestFirst.page().nextCursor());
        assertEquals(List.of("C4", "C3", "C1"), ids(app.queries.approvedThread(SLUG, false, 10, null)));
    }

    @Test
    void pages_continueFromTheirCursor() {
        CommentQueries.Thread first = app.queries.approvedThread(SLUG, false, 2, null);
        CommentQueries.Thread rest = app.queries.approvedThread(SLUG, false, 2, first.page().nextCursor());

        assertEquals(List.of("C4", "C3"), ids(first));
        assertEquals(List.of("C1"), ids(rest));
        assertNull(rest.page().nextCursor());
        app.publish("other-story");
        fails(ErrorCode.INVALID_CURSOR, () -> app.queries.approvedThread("other-story", false, 2, first.page().nextCursor()));
    }

    @Test
    void aDraftOrMissingArticle_hasNoThread() {
        app.article("a-draft", "draft");

        fails(ErrorCode.ARTICLE_NOT_FOUND, () -> app.queries.approvedThread("a-draft", true, 10, null));
        fails(ErrorCode.ARTICLE_NOT_FOUND, () -> app.queries.approvedThread("no-such-story", true, 10, null));
    }
}
