package dev.newsroom.adapter.in;

import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The one reader of {@code application/x-www-form-urlencoded} bodies, for the API's comment route and the served
 * pages' form alike. A form is read in the charset its {@code Content-Type} declares, else the one its
 * {@code _charset_} field names (what a browser fills in), else UTF-8: older sites post in their page's charset,
 * such as ISO-8859-1 or windows-1252. A charset this service does not know, or one that is not a superset of ASCII
 * as form encoding needs, is {@code unsupported_media_type}; a broken percent-escape, or bytes that are not valid
 * text in the charset, {@code malformed_body}. A field given twice keeps its last value, as PHP does.
 */
public final class FormFields {
    /** The media type of a form body. */
    public static final String FORM = "application/x-www-form-urlencoded";
    private static final String PRINTABLE_ASCII = printableAscii();
    private static final String CHARSET_FIELD = "_charset_";

    private FormFields() {
    }

    /** The fields of {@code body}, sent with {@code declaredCharset} (the {@code Content-Type}'s, or null). */
    public static Map<String, String> read(byte[] body, String declaredCharset) {
        Charset charset = charset(declaredCharset != null ? declaredCharset : charsetField(body));
        Map<String, String> fields = new HashMap<>();
        String bytes = new String(body, StandardCharsets.ISO_8859_1);
        if (bytes.isEmpty()) {
            return fields;
        }
        for (String pair : bytes.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), charset);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), charset);
            fields.put(name, value);
        }
        return fields;
    }

    /** The {@code charset} parameter of a {@code Content-Type}, unquoted; null when it declares none. */
    public static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                String value = parameter.substring(eq + 1).trim();
                boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
                return quoted ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    private static Charset charset(String name) {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            Charset charset = Charset.forName(name);
            if (new String(PRINTABLE_ASCII.getBytes(StandardCharsets.US_ASCII), charset).equals(PRINTABLE_ASCII)) {
                return charset;
            }
        } catch (IllegalArgumentException unknown) {
            // reported below
        }
        throw new ServiceException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Send the form in UTF-8, or declare a charset this service knows, such as ISO-8859-1 or windows-1252.");
    }

    /**
     * The value of HTML's {@code _charset_} field, which a browser fills with the charset it encoded the form in (it
     * sends no charset in the {@code Content-Type}); null when the form has none. Left raw: charset names need no
     * escapes, and a name that is not one is refused as unknown.
     */
    private static String charsetField(byte[] body) {
        String name = null;
        for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            if (pair.startsWith(CHARSET_FIELD + "=")) {
                name = pair.substring(CHARSET_FIELD.length() + 1);
            }
        }
        return name;
    }

    private static String decode(String latin1, Charset charset) {
        try {
            return PercentDecoding.decode(latin1.getBytes(StandardCharsets.ISO_8859_1), true, charset);
        } catch (IllegalArgumentException e) {
            throw ServiceException.malformed("The form data has a broken percent-escape or is not valid "
                    + charset.name() + ".");
        }
    }

    private static String printableAscii() {
        StringBuilder ascii = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            ascii.append(c);
        }
        return ascii.toString();
    }
}
