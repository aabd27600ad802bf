package dev.newsroom.domain;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscussionSettingsTest {
    @Test
    void defaults_areWordPressDefaults() {
        DiscussionSettings d = DiscussionSettings.defaults();
        assertTrue(d.requireNameEmail());
        assertEquals(15, d.floodSeconds());
        assertEquals(2, d.maxLinks());
        assertEquals(5, d.threadDepth());
        assertTrue(d.requirePreviouslyApproved());
        assertTrue(d.problems().isEmpty());
    }

    @Test
    void problems_listsEveryOutOfRangeValue() {
        var bad = new DiscussionSettings(true, -1, 101, Collections.nCopies(1001, "k"), List.of(" "), false, true, 0, -3, 0);
        assertEquals(List.of("floodSeconds", "maxLinks", "threadDepth", "closeCommentsAfterDays", "moderationKeys",
                "disallowedKeys"), bad.problems().stream().map(FieldError::field).toList());
    }

    @Test
    void problems_whenKeyListsHoldUnpairedSurrogatesOrControls_refusesThem() {
        var bad = new DiscussionSettings(true, 15, 2, List.of("casino\ud800"), List.of("bad\u0000word"), false, true, 5, 0, 0);
        assertEquals(List.of("moderationKeys", "disallowedKeys"), bad.problems().stream().map(FieldError::field).toList());
    }
}
