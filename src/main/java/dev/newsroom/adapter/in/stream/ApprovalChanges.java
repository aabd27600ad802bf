package dev.newsroom.adapter.in.stream;

import dev.newsroom.application.port.ApprovalChange;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads one change record of the table: a comment item inserted as {@code approved}, or changed into or out of
 * {@code approved}, is a change of its article's count; anything else is none. Works on any record shape
 * through {@code oldImage} and {@code newImage}, the string value of an attribute of each image (null when
 * absent). A comment version whose writer counted it itself (an import: {@link #COUNTED_VERSION} equal to its
 * {@code version}) is none either: its change is already in the count.
 */
public final class ApprovalChanges {
    /**
     * The version of the comment whose approval change its writer applied to the count itself; written by the
     * imports (one sum per article), dropped by any later write of the item, which is then counted as usual.
     */
    public static final String COUNTED_VERSION = "countedVersion";
    private static final String APPROVED = "approved";

    private ApprovalChanges() {
    }

    public static Optional<ApprovalChange> of(String eventName, UnaryOperator<String> oldImage, UnaryOperator<String> newImage) {
        boolean insert = "INSERT".equals(eventName);
        if (!insert && !"MODIFY".equals(eventName)) {
            return Optional.empty();
        }
        String pk = newImage.apply("pk");
        String id = newImage.apply("id");
        String slug = newImage.apply("articleSlug");
        String version = newImage.apply("version");
        if (pk == null || !pk.startsWith("COMMENT#") || id == null || slug == null || version == null
                || version.equals(newImage.apply(COUNTED_VERSION))) {
            return Optional.empty();
        }
        boolean was = !insert && APPROVED.equals(oldImage.apply("status"));
        boolean is = APPROVED.equals(newImage.apply("status"));
        if (was == is) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ApprovalChange(id, slug, Long.parseLong(version), is ? 1 : -1));
        } catch (NumberFormatException notAVersion) {
            // not an item this service wrote: a record that can never be applied must not stop its stream shard
            return Optional.empty();
        }
    }
}
