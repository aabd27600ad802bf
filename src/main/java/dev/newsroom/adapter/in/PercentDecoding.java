package dev.newsroom.adapter.in;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one percent-decoder of the service (path parameters, form fields, and the local gateway's query strings):
 * {@code %XX} escapes to bytes, the bytes read strictly in a charset (UTF-8 unless a form declared another);
 * {@code +} is a space in form and query encoding and itself in a path. A broken escape or bytes that are not
 * valid in the charset make it throw {@link IllegalArgumentException}.
 */
public final class PercentDecoding {
    private PercentDecoding() {
    }

    /** {@code encoded} decoded as UTF-8; throws {@link IllegalArgumentException} for a broken escape or invalid UTF-8. */
    public static String decode(String encoded, boolean plusIsSpace) {
        return decode(encoded.getBytes(StandardCharsets.UTF_8), plusIsSpace, StandardCharsets.UTF_8);
    }

    /**
     * Raw {@code encoded} bytes (an ASCII-compatible encoding, as forms are sent) with their escapes undone, then
     * read in {@code charset}; throws {@link IllegalArgumentException} for a broken escape or bytes {@code charset}
     * does not map.
     */
    public static String decode(byte[] encoded, boolean plusIsSpace, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length);
        for (int i = 0; i < encoded.length; i++) {
            byte b = encoded[i];
            if (b == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (b == '%') {
                int hi = i + 2 < encoded.length ? hexDigit(encoded[i + 1]) : -1;
                int lo = i + 2 < encoded.length ? hexDigit(encoded[i + 2]) : -1;
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("broken percent-escape");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not " + charset.name(), e);
        }
    }

    private static int hexDigit(byte b) {
        return b >= '0' && b <= '9' ? b - '0' : b >= 'a' && b <= 'f' ? b - 'a' + 10 : b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
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
