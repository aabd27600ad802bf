package dev.newsroom.domain;

import java.util.Locale;
import java.util.Optional;

/** A comment's moderation state, as WordPress has it: only {@link #APPROVED} is ever public. */
public enum CommentStatus {
    PENDING, APPROVED, SPAM, TRASH;

    /** The lower-case name used on the wire and in storage. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; empty for anything else (including {@code null}). */
    public static Optional<CommentStatus> parse(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        for (CommentStatus s : values()) {
            if (s.wire().equals(wire)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
