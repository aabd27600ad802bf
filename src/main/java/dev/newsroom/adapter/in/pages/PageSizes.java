package dev.newsroom.adapter.in.pages;

import dev.newsroom.domain.Comment;

/**
 * Upper bounds of the bytes a comment adds to a page (or the fragment) and to a comments' feed, known before
 * anything is written, so a page is cut while it is assembled and never goes past Lambda's response limit (6 MB,
 * with the body inside a JSON string; API Gateway answers 502 beyond it). Bounds, not estimates: the comment's
 * stored view size ({@link Comment#viewBytes}, which holds its formatted HTML as the page writes it), plus every
 * text the markup repeats at six bytes a character (the most any escape makes of one: {@code &#039;} in HTML,
 * a six-character unicode escape in JSON-LD; a character is at most three bytes of UTF-8), plus the markup
 * around them.
 */
final class PageSizes {
    /**
     * The most bytes of comments on one page, fragment or feed: the body travels as a JSON string, where escaping
     * (the markup's quotes, non-ASCII as unicode escapes) can double it, so 1.5 MB of comments, with the article
     * (an item is at most 400 KB), a refused form's text (at most 65,525 bytes, about 400 KB escaped) and the page's
     * own markup, stays under 2.4 MB, and under 5 MB in the response.
     */
    static final long COMMENT_BYTES = 1_500_000;
    private static final long ESCAPED = 6;
    /** A comment's markup without its texts: elements, avatar, date, reply link; its JSON-LD with the text cut short. */
    private static final long THREAD_FRAME = 2_048 + ESCAPED * (JsonLd.MAX_TEXT + 1);
    /** {@code ?cpage=} and the largest page number. */
    private static final long PAGE_QUERY = "?cpage=".length() + 10;
    /** A feed item's elements without their texts. */
    private static final long FEED_FRAME = 512;

    private PageSizes() {
    }

    /**
     * What the comment may add to a thread whose page is at {@code pageUrl}: its HTML as stored, its name five times
     * (author, Reply link's two labels, JSON-LD), its site twice, its id with the page's address in seven places,
     * and the thread page's number in two of them (date link and JSON-LD {@code url}).
     */
    static long inThread(Comment c, String pageUrl) {
        return THREAD_FRAME + c.viewBytes() + ESCAPED * (5L * length(c.authorName()) + 2L * length(c.authorUrl())
                + 7L * (length(c.id()) + pageUrl.length()) + 2L * PAGE_QUERY);
    }

    /** What the comment may add to its article's comments' feed: its text escaped, its name twice, its link (the id twice) and id. */
    static long inFeed(Comment c, String articleUrl) {
        return FEED_FRAME + ESCAPED * (length(c.content()) + 2L * length(c.authorName())
                + 3L * length(c.id()) + articleUrl.length());
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }
}
