package dev.newsroom.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The duplicate fingerprint folds what a reader cannot see, and nothing a reader can. */
class DuplicateFingerprintTest {
    private static String of(String name, String content) {
        return DuplicateFingerprint.of("story", null, name, "Ama@Example.com ", content);
    }

    @Test
    void fold_dropsInvisibleCharacters_joinsWhiteSpaceRuns_andLowerCases() {
        assertEquals("same words here", DuplicateFingerprint.fold("\ufeff Same\u200b\u00ad  WORDS\u00a0\u2003\nhere\u202e "));
        assertEquals("", DuplicateFingerprint.fold("\u200b \u2060"));
    }

    @Test
    void of_isTheSameForEachInvisibleSpaceOrCaseBypass() {
        String original = of("Ama", "Same words here");
        for (String copy : new String[]{"Same\u200b words here", "Same wo\u00adrds here", "\ufeffSame words here",
                "Same  words here", "Same\u00a0words here", "Same\twords here", "SAME words here"}) {
            assertEquals(original, of("Ama", copy), copy);
        }
        assertEquals(original, of("AMA", "Same words here"));
        assertEquals(original, of("A\u200bma", "Same words here"));
        assertEquals(original, DuplicateFingerprint.of("story", null, "Ama", "ama@example.com", "Same words here"));
    }

    @Test
    void of_differsForVisibleChanges_otherArticlesAndParents() {
        String original = of("Ama", "Same words here");
        assertNotEquals(original, of("Ama", "Same words, here"));
        assertNotEquals(original, of("Ama", "Samewords here"));
        assertNotEquals(original, of("Kofi", "Same words here"));
        assertNotEquals(original, DuplicateFingerprint.of("other", null, "Ama", "ama@example.com", "Same words here"));
        assertNotEquals(original, DuplicateFingerprint.of("story", "C-1", "Ama", "ama@example.com", "Same words here"));
    }

    /** The unfolded fingerprint is the one marks held before folding: exact, and never equal to a folded one. */
    @Test
    void unfolded_isExact_andDiffersFromTheFoldedOne() {
        String exact = DuplicateFingerprint.unfolded("story", null, "Ama", "ama@example.com", "same words here");
        assertEquals(Hashes.sha256Hex(String.join("\u0000", "story", "", "Ama", "ama@example.com", "same words here")), exact);
        assertNotEquals(exact, DuplicateFingerprint.unfolded("story", null, "AMA", "ama@example.com", "same words here"));
        assertNotEquals(exact, DuplicateFingerprint.of("story", null, "ama", "ama@example.com", "same words here"));
    }
}
