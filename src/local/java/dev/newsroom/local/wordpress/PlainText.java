package dev.newsroom.local.wordpress;

import org.jsoup.Jsoup;

/**
 * Text WordPress keeps as HTML (titles, names, captions) made plain, as its {@code the_title_attribute} does: tags
 * removed, character references decoded exactly once (so {@code &amp;amp;} reads {@code &amp;}), spaces collapsed.
 */
final class PlainText {
    private PlainText() {
    }

    static String of(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html.strip().replaceAll("\\s+", " ");
        }
        return Jsoup.parseBodyFragment(html).body().text().strip();
    }
}
