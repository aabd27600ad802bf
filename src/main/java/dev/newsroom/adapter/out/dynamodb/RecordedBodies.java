package dev.newsroom.adapter.out.dynamodb;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The answer an idempotency record replays, as stored: text ({@code body}), or gzip-compressed ({@code bodyGzip})
 * when larger than {@link #MAX_TEXT_BYTES}. A published comment's answer carries its HTML, which can be several
 * times the comment (each bare URL a link) and more than an item holds; markup compresses well, so the record
 * still fits and replays the same answer.
 */
final class RecordedBodies {
    static final int MAX_TEXT_BYTES = 64 * 1024;

    private RecordedBodies() {
    }

    static void put(Map<String, AttributeValue> item, String body) {
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_TEXT_BYTES) {
            item.put("body", AttributeValue.fromS(body));
            return;
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(utf8.length / 8);
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(utf8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        item.put("bodyGzip", AttributeValue.fromB(SdkBytes.fromByteArray(compressed.toByteArray())));
    }

    static String get(Map<String, AttributeValue> item) {
        AttributeValue text = item.get("body");
        if (text != null) {
            return text.s();
        }
        try (GZIPInputStream gzip = new GZIPInputStream(item.get("bodyGzip").b().asInputStream())) {
            return new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
