package dev.newsroom.adapter.in.api;

import java.io.ByteArrayOutputStream;

/**
 * The one percent-decoder of the service (path parameters, form fields, and the local gateway's query strings):
 * {@code %XX} escapes to bytes, read as strict UTF-8; {@code +} is a space in form and query encoding and itself
 * in a path. A broken escape or bytes that are not UTF-8 make it throw {@link IllegalArgumentException}.
 */
public final class PercentDecoding {
    private PercentDecoding() {
    }

    /** {@code encoded} decoded; throws {@link IllegalArgumentException} for a broken escape or invalid UTF-8. */
    public static String decode(String encoded, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c == '%') {
                int hi = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int lo = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("broken percent-escape");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < encoded.length()) {
                    utf8 = encoded.substring(i, i + 2).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(utf8);
            }
        }
        try {
            return ApiRequest.strictUtf8(bytes.toByteArray());
        } catch (RuntimeException notUtf8) {
            throw new IllegalArgumentException("not UTF-8", notUtf8);
        }
    }

    /** {@code encoded} decoded, or as it is when it does not decode (what API Gateway does with such a path). */
    public static String decodeOrKeep(String encoded, boolean plusIsSpace) {
        try {
            return decode(encoded, plusIsSpace);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }
}
