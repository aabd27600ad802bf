package dev.newsroom.adapter.in;

import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventBodyTest {
    private static final ServiceException TOO_LARGE = new ServiceException(ErrorCode.PAYLOAD_TOO_LARGE, "too large");

    private static byte[] read(String body, boolean base64, int max) {
        return EventBody.bytes(body, base64, max, () -> TOO_LARGE, "not base64");
    }

    @Test
    void noBody_isEmpty_textIsItsUtf8Bytes_andBase64IsDecoded() {
        assertArrayEquals(new byte[0], read(null, false, 10));
        assertArrayEquals("é".getBytes(StandardCharsets.UTF_8), read("é", false, 10));
        String encoded = Base64.getEncoder().encodeToString(new byte[]{(byte) 0xE9, 'a'});
        assertArrayEquals(new byte[]{(byte) 0xE9, 'a'}, read(encoded, true, 10));
    }

    @Test
    void theLimitIsOnTheDecodedBytes_exactlyTheLimitIsTaken_oneMoreIsRefused() {
        assertEquals(4, read("éé", false, 4).length); // two characters, four bytes
        assertEquals(TOO_LARGE, assertThrows(ServiceException.class, () -> read("ééa", false, 4)));
        String fiveBytes = Base64.getEncoder().encodeToString(new byte[5]);
        assertEquals(5, read(fiveBytes, true, 5).length);
        assertEquals(TOO_LARGE, assertThrows(ServiceException.class, () -> read(fiveBytes, true, 4)));
    }

    @Test
    void aBodyOverTwiceTheLimitIsRefusedBeforeDecoding_andBrokenBase64IsAMalformedBody() {
        assertEquals(TOO_LARGE, assertThrows(ServiceException.class, () -> read("!".repeat(21), true, 10)));
        ServiceException broken = assertThrows(ServiceException.class, () -> read("QUJ=Q", true, 10)); // padding before the end
        assertEquals(ErrorCode.MALFORMED_BODY, broken.code());
        assertEquals("not base64", broken.getMessage());
    }
}
