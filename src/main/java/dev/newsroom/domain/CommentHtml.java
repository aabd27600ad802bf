package dev.newsroom.domain;

/**
 * A comment's text as HTML for display: every character escaped, blank lines into paragraphs and single newlines
 * into {@code <br />}. Pure and total: any string gives safe HTML.
 */
public final class CommentHtml {
    private CommentHtml() {
    }

    public static String format(String content) {
        if (content == null || content.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : content.strip().split("\n\\s*\n")) {
            html.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br />\n")).append("</p>\n");
        }
        return html.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#039;");
    }
}
