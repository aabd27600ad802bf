package dev.newsroom.domain;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress's {@code make_clickable} on HTML: in text outside links and {@code <code>}, bare {@code http(s)://}
 * URLs, {@code www.} and {@code ftp.} addresses (as {@code http://}) and email addresses (as {@code mailto:})
 * become links, with WordPress's rules for where a URL ends (trailing punctuation and unpaired parentheses stay
 * outside). Other schemes stay text.
 */
final class Clickable {
    private static final Pattern TAG = Pattern.compile("<[^<>]+>");

    /** The patterns, compiled when text first holds a mark of one (a class initialised on first use). */
    private static final class Patterns {
        static final String URL_CHAR = "[\\w\\x{80}-\\x{10FFFF}#%~/@\\[\\]*(+=&$-]";
        static final Pattern URL = Pattern.compile("([\\s(<.,;:!?])(\\w{1,20}+://(?=\\S{1,2000}\\s)" + URL_CHAR
                + "*+(?:['.,;:!?)]" + URL_CHAR + "++)*)(\\)?)");
        static final Pattern WWW = Pattern.compile(
                "([\\s>])((?:www|ftp)\\.[\\w\\x{80}-\\x{10FFFF}#$%&~/.\\-;:=,?@\\[\\]+]+)",
                Pattern.CASE_INSENSITIVE);
        /**
         * Each repetition bounded (a label at most 63 characters, at most 126 of them, as DNS allows): Java's regex
         * engine recurses once per repetition of a group, so an unbounded one overflows the stack on a long address.
         */
        static final Pattern EMAIL = Pattern.compile(
                "([\\s>])([.0-9a-z_+-]+)@((?:[0-9a-z-]{1,63}\\.){1,126}[0-9a-z]{2,63})(?![0-9a-z])",
                Pattern.CASE_INSENSITIVE);
    }

    private Clickable() {
    }

    static String apply(String html) {
        StringBuilder out = new StringBuilder(html.length() + 64);
        if (html.indexOf('<') < 0) {
            appendText(out, html, 0); // no tag to step over: the tag pattern is neither compiled nor run
            return out.toString();
        }
        Matcher tags = TAG.matcher(html);
        int text = 0;
        int inside = 0;
        while (tags.find()) {
            appendText(out, html.substring(text, tags.start()), inside);
            String tag = tags.group().toLowerCase(Locale.ROOT);
            if (tag.startsWith("<a ") || tag.equals("<code>")) {
                inside++;
            } else if (inside > 0 && (tag.equals("</a>") || tag.equals("</code>"))) {
                inside--;
            }
            out.append(tags.group());
            text = tags.end();
        }
        appendText(out, html.substring(text), inside);
        return out.toString();
    }

    private static void appendText(StringBuilder out, String text, int inside) {
        if (inside > 0 || text.isEmpty()) {
            out.append(text);
            return;
        }
        String padded = " " + text + " ";
        // Each pattern only where its mark is (patterns compiled on first need): plain text costs no regex at all.
        if (padded.contains("://")) {
            padded = replace(Patterns.URL, padded, Clickable::url);
        }
        String lower = padded.toLowerCase(Locale.ROOT);
        if (lower.contains("www.") || lower.contains("ftp.")) {
            padded = replace(Patterns.WWW, padded, Clickable::www);
        }
        if (padded.indexOf('@') >= 0) {
            padded = replace(Patterns.EMAIL, padded, Clickable::email);
        }
        out.append(padded, 1, padded.length() - 1);
    }

    private static String url(Matcher m) {
        String url = m.group(2);
        String suffix = m.group(3);
        if (suffix.equals(")") && url.indexOf('(') > 0) {
            url += suffix;
            suffix = "";
        }
        // Cut at the last ')' while ')' outnumber '(', counting each character once (linear in the URL).
        int open = count(url, '(');
        int close = count(url, ')');
        int end = url.length();
        while (open < close) {
            int last = url.lastIndexOf(')', end - 1);
            for (int i = last; i < end; i++) {
                char c = url.charAt(i);
                open -= c == '(' ? 1 : 0;
                close -= c == ')' ? 1 : 0;
            }
            end = last;
        }
        suffix = url.substring(end) + suffix;
        url = url.substring(0, end);
        String scheme = url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return m.group();
        }
        String link = link(url, url);
        return link == null ? m.group() : m.group(1) + link + suffix;
    }

    private static String www(Matcher m) {
        String address = m.group(2);
        String suffix = "";
        if (".,;:)".indexOf(address.charAt(address.length() - 1)) >= 0) {
            suffix = address.substring(address.length() - 1);
            address = address.substring(0, address.length() - 1);
        }
        String link = link("http://" + address, "http://" + address);
        return link == null ? m.group() : m.group(1) + link + suffix;
    }

    private static String email(Matcher m) {
        String address = m.group(2) + "@" + m.group(3);
        String link = link("mailto:" + address, address);
        return link == null ? m.group() : m.group(1) + link;
    }

    /** A link to {@code html} (an address as it appears in HTML text) showing {@code shown}; null when unsafe. */
    private static String link(String html, String shown) {
        return HtmlText.safeUrl(HtmlText.decode(html)).map(url -> CommentHtml.linkStart(url, null) + shown + "</a>")
                .orElse(null);
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> replacement) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }
}
