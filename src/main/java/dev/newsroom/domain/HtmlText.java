package dev.newsroom.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Escaping, character references and link targets for HTML this service writes itself. What it escapes, a browser
 * reads back as exactly the string given: no reference is left for the browser to decode that was not checked here.
 */
public final class HtmlText {
    /** Named references decoded in attribute values: those that can spell a scheme, a separator or markup. */
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"), Map.entry("colon", ":"), Map.entry("Tab", "\t"),
            Map.entry("NewLine", "\n"), Map.entry("sol", "/"), Map.entry("bsol", "\\"), Map.entry("period", "."),
            Map.entry("comma", ","), Map.entry("semi", ";"), Map.entry("num", "#"), Map.entry("quest", "?"),
            Map.entry("equals", "="), Map.entry("excl", "!"), Map.entry("lpar", "("), Map.entry("rpar", ")"),
            Map.entry("percnt", "%"), Map.entry("commat", "@"), Map.entry("plus", "+"), Map.entry("dollar", "$"),
            Map.entry("lowbar", "_"), Map.entry("grave", "`"));

    /**
     * The named references kept in text: HTML 4's (and {@code apos}), the names WordPress's filter keeps. Another
     * name ({@code &check;}, new in HTML5) is shown as typed, its {@code &} escaped, as in WordPress.
     */
    private static final Set<String> TEXT_NAMES = Set.of((""
            + "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 "
            + "sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc "
            + "Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve "
            + "Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute "
            + "acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde "
            + "ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml fnof Alpha "
            + "Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho Sigma Tau Upsilon "
            + "Phi Chi Psi Omega alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron "
            + "pi rho sigmaf sigma tau upsilon phi chi psi omega thetasym upsih piv bull hellip prime Prime oline "
            + "frasl weierp image real trade alefsym larr uarr rarr darr harr crarr lArr uArr rArr dArr hArr "
            + "forall part exist empty nabla isin notin ni prod sum minus lowast radic prop infin ang and or cap "
            + "cup int there4 sim cong asymp ne equiv le ge sub sup nsub sube supe oplus otimes perp sdot lceil "
            + "rceil lfloor rfloor lang rang loz spades clubs hearts diams quot amp lt gt apos OElig oelig Scaron "
            + "scaron Yuml circ tilde ensp emsp thinsp zwnj zwj lrm rlm ndash mdash lsquo rsquo sbquo ldquo rdquo "
            + "bdquo dagger Dagger permil lsaquo rsaquo euro").split(" "));

    private HtmlText() {
    }

    /**
     * Text as HTML: {@code <} and {@code >} escaped, and {@code &} unless it starts a well-formed character
     * reference to a character HTML allows, by number or by one of {@link #TEXT_NAMES} (so {@code &eacute;} still
     * shows é, as in WordPress).
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
        return escapeTo(new StringBuilder(value.length() + 16), value).toString();
    }

    /** {@link #escape} of {@code value}, appended to {@code out}. */
    static StringBuilder escapeTo(StringBuilder out, String value) {
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
        return out;
    }

    /**
     * An attribute value as a browser reads it: numeric references, and the named ones that matter for links,
     * decoded. Any other reference stays as written, and {@link #escape} later keeps it literal.
     */
    static String decode(String value) {
        if (value.indexOf('&') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            Reference ref = value.charAt(i) == '&' ? Reference.at(value, i) : null;
            if (ref == null) {
                out.append(value.charAt(i++));
                continue;
            }
            if (ref.name() != null) {
                out.append(NAMED.getOrDefault(ref.name(), value.substring(i, ref.end())));
            } else {
                long code = ref.code();
                boolean character = Character.isValidCodePoint((int) code) && code != 0
                        && !(code >= Character.MIN_SURROGATE && code <= Character.MAX_SURROGATE);
                out.append(character ? Character.toString((int) code) : "\ufffd");
            }
            i = ref.end();
        }
        return out.toString();
    }

    /**
     * A link target a reader may follow: an absolute {@code http}, {@code https} or {@code mailto} URL, after
     * removing what a browser ignores in one (tabs and newlines anywhere, controls and spaces at the ends).
     * Relative URLs, other schemes ({@code javascript:}, {@code data:}, ...) and other control characters: empty.
     */
    static Optional<String> safeUrl(String decoded) {
        return Optional.ofNullable(safeUrlOrNull(decoded));
    }

    /** {@link #safeUrl}, null for empty. */
    static String safeUrlOrNull(String decoded) {
        String url = decoded;
        if (url.indexOf('\t') >= 0 || url.indexOf('\n') >= 0 || url.indexOf('\r') >= 0) {
            url = url.replace("\t", "").replace("\n", "").replace("\r", "");
        }
        url = strip(url);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return null;
            }
        }
        String scheme = scheme(url);
        boolean allowed = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")
                || scheme.equalsIgnoreCase("mailto"));
        return allowed ? url : null;
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

    /** The scheme before the first {@code :} of a URL ({@code [A-Za-z][A-Za-z0-9+.-]*}), or null when none. */
    private static String scheme(String url) {
        if (url.isEmpty() || !isLetter(url.charAt(0))) {
            return null;
        }
        for (int i = 1; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return url.substring(0, i);
            }
            if (!isLetter(c) && !isDigit(c) && c != '+' && c != '.' && c != '-') {
                return null;
            }
        }
        return null;
    }

    /** The end (after its {@code ;}) of the well-formed character reference at {@code amp}, or -1. */
    static int referenceEnd(String text, int amp) {
        Reference ref = Reference.at(text, amp);
        return ref == null ? -1 : ref.end();
    }

    private static boolean referenceAt(String text, int at) {
        Reference ref = Reference.at(text, at);
        if (ref == null) {
            return false;
        }
        if (ref.name() != null) {
            return TEXT_NAMES.contains(ref.name());
        }
        long code = ref.code();
        return code == 0x9 || code == 0xa || code == 0xd || (code >= 0x20 && code <= 0xd7ff)
                || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * A well-formed character reference at an {@code &}: {@code &#} and 1-7 digits, {@code &#x} and 1-6 hex digits,
     * or a name of a letter and up to 31 letters or digits, then {@code ;}. {@code name} is null for a numeric one.
     */
    private record Reference(String name, long code, int end) {
        static Reference at(String s, int amp) {
            int i = amp + 1;
            if (i < s.length() && s.charAt(i) == '#') {
                boolean hex = i + 1 < s.length() && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X');
                int start = hex ? i + 2 : i + 1;
                int end = start;
                while (end < s.length() && end - start <= 7 && (isDigit(s.charAt(end))
                        || (hex && "abcdefABCDEF".indexOf(s.charAt(end)) >= 0))) {
                    end++;
                }
                boolean fits = end > start && end - start <= (hex ? 6 : 7);
                if (!fits || end >= s.length() || s.charAt(end) != ';') {
                    return null;
                }
                return new Reference(null, Long.parseLong(s.substring(start, end), hex ? 16 : 10), end + 1);
            }
            if (i >= s.length() || !isLetter(s.charAt(i))) {
                return null;
            }
            int end = i + 1;
            while (end < s.length() && end - i <= 32 && (isLetter(s.charAt(end)) || isDigit(s.charAt(end)))) {
                end++;
            }
            if (end - i > 32 || end >= s.length() || s.charAt(end) != ';') {
                return null;
            }
            return new Reference(s.substring(i, end), 0, end + 1);
        }
    }
}
