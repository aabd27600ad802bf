package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorCodecTest {
    private final CursorCodec codec = new CursorCodec("a-secret-of-enough-length".getBytes(StandardCharsets.UTF_8));
    private final Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("COMMENT#1"),
            "sk", AttributeValue.fromS("C"), "gsi1pk", AttributeValue.fromS("T#a#approved"), "gsi1sk", AttributeValue.fromS("1"));

    @Test
    void decode_ofOwnCursor_givesTheKeyBack() {
        String cursor = codec.encode("gsi1|T#a#approved|asc", key);
        assertEquals(key, codec.decode("gsi1|T#a#approved|asc", cursor, key.keySet()));
    }

    @Test
    void decode_ofCursorForAnotherList_isInvalidCursor() {
        String cursor = codec.encode("gsi1|T#a#approved|asc", key);
        assertInvalid("gsi1|T#b#approved|asc", cursor);
        assertInvalid("gsi1|T#a#approved|desc", cursor);
        assertInvalid("gsi1|T#a#pending|asc", cursor);
    }

    @Test
    void decode_ofTamperedOrInventedCursor_isInvalidCursor() {
        String cursor = codec.encode("l", key);
        String forgedBody = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("pk=COMMENT%232&sk=C&gsi1pk=T%23b%23pending&gsi1sk=2".getBytes(StandardCharsets.UTF_8));
        assertInvalid("l", forgedBody + cursor.substring(cursor.indexOf('.')));
        for (String junk : new String[]{"", ".", "abc", "abc.def", "%%%.***", "a".repeat(5000), cursor + "x"}) {
            assertInvalid("l", junk);
        }
        CursorCodec otherSecret = new CursorCodec("another-secret-of-enough-length".getBytes(StandardCharsets.UTF_8));
        assertInvalid("l", otherSecret.encode("l", key));
    }

    @Test
    void decode_withUnexpectedKeyAttributes_isInvalidCursor() {
        String cursor = codec.encode("l", Map.of("pk", AttributeValue.fromS("x")));
        ServiceException e = assertThrows(ServiceException.class, () -> codec.decode("l", cursor, Set.of("pk", "sk")));
        assertEquals(ErrorCode.INVALID_CURSOR, e.code());
    }

    private void assertInvalid(String list, String cursor) {
        ServiceException e = assertThrows(ServiceException.class, () -> codec.decode(list, cursor, key.keySet()));
        assertEquals(ErrorCode.INVALID_CURSOR, e.code());
    }
}
