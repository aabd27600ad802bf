package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Opaque pagination cursors: the last key of a page, signed with HMAC-SHA256 over the list it belongs to.
 * A cursor edited, invented, or issued for another list (another article, status, order or category) is
 * refused with {@code invalid_cursor}; it never reads another list.
 */
public final class CursorCodec {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;
    private static final int MAX_CURSOR_LENGTH = 2048;
    private final SecretKeySpec key;

    public CursorCodec(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the cursor secret needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** A cursor for resuming {@code listId} after {@code lastKey} (string key attributes only). */
    public String encode(String listId, Map<String, AttributeValue> lastKey) {
        StringBuilder payload = new StringBuilder();
        new TreeMap<>(lastKey).forEach((name, value) -> {
            if (payload.length() > 0) {
                payload.append('&');
            }
            payload.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value.s(), StandardCharsets.UTF_8));
        });
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(mac(listId, body));
    }

    /** The key to resume from; null cursor gives null. Checks the signature and the expected key attributes. */
    public Map<String, AttributeValue> decode(String listId, String cursor, Set<String> keyAttributes) {
        if (cursor == null) {
            return null;
        }
        try {
            int dot = cursor.indexOf('.');
            if (cursor.length() > MAX_CURSOR_LENGTH || dot <= 0) {
                throw invalid();
            }
            byte[] body = DECODER.decode(cursor.substring(0, dot));
            byte[] mac = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(mac, mac(listId, body))) {
                throw invalid();
            }
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw invalid();
                }
                key.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        AttributeValue.fromS(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
            }
            if (!key.keySet().equals(keyAttributes)) {
                throw invalid();
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private byte[] mac(String listId, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(listId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(body), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    private static ServiceException invalid() {
        return new ServiceException(ErrorCode.INVALID_CURSOR, "This cursor was not issued for this list.");
    }
}
