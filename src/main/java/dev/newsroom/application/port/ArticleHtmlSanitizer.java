package dev.newsroom.application.port;

import java.util.List;

/**
 * Cleans editors' article HTML down to the contract's elements and attributes. Used when an article is written,
 * never when one is read: readers get the HTML as stored.
 */
public interface ArticleHtmlSanitizer {
    /**
     * The HTML to store and serve: allowed elements and attributes only (others removed, their text kept; scripts
     * and styles with their content), links only to {@code http}, {@code https} or {@code mailto} targets and
     * {@code rel="noopener"} when they leave the site, images only over {@code https}.
     */
    String sanitize(String html);

    /** The plain text of each block of sanitized HTML, in order, empty ones left out: the article's {@code body}. */
    List<String> paragraphs(String sanitizedHtml);
}
