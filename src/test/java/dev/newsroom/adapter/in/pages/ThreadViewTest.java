package dev.newsroom.adapter.in.pages;

import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentHtml;
import dev.newsroom.domain.CommentStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadViewTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    private static Comment comment(String id, String parent, int depth, CommentStatus status, Instant at) {
        return new Comment(id, "story", parent, depth, "Name " + id, "a@example.com", null, "Text " + id, status,
                "192.0.2.1", "ua", at, at, null, null, 1, null, CommentHtml.format("Text " + id), false);
    }

    @Test
    void pagesByTopLevelComments_withTheirReplies_andFindsThePageOfAReply() {
        List<Comment> approved = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            approved.add(comment("C" + n, null, 1, CommentStatus.APPROVED, T0.plusSeconds(n)));
        }
        approved.add(comment("R4", "C4", 2, CommentStatus.APPROVED, T0.plusSeconds(10)));
        approved.add(comment("ORPHAN", "GONE", 2, CommentStatus.APPROVED, T0.plusSeconds(11)));
        ThreadView first = ThreadView.of(approved, null, approved.size(), 2, 0, null);
        assertEquals(List.of("C0", "C1"), first.roots().stream().map(n -> n.comment().id()).toList());
        assertEquals(3, first.pages(), "six top-level entries (the orphan shown at the top level), two a page");
        ThreadView ofReply = ThreadView.of(approved, null, approved.size(), 2, 0, "R4");
        assertEquals(3, ofReply.page());
        assertEquals("R4", ofReply.roots().get(0).children().get(0).comment().id());
        assertEquals(3, ThreadView.of(approved, null, 7, 2, 99, null).page(), "a page past the end is the last");
    }

    @Test
    void aHeldComment_takesItsPlaceUnderItsParent_forItsAuthorsView() {
        List<Comment> approved = List.of(comment("C0", null, 1, CommentStatus.APPROVED, T0));
        Comment held = comment("H1", "C0", 2, CommentStatus.PENDING, T0.plusSeconds(5));
        ThreadView view = ThreadView.of(approved, held, 1, 50, 0, held.id());
        assertEquals("H1", view.heldId());
        assertTrue(ThreadView.holds(view.roots().get(0), "H1"));
        assertFalse(ThreadView.holds(ThreadView.of(approved, null, 1, 50, 0, null).roots().get(0), "H1"));
    }

    @Test
    void theModerationHash_showsOnlyThatHeldCommentOfThatArticle_forTenMinutes() {
        ModerationHash hash = new ModerationHash("a-secret-of-at-least-16".getBytes());
        Comment held = comment("H1", null, 1, CommentStatus.PENDING, T0);
        String h = hash.of("H1");
        assertTrue(hash.shows(held, "story", h, T0.plusSeconds(60)));
        assertFalse(hash.shows(held, "story", h, T0.plus(ModerationHash.VALIDITY).plusSeconds(1)), "expired");
        assertFalse(hash.shows(held, "other-story", h, T0), "another article");
        assertFalse(hash.shows(held, "story", hash.of("H2"), T0), "another comment's hash");
        assertFalse(hash.shows(held, "story", new ModerationHash("another-secret-16-chars".getBytes()).of("H1"), T0));
        assertFalse(hash.shows(comment("H1", null, 1, CommentStatus.APPROVED, T0), "story", h, T0), "approved: in the thread");
        assertFalse(hash.shows(comment("H1", null, 1, CommentStatus.TRASH, T0), "story", h, T0), "trashed");
        assertTrue(hash.shows(comment("H1", null, 1, CommentStatus.SPAM, T0), "story", h, T0), "spam looks held to its author");
    }
}
