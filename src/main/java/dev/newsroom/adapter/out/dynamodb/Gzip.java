package dev.newsroom.adapter.out.dynamodb;

import software.amazon.awssdk.core.SdkBytes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Text stored gzip-compressed where it could outgrow an item: markup a comment's formatting made, and answers
 * that carry it. Markup made from a comment compresses to about the size of the comment itself.
 */
final class Gzip {
    /** Texts up to this many UTF-8 bytes are stored as they are; larger ones compressed. */
    static final int MAX_TEXT_BYTES = 64 * 1024;

    private Gzip() {
    }

    static boolean fitsAsText(String text) {
        return text.length() <= MAX_TEXT_BYTES / 4
                || text.getBytes(StandardCharsets.UTF_8).length <= MAX_TEXT_BYTES;
    }

    static SdkBytes compress(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(Math.max(64, utf8.length / 8));
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(utf8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SdkBytes.fromByteArray(compressed.toByteArray());
    }

    static String decompress(SdkBytes bytes) {
        try (GZIPInputStream gzip = new GZIPInputStream(bytes.asInputStream())) {
            return new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
