package dev.newsroom.domain;

/**
 * An article's lead image: where it is ({@code url}, http or https), its alternative text, an optional caption and
 * credit, and its intrinsic size in pixels, so a page can reserve its space before it loads. {@link ArticleRules}
 * checks every field; {@code caption} and {@code credit} may be null, {@code alt} may be empty (a decorative image).
 */
public record LeadImage(String url, String alt, String caption, String credit, int width, int height) {
}
