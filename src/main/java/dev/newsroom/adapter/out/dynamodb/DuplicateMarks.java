package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.domain.Comment;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The small marker items kept beside comments: duplicate fingerprints (one per comment not in trash), the
 * "previously approved" mark of an author, and the flood marks of an IP and an email. Emails are only ever
 * stored hashed in these keys.
 */
final class DuplicateMarks {
    private DuplicateMarks() {
    }

    static Map<String, AttributeValue> key(String fingerprint) {
        return Writes.key("DUP#" + fingerprint, "D");
    }

    static Map<String, AttributeValue> item(Comment c) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(c.duplicateKey()));
        item.put("commentId", AttributeValue.fromS(c.id()));
        return item;
    }

    static Map<String, AttributeValue> authorKey(String authorKey) {
        return Writes.key("AUTHOR#" + authorKey, "APPROVED");
    }

    static Map<String, AttributeValue> floodKey(String kind, String value) {
        return Writes.key("FLOOD#" + kind + "#" + value, "F");
    }
}
