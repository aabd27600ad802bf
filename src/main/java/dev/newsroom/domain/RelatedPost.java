package dev.newsroom.domain;

/** A related post shown under an article, with its short excerpt. */
public record RelatedPost(String slug, String title, String excerpt) {
}
