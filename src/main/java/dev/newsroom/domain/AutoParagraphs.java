package dev.newsroom.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress's {@code wpautop} (with line breaks on), as the classic editor and comments show text: blank lines
 * become paragraphs, other newlines {@code <br />}, and block-level tags are neither wrapped in a paragraph nor
 * followed by a break; {@code <pre>} blocks are left as they are. It only adds markup: it never checks or escapes
 * what it is given, so give it HTML that is already safe.
 */
public final class AutoParagraphs {
    private static final String BLOCKS = "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol"
            + "|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside"
            + "|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)";
    private static final Pattern DOUBLE_BR = Pattern.compile("<br\\s*/?>\\s*<br\\s*/?>");
    private static final Pattern BLOCK_OPEN = Pattern.compile("(<" + BLOCKS + "[\\s/>])");
    private static final Pattern BLOCK_CLOSE = Pattern.compile("(</" + BLOCKS + ">)");
    private static final Pattern HR = Pattern.compile("(<hr\\s*?/?>)");
    /** A tag or HTML comment (to its end, or to the end of the text when unclosed). */
    private static final Pattern ELEMENT = Pattern.compile("<(?:!--(?:-(?!->)|[^-])*+(?:-->)?|[^>]*>?)");
    private static final String NEWLINE_IN_TAG = " <!-- wpnl --> ";
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Pattern EMPTY_PARAGRAPH = Pattern.compile("<p>\\s*</p>");
    private static final Pattern UNCLOSED_IN_BLOCK = Pattern.compile("<p>([^<]+)</(div|address|form)>");
    private static final Pattern WRAPPED_BLOCK_TAG = Pattern.compile("<p>\\s*(</?" + BLOCKS + "[^>]*>)\\s*</p>");
    private static final Pattern WRAPPED_LI = Pattern.compile("<p>(<li.+?)</p>");
    private static final Pattern BLOCKQUOTE_IN_P = Pattern.compile("<p><blockquote([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern P_BEFORE_BLOCK_TAG = Pattern.compile("<p>\\s*(</?" + BLOCKS + "[^>]*>)");
    private static final Pattern P_AFTER_BLOCK_TAG = Pattern.compile("(</?" + BLOCKS + "[^>]*>)\\s*</p>");
    private static final Pattern RAW_TEXT = Pattern.compile("<(script|style|svg).*?</\\1>", Pattern.DOTALL);
    private static final String KEPT_NEWLINE = "<WPPreserveNewline />";
    private static final Pattern BR_AFTER_BLOCK_TAG = Pattern.compile("(</?" + BLOCKS + "[^>]*>)\\s*<br />");
    private static final Pattern BR_BEFORE_BLOCK_TAG = Pattern.compile(
            "<br />(\\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)");

    private static final Pattern LAST_PARAGRAPH_NEWLINE = Pattern.compile("\n</p>$");

    private AutoParagraphs() {
    }

    public static String apply(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Map<String, String> preBlocks = new LinkedHashMap<>();
        String text = setAsidePre(html + "\n", preBlocks);
        text = DOUBLE_BR.matcher(text).replaceAll("\n\n");
        text = BLOCK_OPEN.matcher(text).replaceAll("\n\n$1");
        text = BLOCK_CLOSE.matcher(text).replaceAll("$1\n\n");
        text = HR.matcher(text).replaceAll("$1\n\n");
        text = text.replace("\r\n", "\n").replace("\r", "\n");
        text = newlinesInTags(text);
        text = collapseAroundInnerTags(text);
        text = text.replaceAll("\\n\\n+", "\n\n");
        StringBuilder paragraphs = new StringBuilder(text.length() + 64);
        for (String part : PARAGRAPH_BREAK.split(text)) {
            if (!part.isEmpty()) {
                paragraphs.append("<p>").append(trimNewlines(part)).append("</p>\n");
            }
        }
        text = EMPTY_PARAGRAPH.matcher(paragraphs).replaceAll("");
        text = UNCLOSED_IN_BLOCK.matcher(text).replaceAll("<p>$1</p></$2>");
        text = WRAPPED_BLOCK_TAG.matcher(text).replaceAll("$1");
        text = WRAPPED_LI.matcher(text).replaceAll("$1");
        text = BLOCKQUOTE_IN_P.matcher(text).replaceAll("<blockquote$1><p>");
        text = text.replace("</blockquote></p>", "</p></blockquote>");
        text = P_BEFORE_BLOCK_TAG.matcher(text).replaceAll("$1");
        text = P_AFTER_BLOCK_TAG.matcher(text).replaceAll("$1");
        text = lineBreaks(text);
        text = BR_AFTER_BLOCK_TAG.matcher(text).replaceAll("$1");
        text = BR_BEFORE_BLOCK_TAG.matcher(text).replaceAll("$1");
        text = LAST_PARAGRAPH_NEWLINE.matcher(text).replaceFirst("</p>");
        for (Map.Entry<String, String> pre : preBlocks.entrySet()) {
            text = text.replace(pre.getKey(), pre.getValue());
        }
        return text.replace(NEWLINE_IN_TAG, "\n").replace(NEWLINE_IN_TAG.strip(), "\n");
    }

    /** Each {@code <pre>...</pre>} swapped for a placeholder, to come back untouched at the end. */
    private static String setAsidePre(String text, Map<String, String> preBlocks) {
        if (!text.contains("<pre")) {
            return text;
        }
        String[] parts = text.split("</pre>", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < parts.length - 1; i++) {
            int start = parts[i].indexOf("<pre");
            if (start < 0) {
                out.append(parts[i]);
                continue;
            }
            String placeholder = "<pre wp-pre-tag-" + preBlocks.size() + "></pre>";
            preBlocks.put(placeholder, parts[i].substring(start) + "</pre>");
            out.append(parts[i], 0, start).append(placeholder);
        }
        return out.append(parts[parts.length - 1]).toString();
    }

    private static String newlinesInTags(String text) {
        if (text.indexOf('\n') < 0) {
            return text;
        }
        Matcher m = ELEMENT.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replace("\n", NEWLINE_IN_TAG)));
        }
        return m.appendTail(out).toString();
    }

    /** No paragraphs or breaks around {@code <option>}, inside objects and media, or around a figure's caption. */
    private static String collapseAroundInnerTags(String text) {
        String out = text;
        if (out.contains("<option")) {
            out = out.replaceAll("\\s*<option", "<option").replaceAll("</option>\\s*", "</option>");
        }
        if (out.contains("</object>")) {
            out = out.replaceAll("(<object[^>]*>)\\s*", "$1").replaceAll("\\s*</object>", "</object>")
                    .replaceAll("\\s*(</?(?:param|embed)[^>]*>)\\s*", "$1");
        }
        if (out.contains("<source") || out.contains("<track")) {
            out = out.replaceAll("([<\\[](?:audio|video)[^>\\]]*[>\\]])\\s*", "$1")
                    .replaceAll("\\s*([<\\[]/(?:audio|video)[>\\]])", "$1")
                    .replaceAll("\\s*(<(?:source|track)[^>]*>)\\s*", "$1");
        }
        if (out.contains("<figcaption")) {
            out = out.replaceAll("\\s*(<figcaption[^>]*>)", "$1").replaceAll("</figcaption>\\s*", "</figcaption>");
        }
        return out;
    }

    /**
     * Every newline not already after a {@code <br />} becomes one, the whitespace before it taken in (newlines
     * inside script, style and svg kept as they are). One pass, so long runs of spaces cost no backtracking.
     */
    private static String lineBreaks(String html) {
        Matcher raw = RAW_TEXT.matcher(html);
        StringBuilder kept = new StringBuilder(html.length());
        while (raw.find()) {
            raw.appendReplacement(kept, Matcher.quoteReplacement(raw.group().replace("\n", KEPT_NEWLINE)));
        }
        String text = raw.appendTail(kept).toString().replace("<br>", "<br />").replace("<br/>", "<br />");
        StringBuilder out = new StringBuilder(text.length() + 64);
        int i = 0;
        while (i < text.length()) {
            if (!isSpace(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int runEnd = i;
            int lastNewline = -1;
            while (runEnd < text.length() && isSpace(text.charAt(runEnd))) {
                if (text.charAt(runEnd) == '\n') {
                    lastNewline = runEnd;
                }
                runEnd++;
            }
            if (lastNewline >= 0) {
                int from = endsWithBreak(out) ? i + 1 : i;
                out.append(text, i, from);
                if (from <= lastNewline) {
                    out.append("<br />\n");
                } else {
                    out.append(text, from, lastNewline + 1);
                }
                out.append(text, lastNewline + 1, runEnd);
            } else {
                out.append(text, i, runEnd);
            }
            i = runEnd;
        }
        return out.toString().replace(KEPT_NEWLINE, "\n");
    }

    private static boolean endsWithBreak(StringBuilder out) {
        int at = out.length() - "<br />".length();
        return at >= 0 && out.indexOf("<br />", at) == at;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    private static String trimNewlines(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '\n') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(start, end);
    }
}
