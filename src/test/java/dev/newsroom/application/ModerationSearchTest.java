package dev.newsroom.application;

import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The bound of {@link Moderation#search}: what one request examines, and how a search goes on from its cursor. */
class ModerationSearchTest {
    private static final String SLUG = "lead-story";
    private final InMemoryUseCases app = new InMemoryUseCases();

    ModerationSearchTest() {
        app.publish(SLUG);
    }

    private void store(int from, int to, String content) {
        for (int n = from; n < to; n++) {
            app.stored(String.format("C%04d", n), SLUG, CommentStatus.PENDING, "reader" + n + "@example.com", content);
        }
    }

    @Test
    void oneRequestExaminesAtMostTheBound_andItsCursorGoesOnFromThere() {
        store(0, 600, "Nothing to see.");
        store(600, 603, "The needle.");
        var first = app.moderation.search(CommentStatus.PENDING, null, "needle", 100, null);
        assertEquals(Moderation.SEARCH_EXAMINED, first.examined());
        assertEquals(0, first.page().items().size());
        assertNotNull(first.page().nextCursor(), "it says the queue goes on");
        var second = app.moderation.search(CommentStatus.PENDING, null, "needle", 100, first.page().nextCursor());
        assertEquals(103, second.examined());
        assertEquals(List.of("C0600", "C0601", "C0602"), second.page().items().stream().map(c -> c.id()).toList());
        assertNull(second.page().nextCursor(), "the whole queue was searched");
    }

    @Test
    void itStopsReadingOnceItHasTheMatchesAskedFor() {
        store(0, 300, "A needle in every one.");
        var found = app.moderation.search(CommentStatus.PENDING, null, "NEEDLE", 20, null);
        assertEquals(20, found.examined(), "one page of the queue was enough");
        assertEquals(20, found.page().items().size());
        List<String> all = new ArrayList<>(found.page().items().stream().map(c -> c.id()).toList());
        String cursor = found.page().nextCursor();
        while (cursor != null) {
            var next = app.moderation.search(CommentStatus.PENDING, null, "needle", 100, cursor);
            next.page().items().forEach(c -> all.add(c.id()));
            cursor = next.page().nextCursor();
        }
        assertEquals(300, all.size());
        assertEquals(300, all.stream().distinct().count(), "no comment twice across the pages");
    }

    @Test
    void matchesScatteredOverPages_comeBackFewerThanTwiceTheLimit() {
        for (int n = 0; n < 40; n++) {
            store(n, n + 1, n % 2 == 0 ? "needle" : "hay");
        }
        var found = app.moderation.search(CommentStatus.PENDING, null, "needle", 7, null);
        assertEquals(14, found.examined(), "two pages of 7: 4 matches, then 3 more");
        assertEquals(7, found.page().items().size());
    }

    @Test
    void aBlankOrOverlongSearch_isRefused() {
        for (String text : List.of("", "   ", "x".repeat(201))) {
            ServiceException e = assertThrows(ServiceException.class,
                    () -> app.moderation.search(CommentStatus.PENDING, null, text, 20, null));
            assertEquals(ErrorCode.INVALID_PARAMETER, e.code());
        }
    }
}
