package dev.newsroom.domain;

/** A "See also" link to another article. */
public record ArticleLink(String slug, String title) {
}
