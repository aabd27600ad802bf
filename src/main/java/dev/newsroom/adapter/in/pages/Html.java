package dev.newsroom.adapter.in.pages;

import dev.newsroom.domain.HtmlText;

/** The one escaper of the pages: the domain's {@link HtmlText#escape}, with null written as nothing. */
final class Html {
    private Html() {
    }

    static String esc(String value) {
        return value == null ? "" : HtmlText.escape(value);
    }
}
