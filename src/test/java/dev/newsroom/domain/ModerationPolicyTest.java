package dev.newsroom.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ModerationPolicyTest {
    private static final ModerationPolicy.Sender SENDER = new ModerationPolicy.Sender("203.0.113.9", "Mozilla/5.0");

    private static SubmittedComment comment(String content) {
        return new SubmittedComment("Ama", "ama@example.com", null, content, null, false);
    }

    private static DiscussionSettings settings(boolean moderateAll, int maxLinks, List<String> moderation,
                                               List<String> disallowed, boolean previouslyApproved) {
        return new DiscussionSettings(true, 15, maxLinks, moderation, disallowed, moderateAll, previouslyApproved, 5, 0, 0);
    }

    @Test
    void decide_whenNoRuleHolds_approves() {
        assertEquals(CommentStatus.APPROVED, ModerationPolicy.decide(comment("Hello"), SENDER,
                settings(false, 2, List.of(), List.of(), false), false));
    }

    @Test
    void decide_whenHoneypotFilled_isSpam() {
        var c = new SubmittedComment("Ama", "ama@example.com", null, "Hello", null, true);
        assertEquals(CommentStatus.SPAM, ModerationPolicy.decide(c, SENDER, settings(false, 2, List.of(), List.of(), false), true));
    }

    @Test
    void decide_whenDisallowedKeyMatchesAnyField_isSpamEvenIfPreviouslyApproved() {
        var rules = settings(false, 2, List.of(), List.of("203.0.113."), false);
        assertEquals(CommentStatus.SPAM, ModerationPolicy.decide(comment("Hello"), SENDER, rules, true));
        var byContent = settings(false, 2, List.of(), List.of("  CASINO "), false);
        assertEquals(CommentStatus.SPAM, ModerationPolicy.decide(comment("Best casino bonus"), SENDER, byContent, true));
        var byAgent = settings(false, 2, List.of(), List.of("mozilla"), false);
        assertEquals(CommentStatus.SPAM, ModerationPolicy.decide(comment("Hi"), SENDER, byAgent, true));
    }

    @Test
    void decide_whenModerateAll_holds() {
        assertEquals(CommentStatus.PENDING, ModerationPolicy.decide(comment("Hello"), SENDER,
                settings(true, 2, List.of(), List.of(), false), true));
    }

    @Test
    void decide_whenLinksReachMaxLinks_holds() {
        var rules = settings(false, 2, List.of(), List.of(), false);
        assertEquals(CommentStatus.APPROVED, ModerationPolicy.decide(comment("see https://a.example"), SENDER, rules, true));
        assertEquals(CommentStatus.PENDING, ModerationPolicy.decide(
                comment("see https://www.a.example and www.b.example"), SENDER, rules, true));
        var off = settings(false, 0, List.of(), List.of(), false);
        assertEquals(CommentStatus.APPROVED, ModerationPolicy.decide(
                comment("http://a.example http://b.example http://c.example"), SENDER, off, true));
    }

    @Test
    void decide_whenModerationKeyMatches_holds() {
        assertEquals(CommentStatus.PENDING, ModerationPolicy.decide(comment("Buy cheap watches"), SENDER,
                settings(false, 2, List.of("cheap"), List.of(), false), true));
    }

    @Test
    void decide_whenPreviouslyApprovedRequired_holdsNewAuthorsOnly() {
        var rules = settings(false, 2, List.of(), List.of(), true);
        assertEquals(CommentStatus.PENDING, ModerationPolicy.decide(comment("Hello"), SENDER, rules, false));
        assertEquals(CommentStatus.APPROVED, ModerationPolicy.decide(comment("Hello"), SENDER, rules, true));
    }
}
