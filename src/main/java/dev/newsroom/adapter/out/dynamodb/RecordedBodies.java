package dev.newsroom.adapter.out.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The answer an idempotency record replays, as stored: text ({@code body}), or gzip-compressed ({@code bodyGzip})
 * when larger than {@link Gzip#MAX_TEXT_BYTES}. A published comment's answer carries its HTML, which can be several
 * times the comment (each bare URL a link) and more than an item holds; markup compresses well, so the record
 * still fits and replays the same answer.
 */
final class RecordedBodies {
    private RecordedBodies() {
    }

    static void put(Map<String, AttributeValue> item, String body) {
        if (Gzip.fitsAsText(body)) {
            item.put("body", AttributeValue.fromS(body));
        } else {
            item.put("bodyGzip", AttributeValue.fromB(Gzip.compress(body)));
        }
    }

    static String get(Map<String, AttributeValue> item) {
        AttributeValue text = item.get("body");
        return text != null ? text.s() : Gzip.decompress(item.get("bodyGzip").b());
    }
}
