package dev.newsroom.domain;

import java.util.Locale;
import java.util.Optional;

/** Whether an article is visible to the public: drafts are not found for readers. */
public enum ArticleStatus {
    DRAFT, PUBLISHED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ArticleStatus> parse(String wire) {
        for (ArticleStatus s : values()) {
            if (s.wire().equals(wire)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
