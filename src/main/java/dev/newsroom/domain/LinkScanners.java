package dev.newsroom.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The three finders of {@code make_clickable}, as hand-written scanners with the same matches as WordPress's
 * patterns: each reads the text left to right, tries a match only where its leading mark is, and reads each
 * character a bounded number of times (the URL's "at most 2,000 characters before white space" is a pointer that
 * only moves forward, not a look-ahead from every start). Text is a list of pieces: strings still to search, and
 * {@link Made} links, never searched again; a piece after a made link starts as if after its {@code >}.
 */
enum LinkScanners {
    /** {@code ([\s(<.,;:!?])(\w{1,20}+://(?=\S{1,2000}\s)URLCHAR*+(?:['.,;:!?)]URLCHAR++)*)(\)?)}. */
    URL {
        @Override
        void scan(String s, boolean afterTag, List<Object> out) {
            int n = s.length();
            int text = 0;
            int space = -1;
            int[] codePoints = null;
            for (int p = 0; p < n; p++) {
                if (!isSpace(s.charAt(p)) && "(<.,;:!?".indexOf(s.charAt(p)) < 0) {
                    continue;
                }
                int scheme = p + 1;
                int k = scheme;
                while (k < n && k - scheme < 20 && isWord(s.charAt(k))) {
                    k++;
                }
                if (k == scheme || !s.startsWith("://", k)) {
                    continue;
                }
                int rest = k + 3;
                if (space < rest) {
                    space = Math.max(space + 1, rest);
                    while (space < n && !isSpace(s.charAt(space))) {
                        space++;
                    }
                }
                if (space == rest || space >= n || space - rest > 4000) {
                    continue;
                }
                if (space - rest > 2000) {
                    codePoints = codePoints == null ? codePointsBefore(s) : codePoints;
                    if (codePoints[space] - codePoints[rest] > 2000) {
                        continue;
                    }
                }
                int urlEnd = urlChars(s, rest);
                while (urlEnd < n && "'.,;:!?)".indexOf(s.charAt(urlEnd)) >= 0 && urlChars(s, urlEnd + 1) > urlEnd + 1) {
                    urlEnd = urlChars(s, urlEnd + 1);
                }
                int end = urlEnd < n && s.charAt(urlEnd) == ')' ? urlEnd + 1 : urlEnd;
                int cut = beforeReference(s, scheme, linkEnd(s, scheme, urlEnd, end));
                String url = s.substring(scheme, cut);
                String scheme0 = url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT);
                String made = scheme0.equals("http") || scheme0.equals("https") ? Clickable.link(url, url) : null;
                if (made != null) {
                    addText(out, s, text, scheme);
                    out.add(new Made(made));
                    text = cut;
                }
                p = end - 1;
            }
            addText(out, s, text, n);
        }
    },
    /** {@code ([\s>])((?:www|ftp)\.[\w\x80-\x{10FFFF}#$%&~/.\-;:=,?@\[\]+]+)}, case-insensitive. */
    WWW {
        @Override
        Match at(String s, int start) {
            if (!(s.regionMatches(true, start, "www.", 0, 4) || s.regionMatches(true, start, "ftp.", 0, 4))) {
                return null;
            }
            int end = start + 4;
            while (end < s.length() && isAddressChar(s.charAt(end)) && !escapedBracket(s, end)) {
                end++;
            }
            if (end == start + 4) {
                return null;
            }
            int cut = ".,;:)".indexOf(s.charAt(end - 1)) >= 0 ? end - 1 : end;
            String address = s.substring(start, cut);
            return new Match(end, cut, Clickable.link("http://" + address, "http://" + address));
        }
    },
    /**
     * {@code ([\s>])([.0-9a-z_+-]+)@((?:[0-9a-z-]{1,63}\.){1,126}[0-9a-z]{2,63})(?![0-9a-z])}, case-insensitive:
     * labels taken greedily, then the top-level label tried after each of them from the last back.
     */
    EMAIL {
        @Override
        Match at(String s, int start) {
            int at = start;
            while (at < s.length() && isLocalChar(s.charAt(at))) {
                at++;
            }
            if (at == start || at >= s.length() || s.charAt(at) != '@') {
                return null;
            }
            int end = domainEnd(s, at + 1);
            if (end < 0) {
                return null;
            }
            String address = s.substring(start, end);
            return new Match(end, end, Clickable.link("mailto:" + address, address));
        }
    };

    /** A match read from {@code start} to {@code end}; its link (null when unsafe) covers the text up to {@code cut}. */
    record Match(int end, int cut, String made) {
    }

    /**
     * The match starting at {@code start}, just after a white space or {@code >}, or null. Only the finders whose
     * pattern starts with {@code [\s>]} have one; the URL finder scans on its own.
     */
    Match at(String s, int start) {
        return null;
    }

    /** A scan for matches after white space or {@code >} (or at the start of a piece that follows a made link). */
    void scan(String s, boolean afterTag, List<Object> out) {
        int text = 0;
        for (int p = afterTag ? -1 : 0; p < s.length(); p++) {
            if (p >= 0 && !isSpace(s.charAt(p)) && s.charAt(p) != '>') {
                continue;
            }
            Match match = at(s, p + 1);
            if (match == null) {
                continue;
            }
            if (match.made() != null) {
                addText(out, s, text, p + 1);
                out.add(new Made(match.made()));
                text = match.cut();
            }
            p = match.end() - 1;
        }
        addText(out, s, text, s.length());
    }

    /** A link made by a scanner: HTML as it is shown, not searched again. */
    record Made(String html) {
        @Override
        public String toString() {
            return html;
        }
    }

    /** The pieces with this scanner's links made in each string piece. */
    List<Object> over(List<Object> pieces) {
        List<Object> out = new ArrayList<>(pieces.size() + 8);
        boolean afterMade = false;
        for (Object piece : pieces) {
            if (piece instanceof Made) {
                out.add(piece);
                afterMade = true;
            } else {
                scan((String) piece, afterMade, out);
                afterMade = false;
            }
        }
        return out;
    }

    private static void addText(List<Object> out, String s, int from, int to) {
        if (to > from) {
            out.add(s.substring(from, to));
        }
    }

    /**
     * Where the link of a URL match ends: WordPress's balancing, so a closing parenthesis taken as group 3 joins
     * the URL when it holds an opening one, and the URL is cut at the last {@code )} while those outnumber
     * {@code (} (each character counted once).
     */
    private static int linkEnd(String s, int start, int urlEnd, int end) {
        int cut = urlEnd;
        for (int i = start; i < urlEnd && cut == urlEnd; i++) {
            cut = s.charAt(i) == '(' ? end : urlEnd;
        }
        int open = 0;
        int close = 0;
        for (int i = start; i < cut; i++) {
            open += s.charAt(i) == '(' ? 1 : 0;
            close += s.charAt(i) == ')' ? 1 : 0;
        }
        while (open < close) {
            int last = s.lastIndexOf(')', cut - 1);
            for (int i = last; i < cut; i++) {
                open -= s.charAt(i) == '(' ? 1 : 0;
                close -= s.charAt(i) == ')' ? 1 : 0;
            }
            cut = last;
        }
        return cut;
    }

    /**
     * A URL that ends inside a character reference ({@code http://a.example&amp;}: its {@code ;} is punctuation,
     * left outside) ends before the reference instead, so the reference is shown whole, after the link.
     */
    private static int beforeReference(String s, int start, int cut) {
        if (cut >= s.length() || s.charAt(cut) != ';') {
            return cut;
        }
        int amp = cut - 1;
        while (amp > start && s.charAt(amp) != '&' && cut - amp <= 40) {
            amp--;
        }
        return amp > start && s.charAt(amp) == '&' && HtmlText.referenceEnd(s, amp) == cut + 1 ? amp : cut;
    }

    /**
     * The end of {@code (?:[0-9a-z-]{1,63}\.){1,126}[0-9a-z]{2,63}(?![0-9a-z])} from {@code from}, or -1. Each label
     * must end at a dot; the top-level label is a whole run of letters and digits (2-63) after one of them.
     */
    private static int domainEnd(String s, int from) {
        int[] labelEnds = new int[126];
        int labels = 0;
        int at = from;
        while (labels < 126) {
            int end = at;
            while (end < s.length() && end - at <= 63 && (isAlnum(s.charAt(end)) || s.charAt(end) == '-')) {
                end++;
            }
            if (end == at || end - at > 63 || end >= s.length() || s.charAt(end) != '.') {
                break;
            }
            at = end + 1;
            labelEnds[labels++] = at;
        }
        for (int taken = labels; taken >= 1; taken--) {
            int top = labelEnds[taken - 1];
            int end = top;
            while (end < s.length() && end - top <= 63 && isAlnum(s.charAt(end))) {
                end++;
            }
            if (end - top >= 2 && end - top <= 63) {
                return end;
            }
        }
        return -1;
    }

    private static int urlChars(String s, int from) {
        int i = from;
        while (i < s.length() && isUrlChar(s.charAt(i)) && !escapedBracket(s, i)) {
            i++;
        }
        return i;
    }

    /**
     * {@code &lt;} or {@code &gt;} at {@code i}: a {@code <} or {@code >} of the text, escaped. A URL or address
     * ends before it, as it ends before the bracket itself in WordPress.
     */
    private static boolean escapedBracket(String s, int i) {
        return s.charAt(i) == '&' && (s.startsWith("&lt;", i) || s.startsWith("&gt;", i));
    }

    private static int[] codePointsBefore(String s) {
        int[] before = new int[s.length() + 1];
        for (int i = 0; i < s.length(); i++) {
            boolean low = Character.isLowSurrogate(s.charAt(i)) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            before[i + 1] = before[i] + (low ? 0 : 1);
        }
        return before;
    }

    /** White space as {@code \s}: space, tab, newline, vertical tab, form feed, carriage return. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    private static boolean isWord(char c) {
        return isAlnum(c) || c == '_';
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isUrlChar(char c) {
        return c >= 0x80 || isWord(c) || "#%~/@[]*(+=&$-".indexOf(c) >= 0;
    }

    private static boolean isAddressChar(char c) {
        return c >= 0x80 || isWord(c) || "#$%&~/.-;:=,?@[]+".indexOf(c) >= 0;
    }

    private static boolean isLocalChar(char c) {
        return isWord(c) || c == '.' || c == '+' || c == '-';
    }
}
