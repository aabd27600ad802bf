package dev.newsroom.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * WordPress's {@code make_clickable} on HTML: in text outside links and {@code <code>}, bare {@code http(s)://}
 * URLs, {@code www.} and {@code ftp.} addresses (as {@code http://}) and email addresses (as {@code mailto:})
 * become links, with WordPress's rules for where a URL ends (trailing punctuation and unpaired parentheses stay
 * outside). Other schemes stay text. URLs are found first, then addresses, then emails, each in the text the
 * earlier ones left (a link made is not searched again, as WordPress's clean-up of links inside links ends up).
 * Written as scanners ({@link LinkScanners}) that read each character a bounded number of times, so the cost is
 * linear in the text however it is built.
 */
final class Clickable {
    private Clickable() {
    }

    static String apply(String html) {
        StringBuilder out = new StringBuilder(html.length() + 64);
        int text = 0;
        int inside = 0;
        int lt = html.indexOf('<');
        while (lt >= 0) {
            int end = tagEnd(html, lt);
            if (end < 0) {
                lt = html.indexOf('<', lt + 1);
                continue;
            }
            appendText(out, html.substring(text, lt), inside);
            if (isTag(html, lt, end, "<a ") || isTag(html, lt, end, "<code>") && end - lt == 6) {
                inside++;
            } else if (inside > 0 && (isTag(html, lt, end, "</a>") && end - lt == 4
                    || isTag(html, lt, end, "</code>") && end - lt == 7)) {
                inside--;
            }
            out.append(html, lt, end);
            text = end;
            lt = html.indexOf('<', end);
        }
        appendText(out, html.substring(text), inside);
        return out.toString();
    }

    /** Whether the tag {@code [lt, end)} starts with {@code start}, in any case. */
    private static boolean isTag(String html, int lt, int end, String start) {
        return end - lt >= start.length() && html.regionMatches(true, lt, start, 0, start.length());
    }

    /** The end (after {@code >}) of the tag at {@code lt}: at least one character, none of them {@code <>}; else -1. */
    private static int tagEnd(String html, int lt) {
        for (int i = lt + 1; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '>') {
                return i > lt + 1 ? i + 1 : -1;
            }
            if (c == '<') {
                return -1;
            }
        }
        return -1;
    }

    private static void appendText(StringBuilder out, String text, int inside) {
        if (inside > 0 || text.isEmpty()) {
            out.append(text);
            return;
        }
        String padded = " " + text + " ";
        List<Object> pieces = new ArrayList<>(List.of(padded));
        // Each scanner only where its mark is: plain text costs one look for each mark.
        if (padded.contains("://")) {
            pieces = LinkScanners.URL.over(pieces);
        }
        String lower = padded.toLowerCase(Locale.ROOT);
        if (lower.contains("www.") || lower.contains("ftp.")) {
            pieces = LinkScanners.WWW.over(pieces);
        }
        if (padded.indexOf('@') >= 0) {
            pieces = LinkScanners.EMAIL.over(pieces);
        }
        StringBuilder joined = new StringBuilder(padded.length() + 64);
        pieces.forEach(joined::append);
        out.append(joined, 1, joined.length() - 1);
    }

    /** A link made of {@code url} (an address as written in HTML text) showing {@code shown}; null when unsafe. */
    static String link(String url, String shown) {
        String safe = HtmlText.safeUrlOrNull(HtmlText.decode(url));
        if (safe == null) {
            return null;
        }
        StringBuilder link = new StringBuilder(safe.length() + shown.length() + 52);
        return CommentHtml.appendLinkStart(link, safe, null).append(shown).append("</a>").toString();
    }
}
