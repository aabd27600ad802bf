package dev.newsroom.application;

import dev.newsroom.application.port.ApprovalChange;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.newsroom.application.InMemoryUseCases.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link CountApprovals} on in-memory ports, fed the approval changes the writes produced, as the stream is. */
class CountApprovalsTest {
    private static final String SLUG = "lead-story";
    private final InMemoryUseCases app = new InMemoryUseCases();

    CountApprovalsTest() {
        app.publish(SLUG);
    }

    private long count() {
        return app.articles.anyArticle(SLUG).commentCount();
    }

    private void moderate(String id, CommentStatus status) {
        app.moderation.change(id, new Moderation.Change(status, null, app.moderation.get(id).version()), "mod-1");
    }

    @Test
    void approvalsAddOne_andLeavingTheApprovedStateTakesItAway() {
        app.stored("C1", SLUG, CommentStatus.APPROVED, "ama@example.com", "Published at once");
        app.stored("C2", SLUG, CommentStatus.PENDING, "kofi@example.com", "Held");
        moderate("C2", CommentStatus.APPROVED);

        assertEquals(2, app.settleCounts());
        assertEquals(2, count());

        moderate("C1", CommentStatus.SPAM);
        moderate("C2", CommentStatus.TRASH);
        moderate("C2", CommentStatus.PENDING);
        assertEquals(2, app.settleCounts());
        assertEquals(0, count());
    }

    @Test
    void aBatchDeliveredTwice_orAChangeRepeatedWithinIt_countsOnce() {
        app.stored("C1", SLUG, CommentStatus.PENDING, "ama@example.com", "Held");
        moderate("C1", CommentStatus.APPROVED);
        List<ApprovalChange> batch = app.comments.takeChanges();
        List<ApprovalChange> twice = new ArrayList<>(batch);
        twice.addAll(batch);

        assertEquals(1, app.counts.apply(twice));
        assertEquals(0, app.counts.apply(batch));
        assertEquals(1, count());
    }

    @Test
    void theSameCommentApprovedAgainLater_isANewChange() {
        app.stored("C1", SLUG, CommentStatus.APPROVED, "ama@example.com", "Hi");
        moderate("C1", CommentStatus.PENDING);
        moderate("C1", CommentStatus.APPROVED);

        assertEquals(3, app.settleCounts());
        assertEquals(1, count());
    }

    @Test
    void nothingToApply_orAnArticleGone_appliesNothing() {
        assertEquals(0, app.counts.apply(List.of()));
        assertEquals(0, app.counts.apply(List.of(new ApprovalChange("C9", "gone-story", 2, 1))));
    }

    @Test
    void aRecount_setsTheCountToTheApprovedCommentsNow() {
        app.stored("C1", SLUG, CommentStatus.APPROVED, "ama@example.com", "Never counted");
        app.stored("C2", SLUG, CommentStatus.SPAM, "bot@example.com", "Spam");

        assertEquals(1, app.counts.recount(SLUG));
        assertEquals(1, count());
        fails(ErrorCode.ARTICLE_NOT_FOUND, () -> app.counts.recount("no-such-story"));
    }
}
