package dev.newsroom.domain;


/**
 * A comment's text as WordPress shows it ({@code comment_text}): only WordPress's allowed comment tags, rebuilt
 * from their parsed attributes (other tags removed, their text kept, everything else escaped), bare URLs, {@code
 * www.} addresses and emails made into links, blank lines into paragraphs and other newlines into {@code <br />}.
 * Every link is {@code rel="nofollow ugc"} and goes to an {@code http}, {@code https} or {@code mailto} URL. Pure,
 * total and written by hand, so no HTML library is loaded where comments are submitted or read.
 */
public final class CommentHtml {
    private CommentHtml() {
    }

    public static String format(String content) {
        if (content == null || content.isBlank()) {
            return "";
        }
        String html = Clickable.apply(CommentTags.rebuild(content));
        return oneParagraph(html) ? "<p>" + html + "</p>\n" : CommentParagraphs.apply(html);
    }

    /**
     * A comment of one line with no block in it (by far the most common) is one paragraph: what {@link
     * CommentParagraphs} makes of it, without a pass over it.
     * {@code CommentHtmlTest} holds the two equal on random one-line comments.
     */
    static boolean oneParagraph(String html) {
        if (html.isEmpty() || html.contains("<blockquote") || Character.isWhitespace(html.charAt(0))
                || Character.isWhitespace(html.charAt(html.length() - 1))) {
            return false;
        }
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0x0b || c == '\u00a0') {
                return false;
            }
        }
        return true;
    }

    /**
     * The links WordPress's {@code check_comment} counts for {@code comment_max_links}, in the HTML {@link #format}
     * made of a comment: each {@code <a ... href} of the comment as shown, so written links with an allowed target,
     * bare URLs, {@code www.} addresses and email addresses all count, once each; a URL inside {@code <code>} or
     * inside a link's text does not.
     */
    public static int linksIn(String contentHtml) {
        int count = 0;
        int at = contentHtml.indexOf('<');
        while (at >= 0) {
            int next = at + 1;
            if (contentHtml.regionMatches(true, at, "<a ", 0, 3)) {
                int gt = contentHtml.indexOf('>', at + 3);
                int end = gt < 0 ? contentHtml.length() : gt;
                next = end; // a later "<a " before this '>' would look in the same span: none matches there either
                for (int i = end - 4; i >= at + 3; i--) {
                    if (contentHtml.regionMatches(true, i, "href", 0, 4)) {
                        count++;
                        next = i + 4;
                        break;
                    }
                }
            }
            at = contentHtml.indexOf('<', next);
        }
        return count;
    }

    /** The opening tag of every link this formatter writes. */
    static String linkStart(String url, String title) {
        return appendLinkStart(new StringBuilder(url.length() + 48), url, title).toString();
    }

    /** {@link #linkStart}, appended to {@code out}. */
    static StringBuilder appendLinkStart(StringBuilder out, String url, String title) {
        HtmlText.escapeTo(out.append("<a href=\""), url).append('"');
        if (title != null) {
            HtmlText.escapeTo(out.append(" title=\""), title).append('"');
        }
        return out.append(" rel=\"nofollow ugc\">");
    }
}
