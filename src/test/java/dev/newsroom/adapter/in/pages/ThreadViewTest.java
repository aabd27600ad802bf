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
        ThreadView first = ThreadView.of(approved, null, approved.size(), perPage(2), 0, null);
        assertEquals(List.of("C0", "C1"), first.roots().stream().map(n -> n.comment().id()).toList());
        assertEquals(3, first.pages(), "six top-level entries (the orphan shown at the top level), two a page");
        ThreadView ofReply = ThreadView.of(approved, null, approved.size(), perPage(2), 0, "R4");
        assertEquals(3, ofReply.page());
        assertEquals("R4", ofReply.roots().get(0).children().get(0).comment().id());
        assertEquals(3, ThreadView.of(approved, null, 7, perPage(2), 99, null).page(), "a page past the end is the last");
    }

    /**
     * The byte budget ends a page early, even inside a comment's replies: the next page goes on from there with
     * that reply at its top level, and every comment is on exactly one page, in reading order, found by its id.
     */
    @Test
    void aPageOverItsBytes_goesOnAtTheNextPage_evenInsideAThread_everyCommentOnce() {
        List<Comment> approved = new ArrayList<>();
        approved.add(comment("C0", null, 1, CommentStatus.APPROVED, T0));
        for (int n = 1; n <= 4; n++) {
            approved.add(comment("R" + n, "C0", 2, CommentStatus.APPROVED, T0.plusSeconds(n)));
        }
        approved.add(comment("C1", null, 1, CommentStatus.APPROVED, T0.plusSeconds(9)));
        ThreadView.Paging twoAPage = new ThreadView.Paging(50, c -> 10, 20);
        ThreadView first = ThreadView.of(approved, null, approved.size(), twoAPage, 1, null);
        assertEquals(3, first.pages(), "six comments, two a page by their bytes, although 50 top-level ones would fit");
        List<String> read = new ArrayList<>();
        for (int page = 1; page <= first.pages(); page++) {
            ThreadView view = ThreadView.of(approved, null, approved.size(), twoAPage, page, null);
            view.roots().forEach(root -> collect(root, read));
        }
        assertEquals(approved.stream().map(Comment::id).toList(), read);
        ThreadView second = ThreadView.of(approved, null, approved.size(), twoAPage, 2, null);
        assertEquals(List.of("R2", "R3"), second.roots().stream().map(n -> n.comment().id()).toList(),
                "the replies that go on stand at the top of their page");
        assertEquals(3, ThreadView.of(approved, null, approved.size(), twoAPage, 0, "R4").page());
        assertEquals(1, ThreadView.of(approved, null, approved.size(), new ThreadView.Paging(50, c -> 99, 20), 0, null)
                .roots().size(), "a comment over the budget alone still has its page");
    }

    private static void collect(ThreadView.Node node, List<String> ids) {
        ids.add(node.comment().id());
        node.children().forEach(child -> collect(child, ids));
    }

    private static ThreadView.Paging perPage(int n) {
        return new ThreadView.Paging(n, c -> 0, Long.MAX_VALUE);
    }

    @Test
    void aHeldComment_takesItsPlaceUnderItsParent_forItsAuthorsView() {
        List<Comment> approved = List.of(comment("C0", null, 1, CommentStatus.APPROVED, T0));
        Comment held = comment("H1", "C0", 2, CommentStatus.PENDING, T0.plusSeconds(5));
        ThreadView view = ThreadView.of(approved, held, 1, perPage(50), 0, held.id());
        assertEquals("H1", view.heldId());
        assertTrue(ThreadView.holds(view.roots().get(0), "H1"));
        assertFalse(ThreadView.holds(ThreadView.of(approved, null, 1, perPage(50), 0, null).roots().get(0), "H1"));
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
