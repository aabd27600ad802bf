package dev.newsroom.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text rules shared by comments and articles: normalisation (trim, Unicode NFC, CRLF to LF), the control
 * character check, UTF-8 byte lengths, and the email and URL syntax of the contract.
 */
public final class TextRules {
    private static final Pattern EMAIL_LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");

    private TextRules() {
    }

    /** Trimmed, NFC-normalised text with line breaks as {@code \n}; null stays null. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String unified = raw.replace("\r\n", "\n").replace('\r', '\n').strip();
        return isAscii(unified) ? unified : Normalizer.normalize(unified, Normalizer.Form.NFC);
    }

    /** ASCII text is already in NFC: skipping the normaliser keeps its Unicode tables out of most requests. */
    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    public static boolean isBlank(String text) {
        return text == null || text.isEmpty();
    }

    /** True when the text holds a control character other than newline and tab, or a lone surrogate. */
    public static boolean hasForbiddenCharacters(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            } else if (c != '\n' && c != '\t' && Character.getType(c) == Character.CONTROL) {
                return true;
            }
        }
        return false;
    }

    public static int utf8Length(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * At least the UTF-8 bytes {@code text} takes as a JSON string, quotes included (an escaped quote or backslash
     * two, a control character at most six (its escape), any other character its UTF-8 bytes or, for a lone
     * surrogate, the three of a replacement); 4 for null ({@code null}). One pass, no copy.
     */
    public static long jsonStringBytes(String text) {
        if (text == null) {
            return 4;
        }
        long bytes = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                bytes += 2;
            } else if (c < 0x20) {
                bytes += 6;
            } else if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * The contract's address syntax: one {@code @}; a local part of at most 64 characters without spaces or
     * quotes; a domain of letters, digits and hyphens in dot-separated labels, with at least one dot; at most 254 in all.
     */
    public static boolean isValidEmail(String email) {
        if (email == null || email.length() > 254) {
            return false;
        }
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
            return false;
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.length() > 64 || !EMAIL_LOCAL.matcher(local).matches()
                || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.length() > 63 || !DOMAIN_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * An absolute {@code http} or {@code https} URL with a host; {@code javascript:} and friends are not, nor is
     * a URL holding a control character or an unpaired surrogate.
     */
    public static boolean isValidWebUrl(String url) {
        if (url == null || url.isEmpty() || hasForbiddenCharacters(url)
                || url.chars().anyMatch(ch -> ch <= ' ' || ch == '"' || ch == '<' || ch == '>')) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null) {
                return false;
            }
            String lower = scheme.toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            return (lower.equals("http") || lower.equals("https")) && host != null && !host.isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
