package dev.newsroom.adapter.in;

import dev.newsroom.domain.ServiceException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The bytes of a gateway event's body, for every function that reads one (the API, and the pages' comment form):
 * base64 undone when the gateway says it is, text as its UTF-8 bytes, and never more than a limit: a body whose
 * text is over twice the limit is refused before it is decoded at all, so a huge body costs no copy.
 */
public final class EventBody {
    private EventBody() {
    }

    /**
     * {@code body} (null is empty) as bytes, at most {@code maxBytes} of them once decoded; throws what
     * {@code tooLarge} gives over the limit, and {@code malformed_body} with {@code notBase64} for broken base64.
     */
    public static byte[] bytes(String body, boolean base64, int maxBytes, Supplier<ServiceException> tooLarge,
                               String notBase64) {
        if (body == null) {
            return new byte[0];
        }
        if (body.length() > maxBytes * 2L) {
            throw tooLarge.get();
        }
        byte[] bytes;
        try {
            bytes = base64 ? Base64.getMimeDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ServiceException.malformed(notBase64);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge.get();
        }
        return bytes;
    }
}
