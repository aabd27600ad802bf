package dev.newsroom.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WordPress's comment search: the whole text, any case, in name, email, URL, IP or content. */
class CommentSearchTest {
    private static final Comment C = new Comment("C1", "story", null, 1, "Kwame Mensah", "Kwame@Example.org",
            "https://kwame.example/blog", "Prices of cocoa rose again.\nSee the report.", CommentStatus.PENDING,
            "198.51.100.23", "UA", Instant.EPOCH, Instant.EPOCH, null, null, 1, null, null, false);

    private static boolean finds(String text) {
        return CommentSearch.matches(C, CommentSearch.normalized(text));
    }

    @Test
    void findsTheTextInEachSearchedField_ignoringCase() {
        assertTrue(finds("mensah"));
        assertTrue(finds("kwame@example.ORG"));
        assertTrue(finds("kwame.example/blog"));
        assertTrue(finds("198.51.100"));
        assertTrue(finds("COCOA ROSE"));
        assertTrue(finds("  again.\nSee  ".strip()));
    }

    @Test
    void theWholeTextMustOccur_notEachWordSomewhere() {
        assertFalse(finds("cocoa report"), "WordPress does not split the search into words");
        assertFalse(finds("UA"), "the user agent is not searched");
        assertFalse(finds("story"), "nor the article");
    }

    @Test
    void aBlankSearchFindsNothing_andComposedAndDecomposedAccentsAreTheSame() {
        assertEquals("", CommentSearch.normalized("   "));
        assertFalse(CommentSearch.matches(C, CommentSearch.normalized(" ")));
        Comment accented = new Comment("C2", "story", null, 1, "Ren\u00e9e", null, null, "Caf\u00e9", CommentStatus.PENDING,
                null, null, Instant.EPOCH, Instant.EPOCH, null, null, 1, null, null, false);
        assertTrue(CommentSearch.matches(accented, CommentSearch.normalized("rene\u0301e")));
        assertTrue(CommentSearch.matches(accented, CommentSearch.normalized("CAF\u00c9")));
    }
}
