package dev.newsroom.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 fingerprints: avatar hashes and the keys that let storage find a value without holding it. */
public final class Hashes {
    private Hashes() {
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The hex SHA-256 of {@code bytes}; of a text's UTF-8 bytes, the same as {@link #sha256Hex(String)}. */
    public static String sha256Hex(byte[] bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Gravatar's rule: the hex SHA-256 of the trimmed, lower-cased address; empty email gives the hash of "". */
    public static String avatarHash(String email) {
        return sha256Hex(email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
    }
}
