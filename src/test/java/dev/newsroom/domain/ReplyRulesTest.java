package dev.newsroom.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReplyRulesTest {
    private static final Instant AT = Instant.parse("2026-11-23T19:29:58Z");

    private static Comment parent(CommentStatus status, int depth) {
        return new Comment("01PARENT", "a-story", null, depth, "Ama", "ama@example.com", null, "Hello", status,
                null, null, AT, AT, null, null, 1, null, "<p>Hello</p>\n", false);
    }

    private static DiscussionSettings depth(int threadDepth) {
        return new DiscussionSettings(true, 15, 2, List.of(), List.of(), false, true, threadDepth, 0, 0);
    }

    @Test
    void aReplyUnderAnApprovedComment_isOneLevelDeeper() {
        assertEquals(2, ReplyRules.depthUnder(parent(CommentStatus.APPROVED, 1), depth(5)));
        assertEquals(5, ReplyRules.depthUnder(parent(CommentStatus.APPROVED, 4), depth(5)));
    }

    @Test
    void aReplyUnderACommentNotApproved_isRefused() {
        for (CommentStatus status : List.of(CommentStatus.PENDING, CommentStatus.SPAM, CommentStatus.TRASH)) {
            ServiceException e = assertThrows(ServiceException.class, () -> ReplyRules.depthUnder(parent(status, 1), depth(5)));
            assertEquals(ErrorCode.REPLY_TO_UNAPPROVED, e.code(), status.wire());
        }
    }

    @Test
    void aReplyDeeperThanTheThreadDepth_isRefused() {
        ServiceException e = assertThrows(ServiceException.class, () -> ReplyRules.depthUnder(parent(CommentStatus.APPROVED, 5), depth(5)));
        assertEquals(ErrorCode.REPLY_TOO_DEEP, e.code());
        assertEquals("This reply would nest deeper than the 5 levels this site allows.", e.getMessage());
        assertEquals(2, ReplyRules.depthUnder(parent(CommentStatus.APPROVED, 1), depth(2)));
    }
}
