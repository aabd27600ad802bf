package dev.newsroom.local.wordpress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * Comment ids made from the export, never from a clock or a random source, so that importing the same file again
 * names the same comments: a ULID (26 Crockford base-32 characters) whose time part is the comment's date, so the
 * thread sorts by date as it does for comments submitted here, and whose 80 other bits are the start of
 * SHA-256 of the site's URL ({@link WxrSite#url}) and the WordPress comment id. An article's origin, stored with
 * it, is likewise the site's URL and the WordPress post id. A site whose URL changed (moved to https, say), or a
 * comment whose date was changed in WordPress, gives new ids: those comments would come in beside the earlier ones.
 */
public final class ImportIds {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private ImportIds() {
    }

    public static String commentId(String siteUrl, long wordPressId, Instant date) {
        byte[] hash = sha256(siteUrl + "\u0000comment\u0000" + wordPressId);
        long high = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (hash[i] & 0xFF);
        }
        long low = 0;
        for (int i = 5; i < 10; i++) {
            low = (low << 8) | (hash[i] & 0xFF);
        }
        char[] out = new char[26];
        encode(out, 0, Math.max(0, date.toEpochMilli()) & 0xFFFF_FFFF_FFFFL, 10);
        encode(out, 10, high, 8);
        encode(out, 18, low, 8);
        return new String(out);
    }

    /** The post an article is made from: the same on every run, different for every post of every site. */
    static String articleOrigin(String siteUrl, long wordPressPostId) {
        return "post " + wordPressPostId + " of " + siteUrl;
    }

    private static void encode(char[] out, int offset, long value, int chars) {
        for (int i = chars - 1; i >= 0; i--) {
            out[offset + i] = ALPHABET[(int) (value & 31)];
            value >>>= 5;
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
