package dev.newsroom.adapter.in.stream;

import dev.newsroom.application.port.HeldComment;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads one change record of the table: a comment item inserted as {@code pending} (held) or {@code spam} is a
 * comment moderators should hear of; anything else (a moderator's later change, a comment brought in by a WordPress
 * import, marked {@code importedFrom}, other items) is none: an import of a site's held comments would otherwise
 * send a digest for each of its articles. Works on
 * any record shape through {@code newImage}, the string value of an attribute (null when absent).
 */
public final class HeldComments {
    /** The attribute the WordPress import writes on each comment item it stores: where the comment came from. */
    public static final String IMPORTED_FROM = "importedFrom";

    private HeldComments() {
    }

    public static Optional<HeldComment> of(String eventName, UnaryOperator<String> newImage) {
        if (!"INSERT".equals(eventName) || newImage.apply(IMPORTED_FROM) != null) {
            return Optional.empty();
        }
        String pk = newImage.apply("pk");
        String id = newImage.apply("id");
        String slug = newImage.apply("articleSlug");
        String status = newImage.apply("status");
        if (pk == null || !pk.startsWith("COMMENT#") || !"C".equals(newImage.apply("sk")) || id == null || slug == null
                || !("pending".equals(status) || "spam".equals(status))) {
            return Optional.empty();
        }
        return Optional.of(new HeldComment(id, slug, "spam".equals(status), newImage.apply("authorName"),
                newImage.apply("content")));
    }
}
