package dev.newsroom.domain;

/**
 * {@link AutoParagraphs} (WordPress's {@code wpautop}) for the HTML a comment is made into, in two passes that read
 * each character a bounded number of times. A comment's HTML holds only the allowed comment tags, so of wpautop's
 * blocks only {@code <blockquote>} occurs, and no {@code <pre>}, {@code <br>}, HTML comment or raw text element:
 * blank lines (outside tags) end paragraphs, a paragraph break is forced before each {@code <blockquote>} and after
 * each {@code </blockquote>}, a paragraph holding only white space is dropped (only the first can be: its newline
 * stays, as a {@code <br />} before a blockquote's tag), a blockquote's tags stand outside
 * the paragraphs they hold, and other newlines become {@code <br />} except at the start or end of a paragraph.
 * {@code CommentHtmlTest} holds it equal to {@link AutoParagraphs} on random comments.
 */
final class CommentParagraphs {
    private static final String OPEN = "<blockquote";
    private static final String CLOSE = "</blockquote>";

    private CommentParagraphs() {
    }

    static String apply(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String text = withBlockBreaks(html.replace("\r\n", "\n").replace('\r', '\n') + "\n");
        StringBuilder out = new StringBuilder(text.length() + text.length() / 8 + 16);
        int part = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '<') {
                i = tagEnd(text, i);
                continue;
            }
            if (!LinkScanners.isSpace(c)) {
                i++;
                continue;
            }
            int first = -1;
            int last = -1;
            for (; i < text.length() && LinkScanners.isSpace(text.charAt(i)); i++) {
                if (text.charAt(i) == '\n') {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            if (first >= 0 && first < last) {
                paragraph(out, text, part, first);
                part = last + 1;
            }
        }
        paragraph(out, text, part, text.length());
        if (out.length() > 0 && out.charAt(0) == '\n' && !(out.indexOf("<p>", 1) == 1)) {
            out.insert(0, "<br />"); // a blank first part before a blockquote's tag: wpautop's break stays
        }
        return out.toString();
    }

    /** Two newlines before each {@code <blockquote>} and after each {@code </blockquote>}. */
    private static String withBlockBreaks(String html) {
        if (!html.contains(OPEN)) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length() + 64);
        int i = 0;
        int lt = html.indexOf('<');
        while (lt >= 0) {
            int end = tagEnd(html, lt);
            out.append(html, i, lt);
            if (isOpen(html, lt, end)) {
                out.append("\n\n");
            }
            out.append(html, lt, end);
            if (html.startsWith(CLOSE, lt)) {
                out.append("\n\n");
            }
            i = end;
            lt = html.indexOf('<', end);
        }
        return out.append(html, i, html.length()).toString();
    }

    /** One part between paragraph breaks, newlines at its ends trimmed, as wpautop leaves it. */
    private static void paragraph(StringBuilder out, String text, int from, int to) {
        while (from < to && text.charAt(from) == '\n') {
            from++;
        }
        while (to > from && text.charAt(to - 1) == '\n') {
            to--;
        }
        if (from == to) {
            return;
        }
        int open = isOpen(text, from, to) ? tagEnd(text, from) : from;
        int close = to - from >= CLOSE.length() && text.startsWith(CLOSE, to - CLOSE.length())
                && to - CLOSE.length() >= open ? to - CLOSE.length() : to;
        out.append(text, from, open);
        if (!blank(text, open, close)) {
            out.append("<p>");
            lineBreaks(out, text, open, close);
            out.append("</p>");
        }
        out.append(text, close, to).append('\n');
    }

    /**
     * The text with each run of white space that holds a newline made {@code <br />}, a newline and what followed
     * that newline in the run; at the start or end of the paragraph only the newline and what followed.
     */
    private static void lineBreaks(StringBuilder out, String text, int from, int to) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '<') {
                int end = Math.min(tagEnd(text, i), to);
                out.append(text, i, end);
                i = end;
                continue;
            }
            if (!LinkScanners.isSpace(c)) {
                out.append(c);
                i++;
                continue;
            }
            int run = i;
            int last = -1;
            for (; i < to && LinkScanners.isSpace(text.charAt(i)); i++) {
                last = text.charAt(i) == '\n' ? i : last;
            }
            if (last < 0) {
                out.append(text, run, i);
            } else {
                out.append(run == from || i == to ? "\n" : "<br />\n").append(text, last + 1, i);
            }
        }
    }

    private static boolean blank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!LinkScanners.isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a {@code <blockquote} tag starts at {@code lt}, as wpautop's block pattern sees one. */
    private static boolean isOpen(String text, int lt, int to) {
        int after = lt + OPEN.length();
        if (after >= to || !text.startsWith(OPEN, lt)) {
            return false;
        }
        char c = text.charAt(after);
        return LinkScanners.isSpace(c) || c == '/' || c == '>';
    }

    /** The end (after {@code >}) of the tag at {@code lt}, or the end of the text when it has none. */
    private static int tagEnd(String text, int lt) {
        int gt = text.indexOf('>', lt);
        return gt < 0 ? text.length() : gt + 1;
    }
}
