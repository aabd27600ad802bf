package dev.newsroom.application.port;

import java.util.Locale;
import java.util.Optional;

/**
 * What the spam service last believed about one comment: {@link #SPAM}, {@link #HAM}, or {@link #ERROR} when it
 * gave no answer in time (the comment was held, and the service's opinion is unknown).
 */
public enum SpamVerdict {
    SPAM, HAM, ERROR;

    /** The lower-case name used in storage and logs. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; empty for anything else (including {@code null}). */
    public static Optional<SpamVerdict> parse(String wire) {
        for (SpamVerdict v : values()) {
            if (v.wire().equals(wire)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
