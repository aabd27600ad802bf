package dev.newsroom.local.wordpress;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the values WordPress stores with PHP's {@code serialize} (such as {@code _wp_attachment_metadata}): arrays
 * as maps (keys as strings), strings (their declared length in UTF-8 bytes), integers, floats, booleans and null.
 * Objects and anything malformed give null: metadata is a help, never a reason to refuse a post.
 */
final class PhpSerialized {
    private final byte[] in;
    private int at;

    private PhpSerialized(byte[] in) {
        this.in = in;
    }

    /** The value, or null when the text is not one this reads. */
    static Object parse(String serialized) {
        if (serialized == null || serialized.isBlank()) {
            return null;
        }
        try {
            return new PhpSerialized(serialized.strip().getBytes(StandardCharsets.UTF_8)).value();
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    private Object value() {
        char type = (char) in[at];
        if (type == 'N') {
            expect("N;");
            return null;
        }
        at += 2; // the type and its colon
        return switch (type) {
            case 's' -> string();
            case 'i' -> Long.parseLong(until(';'));
            case 'd' -> Double.parseDouble(until(';'));
            case 'b' -> until(';').equals("1");
            case 'a' -> array();
            default -> throw new IllegalArgumentException("not read: " + type);
        };
    }

    private String string() {
        int length = Integer.parseInt(until(':'));
        expect("\"");
        String text = new String(in, at, length, StandardCharsets.UTF_8);
        at += length;
        expect("\";");
        return text;
    }

    private Map<String, Object> array() {
        int size = Integer.parseInt(until(':'));
        expect("{");
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            Object key = value();
            map.put(String.valueOf(key), value());
        }
        expect("}");
        return map;
    }

    private String until(char end) {
        int from = at;
        while (in[at] != end) {
            at++;
        }
        return new String(in, from, at++ - from, StandardCharsets.US_ASCII);
    }

    private void expect(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (in[at++] != text.charAt(i)) {
                throw new IllegalArgumentException("expected " + text);
            }
        }
    }
}
