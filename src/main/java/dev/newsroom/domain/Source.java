package dev.newsroom.domain;

/** Where a story comes from ("Source: BBC"); {@code url} may be null. */
public record Source(String name, String url) {
}
