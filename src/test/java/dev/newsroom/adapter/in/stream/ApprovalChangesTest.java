package dev.newsroom.adapter.in.stream;

import dev.newsroom.application.port.ApprovalChange;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ApprovalChangesTest {
    private static Map<String, String> comment(String status, String version) {
        Map<String, String> image = new HashMap<>(Map.of("pk", "COMMENT#c1", "id", "c1", "articleSlug", "a-story",
                "status", status));
        image.put("version", version);
        return image;
    }

    private static Optional<ApprovalChange> of(String event, Map<String, String> before, Map<String, String> after) {
        return ApprovalChanges.of(event, name -> before == null ? null : before.get(name),
                name -> after == null ? null : after.get(name));
    }

    @Test
    void insertApproved_countsOne_insertHeld_countsNothing() {
        assertEquals(Optional.of(new ApprovalChange("c1", "a-story", 1, 1)), of("INSERT", null, comment("approved", "1")));
        assertEquals(Optional.empty(), of("INSERT", null, comment("pending", "1")));
        assertEquals(Optional.empty(), of("INSERT", null, comment("spam", "1")));
    }

    @Test
    void modify_countsOnlyEnteringOrLeavingApproved() {
        assertEquals(Optional.of(new ApprovalChange("c1", "a-story", 2, 1)), of("MODIFY", comment("pending", "1"), comment("approved", "2")));
        assertEquals(Optional.of(new ApprovalChange("c1", "a-story", 3, -1)), of("MODIFY", comment("approved", "2"), comment("trash", "3")));
        assertEquals(Optional.empty(), of("MODIFY", comment("approved", "2"), comment("approved", "3")), "an edit");
        assertEquals(Optional.empty(), of("MODIFY", comment("spam", "2"), comment("trash", "3")));
    }

    @Test
    void removals_andItemsThatAreNotComments_countNothing() {
        assertEquals(Optional.empty(), of("REMOVE", comment("approved", "2"), null));
        Map<String, String> article = new HashMap<>(comment("approved", "1"));
        article.put("pk", "ARTICLE#a-story");
        assertEquals(Optional.empty(), of("INSERT", null, article));
        Map<String, String> noVersion = new HashMap<>(comment("approved", "1"));
        noVersion.remove("version");
        assertEquals(Optional.empty(), of("INSERT", null, noVersion));
    }

    @Test
    void aVersionItsWriterCounted_countsNothing_aLaterVersionCountsAsUsual() {
        Map<String, String> imported = comment("approved", "1");
        imported.put(ApprovalChanges.COUNTED_VERSION, "1");
        assertEquals(Optional.empty(), of("INSERT", null, imported), "the import added it to the count itself");
        Map<String, String> reimported = comment("trash", "2");
        reimported.put(ApprovalChanges.COUNTED_VERSION, "2");
        assertEquals(Optional.empty(), of("MODIFY", imported, reimported));
        Map<String, String> updatedKeepingTheMark = comment("spam", "2");
        updatedKeepingTheMark.put(ApprovalChanges.COUNTED_VERSION, "1");
        assertEquals(Optional.of(new ApprovalChange("c1", "a-story", 2, -1)), of("MODIFY", imported, updatedKeepingTheMark),
                "a write that kept an older version's mark is counted");
    }
}
