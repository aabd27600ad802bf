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
    void avatarHash_isSha256OfTrimmedLowerCasedEmail() {
        assertEquals(SHA256_OF_ABC, Hashes.avatarHash("  ABC "));
    }
}
