package dev.newsroom.domain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * WordPress's filter of comment HTML ({@code wp_kses} with its allowed comment tags, then balanced tags), done by
 * rebuilding: each allowed tag is written anew from the attributes parsed out of it, each other tag and each HTML
 * comment is removed (its text stays), and every other character is text, escaped. A tag that the input ends
 * inside (no {@code >}, or a quote never closed) makes the rest of the input text: no later tag is looked for,
 * so each character is read a bounded number of times however the input is built. A link keeps its {@code href}
 * only for an {@code http}, {@code https} or {@code mailto} target, and an {@code <a>} without one is removed.
 * Tags are balanced as WordPress's {@code force_balance_tags} balances them: an end tag closes what is open down to
 * its element (one with nothing open is dropped), a tag opened again right inside itself closes the first
 * ({@code <b>x<b>y</b>z</b>} is {@code <b>x</b><b>y</b>z}; only {@code blockquote} and {@code q} nest), a
 * self-closed {@code <b/>} is closed at once, and all are closed at the end, so nothing spills out of a comment.
 * A link never holds another: a new {@code <a>} first closes the open one (WordPress's output would nest them,
 * which a browser splits the same way). {@code </ b>} (a space after the slash) is an end tag, as in WordPress.
 */
final class CommentTags {
    /** WordPress's allowed comment tags and, for each, its allowed attributes. */
    private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("a", List.of("href", "title")), Map.entry("abbr", List.of("title")),
            Map.entry("acronym", List.of("title")), Map.entry("b", List.of()),
            Map.entry("blockquote", List.of("cite")), Map.entry("cite", List.of()), Map.entry("code", List.of()),
            Map.entry("del", List.of("datetime")), Map.entry("em", List.of()), Map.entry("i", List.of()),
            Map.entry("q", List.of("cite")), Map.entry("s", List.of()), Map.entry("strike", List.of()),
            Map.entry("strong", List.of()));
    /** The allowed tags WordPress's {@code force_balance_tags} lets nest in themselves; the others it closes first. */
    private static final List<String> NESTABLE = List.of("blockquote", "q");
    /** Attributes holding a URL, checked as a link target. */
    private static final List<String> URL_ATTRIBUTES = List.of("href", "cite");

    private final String source;
    private final StringBuilder out;
    private final Deque<String> open = new ArrayDeque<>();
    /** How many of each element are open: whether one is, without walking a deep stack. */
    private final Map<String, Integer> openCounts = new HashMap<>();

    private CommentTags(String source) {
        this.source = source;
        this.out = new StringBuilder(source.length() + 32);
    }

    static String rebuild(String content) {
        return new CommentTags(content).run();
    }

    private String run() {
        int text = 0;
        int lastGt = source.lastIndexOf('>');
        boolean commentsEnd = true;
        int at = source.indexOf('<');
        while (at >= 0 && at < lastGt) {
            int end = -1;
            Tag tag = null;
            if (source.startsWith("<!--", at)) {
                int close = commentsEnd ? source.indexOf("-->", at + 4) : -1;
                commentsEnd = close >= 0;
                end = close < 0 ? -1 : close + 3;
            } else if (startsTag(at)) {
                tag = Tag.parse(source, at);
                if (tag == null) {
                    break; // a tag the input ends inside: a browser reads the rest as part of it, so no tag follows
                }
                end = tag.end();
            }
            if (end < 0) {
                at = source.indexOf('<', at + 1);
                continue;
            }
            out.append(HtmlText.escapeText(source.substring(text, at)));
            if (tag != null) {
                tag(tag);
            }
            text = end;
            at = source.indexOf('<', end);
        }
        out.append(HtmlText.escapeText(source.substring(text)));
        while (!open.isEmpty()) {
            out.append("</").append(close()).append('>');
        }
        return out.toString();
    }

    /**
     * A {@code <} followed by a letter, or by {@code /}, spaces (as WordPress reads an end tag) and a letter, starts
     * a tag; any other is text.
     */
    private boolean startsTag(int lt) {
        int name = lt + 1;
        if (name < source.length() && source.charAt(name) == '/') {
            name = Tag.skipSpaces(source, name + 1);
        }
        return name < source.length() && isAsciiLetter(source.charAt(name));
    }

    private void tag(Tag tag) {
        List<String> allowedAttributes = ALLOWED.get(tag.name);
        if (allowedAttributes == null) {
            return;
        }
        if (tag.closing) {
            if (isOpen(tag.name)) {
                closeDownTo(tag.name);
            }
            return;
        }
        Map<String, String> kept = allowedAttributes.isEmpty() ? Map.of() : new LinkedHashMap<>();
        for (String name : allowedAttributes) {
            Optional<String> value = Optional.ofNullable(tag.attributes.get(name)).map(HtmlText::decode);
            if (URL_ATTRIBUTES.contains(name)) {
                value = value.flatMap(HtmlText::safeUrl);
            }
            value.ifPresent(v -> kept.put(name, v));
        }
        if (tag.name.equals("a") && !kept.containsKey("href")) {
            return;
        }
        if (isOpen(tag.name) && (tag.name.equals("a") || !NESTABLE.contains(tag.name) && open.peek().equals(tag.name))) {
            closeDownTo(tag.name);
        }
        if (tag.name.equals("a")) {
            out.append(CommentHtml.linkStart(kept.get("href"), kept.get("title")));
        } else {
            out.append('<').append(tag.name);
            kept.forEach((name, value) -> out.append(' ').append(name).append("=\"")
                    .append(HtmlText.escape(value)).append('"'));
            out.append('>');
        }
        if (tag.selfClosing) {
            out.append("</").append(tag.name).append('>');
            return;
        }
        open.push(tag.name);
        openCounts.merge(tag.name, 1, Integer::sum);
    }

    /** Closes the open elements down to and including the innermost {@code name}. */
    private void closeDownTo(String name) {
        String closed;
        do {
            closed = close();
            out.append("</").append(closed).append('>');
        } while (!closed.equals(name));
    }

    private boolean isOpen(String name) {
        return openCounts.getOrDefault(name, 0) > 0;
    }

    private String close() {
        String name = open.pop();
        openCounts.merge(name, -1, Integer::sum);
        return name;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * A start or end tag as an HTML tokenizer reads it: name lower-cased, the first value of each attribute, and
     * where it ends (after its {@code >}). Quotes count only around a value, as in a browser.
     */
    private record Tag(String name, boolean closing, boolean selfClosing, Map<String, String> attributes, int end) {
        /** The tag starting at {@code lt} (a {@code <} before a letter or {@code /} and a letter); null when unended. */
        static Tag parse(String s, int lt) {
            boolean closing = s.charAt(lt + 1) == '/';
            int i = closing ? skipSpaces(s, lt + 2) : lt + 1;
            int nameEnd = until(s, i, " \t\n\r\f/>");
            String name = s.substring(i, nameEnd).toLowerCase(Locale.ROOT);
            Map<String, String> attributes = null;
            boolean slash = false;
            i = nameEnd;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '>') {
                    return new Tag(name, closing, !closing && slash, attributes == null ? Map.of() : attributes, i + 1);
                }
                if (isSpace(c) || c == '/') {
                    slash = c == '/';
                    i++;
                    continue;
                }
                slash = false;
                int attributeEnd = until(s, i + 1, " \t\n\r\f/>=");
                String attribute = s.substring(i, attributeEnd).toLowerCase(Locale.ROOT);
                i = skipSpaces(s, attributeEnd);
                String value = "";
                if (i < s.length() && s.charAt(i) == '=') {
                    i = skipSpaces(s, i + 1);
                    if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                        int close = s.indexOf(s.charAt(i), i + 1);
                        if (close < 0) {
                            return null;
                        }
                        value = s.substring(i + 1, close);
                        i = close + 1;
                    } else {
                        int valueEnd = until(s, i, " \t\n\r\f>");
                        value = s.substring(i, valueEnd);
                        i = valueEnd;
                    }
                }
                attributes = attributes == null ? new LinkedHashMap<>() : attributes;
                attributes.putIfAbsent(attribute, value);
            }
            return null;
        }

        private static int until(String s, int i, String stops) {
            while (i < s.length() && stops.indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return i;
        }

        static int skipSpaces(String s, int i) {
            while (i < s.length() && isSpace(s.charAt(i))) {
                i++;
            }
            return i;
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        }
    }
}
