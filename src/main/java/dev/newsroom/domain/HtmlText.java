package dev.newsroom.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escaping, character references and link targets for HTML this service writes itself. What it escapes, a browser
 * reads back as exactly the string given: no reference is left for the browser to decode that was not checked here.
 */
public final class HtmlText {
    /** The patterns and names, loaded when text first holds a reference or a link is checked (not for plain text). */
    private static final class Patterns {
        static final Pattern REFERENCE = Pattern.compile("&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{0,31}));");
        static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):");
        /** Named references decoded in attribute values: those that can spell a scheme, a separator or markup. */
        static final Map<String, String> NAMED = Map.ofEntries(
                Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
                Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"), Map.entry("colon", ":"), Map.entry("Tab", "\t"),
                Map.entry("NewLine", "\n"), Map.entry("sol", "/"), Map.entry("bsol", "\\"), Map.entry("period", "."),
                Map.entry("comma", ","), Map.entry("semi", ";"), Map.entry("num", "#"), Map.entry("quest", "?"),
                Map.entry("equals", "="), Map.entry("excl", "!"), Map.entry("lpar", "("), Map.entry("rpar", ")"),
                Map.entry("percnt", "%"), Map.entry("commat", "@"), Map.entry("plus", "+"), Map.entry("dollar", "$"),
                Map.entry("lowbar", "_"), Map.entry("grave", "`"));
    }

    private HtmlText() {
    }

    /**
     * Text as HTML: {@code <} and {@code >} escaped, and {@code &} unless it starts a well-formed character
     * reference to a character HTML allows (so {@code &eacute;} still shows é, as in WordPress).
     */
    static String escapeText(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append(referenceAt(text, i) ? "&" : "&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Every character that could start markup, end a quoted attribute or start a reference escaped: safe anywhere. */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#039;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * An attribute value as a browser reads it: numeric references, and the named ones that matter for links,
     * decoded. Any other reference stays as written, and {@link #escape} later keeps it literal.
     */
    static String decode(String value) {
        if (value.indexOf('&') < 0) {
            return value;
        }
        Matcher m = Patterns.REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder(value.length());
        while (m.find()) {
            String replacement;
            if (m.group(3) != null) {
                replacement = Patterns.NAMED.getOrDefault(m.group(3), m.group());
            } else {
                int code = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
                boolean character = Character.isValidCodePoint(code) && code != 0
                        && !(code >= Character.MIN_SURROGATE && code <= Character.MAX_SURROGATE);
                replacement = character ? Character.toString(code) : "\ufffd";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A link target a reader may follow: an absolute {@code http}, {@code https} or {@code mailto} URL, after
     * removing what a browser ignores in one (tabs and newlines anywhere, controls and spaces at the ends).
     * Relative URLs, other schemes ({@code javascript:}, {@code data:}, ...) and other control characters: empty.
     */
    static Optional<String> safeUrl(String decoded) {
        String url = strip(decoded.replace("\t", "").replace("\n", "").replace("\r", ""));
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.empty();
            }
        }
        Matcher scheme = Patterns.SCHEME.matcher(url);
        if (!scheme.find()) {
            return Optional.empty();
        }
        return switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
            case "http", "https", "mailto" -> Optional.of(url);
            default -> Optional.empty();
        };
    }

    private static String strip(String url) {
        int start = 0;
        int end = url.length();
        while (start < end && url.charAt(start) <= 0x20) {
            start++;
        }
        while (end > start && url.charAt(end - 1) <= 0x20) {
            end--;
        }
        return url.substring(start, end);
    }

    private static boolean referenceAt(String text, int at) {
        Matcher m = Patterns.REFERENCE.matcher(text).region(at, Math.min(text.length(), at + 40));
        if (!m.lookingAt()) {
            return false;
        }
        if (m.group(3) != null) {
            return true;
        }
        long code = m.group(1) != null ? Long.parseLong(m.group(1)) : Long.parseLong(m.group(2), 16);
        return code == 0x9 || code == 0xa || code == 0xd || (code >= 0x20 && code <= 0xd7ff)
                || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    }
}
