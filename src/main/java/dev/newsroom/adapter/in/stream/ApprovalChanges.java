package dev.newsroom.adapter.in.stream;

import dev.newsroom.application.port.ApprovalChange;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads one change record of the table: a comment item inserted as {@code approved}, or changed into or out of
 * {@code approved}, is a change of its article's count; anything else is none. Works on any record shape
 * through {@code oldImage} and {@code newImage}, the string value of an attribute of each image (null when
 * absent).
 */
public final class ApprovalChanges {
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
        if (pk == null || !pk.startsWith("COMMENT#") || id == null || slug == null || version == null) {
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
