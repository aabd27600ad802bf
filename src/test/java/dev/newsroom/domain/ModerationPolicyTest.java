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

    /** WordPress's disallowed list also reads the content without its tags: a tag cannot split a word. */
    @Test
    void decide_whenTagsSplitADisallowedKey_isSpam_butAModerationKeyIsReadAsWritten() {
        assertEquals(CommentStatus.SPAM, decide(comment("cheap ca<b></b>sino"), SENDER,
                settings(false, 0, List.of(), List.of("casino"), false), true));
        assertEquals(CommentStatus.APPROVED, decide(comment("cheap ca<b></b>sino"), SENDER,
                settings(false, 0, List.of("casino"), List.of(), false), true));
        assertEquals("a b < c", ModerationPolicy.withoutTags("a<i>&nbsp;</i> b <!-- x -->< c").replace("&nbsp;", ""));
    }

    /**
     * The one-pass matcher finds exactly what a case-insensitive substring search of each key finds, on random
     * keys (overlapping, nested, sharing prefixes and suffixes) and texts.
     */
    @Test
    void keyMatcher_findsWhatASubstringSearchOfEachKeyFinds() {
        java.util.Random random = new java.util.Random(5);
        String letters = "abcAB é";
        for (int n = 0; n < 3_000; n++) {
            List<String> keys = new java.util.ArrayList<>();
            for (int k = random.nextInt(6); k > 0; k--) {
                keys.add(randomText(random, letters, 1 + random.nextInt(4)));
            }
            String text = randomText(random, letters, random.nextInt(30)).toLowerCase(java.util.Locale.ROOT);
            boolean expected = keys.stream().map(k -> k.trim().toLowerCase(java.util.Locale.ROOT))
                    .anyMatch(k -> !k.isEmpty() && text.contains(k));
            assertEquals(expected, KeyMatcher.of(keys).foundIn(text), () -> keys + " in " + text);
        }
        assertEquals(true, KeyMatcher.of(List.of("he", "she", "hers")).foundIn("ushers"));
        assertEquals(false, KeyMatcher.of(List.of("hers", "shx")).foundIn("shers".substring(0, 4)));
    }

    private static String randomText(java.util.Random random, String letters, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(letters.charAt(random.nextInt(letters.length())));
        }
        return text.toString();
    }

    @Test
    void decide_whenNoRuleHolds_approves() {
        assertEquals(CommentStatus.APPROVED, decide(comment("Hello"), SENDER,
                settings(false, 2, List.of(), List.of(), false), false));
    }

    @Test
    void decide_whenHoneypotFilled_isSpam() {
        var c = new SubmittedComment("Ama", "ama@example.com", null, "Hello", null, true);
        assertEquals(CommentStatus.SPAM, decide(c, SENDER, settings(false, 2, List.of(), List.of(), false), true));
    }

    @Test
    void decide_whenDisallowedKeyMatchesAnyField_isSpamEvenIfPreviouslyApproved() {
        var rules = settings(false, 2, List.of(), List.of("203.0.113."), false);
        assertEquals(CommentStatus.SPAM, decide(comment("Hello"), SENDER, rules, true));
        var byContent = settings(false, 2, List.of(), List.of("  CASINO "), false);
        assertEquals(CommentStatus.SPAM, decide(comment("Best casino bonus"), SENDER, byContent, true));
        var byAgent = settings(false, 2, List.of(), List.of("mozilla"), false);
        assertEquals(CommentStatus.SPAM, decide(comment("Hi"), SENDER, byAgent, true));
    }

    @Test
    void decide_whenModerateAll_holds() {
        assertEquals(CommentStatus.PENDING, decide(comment("Hello"), SENDER,
                settings(true, 2, List.of(), List.of(), false), true));
    }

    @Test
    void decide_whenLinksReachMaxLinks_holds() {
        var rules = settings(false, 2, List.of(), List.of(), false);
        assertEquals(CommentStatus.APPROVED, decide(comment("see https://a.example"), SENDER, rules, true));
        assertEquals(CommentStatus.PENDING, decide(
                comment("see https://www.a.example and www.b.example"), SENDER, rules, true));
        var off = settings(false, 0, List.of(), List.of(), false);
        assertEquals(CommentStatus.APPROVED, decide(
                comment("http://a.example http://b.example http://c.example"), SENDER, off, true));
    }

    @Test
    void decide_whenModerationKeyMatches_holds() {
        assertEquals(CommentStatus.PENDING, decide(comment("Buy cheap watches"), SENDER,
                settings(false, 2, List.of("cheap"), List.of(), false), true));
    }

    @Test
    void decide_whenPreviouslyApprovedRequired_holdsNewAuthorsOnly() {
        var rules = settings(false, 2, List.of(), List.of(), true);
        assertEquals(CommentStatus.PENDING, decide(comment("Hello"), SENDER, rules, false));
        assertEquals(CommentStatus.APPROVED, decide(comment("Hello"), SENDER, rules, true));
    }

    private static CommentStatus decide(SubmittedComment c, ModerationPolicy.Sender sender, DiscussionSettings rules,
                                        boolean previouslyApproved) {
        return ModerationPolicy.decide(c, CommentHtml.format(c.content()), sender, rules, previouslyApproved);
    }
}
