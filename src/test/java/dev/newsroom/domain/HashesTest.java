package dev.newsroom.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HashesTest {
    private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void sha256Hex_matchesTheStandardTestVector() {
        assertEquals(SHA256_OF_ABC, Hashes.sha256Hex("abc"));
    }

    @Test
    void sha256Hex_ofBytes_isTheHashOfTheTextTheyEncode() {
        assertEquals(SHA256_OF_ABC, Hashes.sha256Hex(new byte[] {'a', 'b', 'c'}));
        String text = "/articles/a/comments\napplication/x-www-form-urlencoded\ncomment=Caf\u00e9 \u2013 \uD83D\uDE00";
        assertEquals(Hashes.sha256Hex(text), Hashes.sha256Hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void avatarHash_isSha256OfTrimmedLowerCasedEmail() {
        assertEquals(SHA256_OF_ABC, Hashes.avatarHash("  ABC "));
    }
}
