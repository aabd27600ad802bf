package dev.newsroom.application.port;

import java.util.List;

/**
 * One message to moderators about one article: how many comments wait ({@code held} pending, {@code spam}
 * marked spam) since the last message, and the first lines of some of them ("Name: first line", shortened).
 */
public record ModerationDigest(String articleSlug, int held, int spam, List<String> firstLines) {
    public int total() {
        return held + spam;
    }
}
