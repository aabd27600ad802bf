package dev.newsroom.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comment's text as WordPress shows it ({@code comment_text}): only WordPress's allowed comment tags, rebuilt
 * from their parsed attributes (other tags removed, their text kept, everything else escaped), bare URLs, {@code
 * www.} addresses and emails made into links, blank lines into paragraphs and other newlines into {@code <br />}.
 * Every link is {@code rel="nofollow ugc"} and goes to an {@code http}, {@code https} or {@code mailto} URL. Pure,
 * total and written by hand, so no HTML library is loaded where comments are submitted or read.
 */
public final class CommentHtml {
    private static final Pattern LINK = Pattern.compile("<a [^>]*href", Pattern.CASE_INSENSITIVE);

    private CommentHtml() {
    }

    public static String format(String content) {
        if (content == null || content.isBlank()) {
            return "";
        }
        return AutoParagraphs.apply(Clickable.apply(CommentTags.rebuild(content)));
    }

    /**
     * The links WordPress's {@code check_comment} counts for {@code comment_max_links}: each {@code <a ... href} of
     * the comment as shown, so written links with an allowed target, bare URLs, {@code www.} addresses and email
     * addresses all count, once each; a URL inside {@code <code>} or inside a link's text does not.
     */
    public static int linkCount(String content) {
        Matcher m = LINK.matcher(format(content));
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    /** The opening tag of every link this formatter writes. */
    static String linkStart(String url, String title) {
        StringBuilder tag = new StringBuilder("<a href=\"").append(HtmlText.escape(url)).append('"');
        if (title != null) {
            tag.append(" title=\"").append(HtmlText.escape(title)).append('"');
        }
        return tag.append(" rel=\"nofollow ugc\">").toString();
    }
}
