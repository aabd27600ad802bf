package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.domain.Comment;
import dev.newsroom.domain.Hashes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The small marker items kept beside comments: duplicate fingerprints (one per comment not in trash) and the
 * flood marks of an IP and an email. Emails and IP addresses are only ever stored hashed in these keys.
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

    /**
     * The "previously approved" mark an earlier version kept per author (a hash of name and email). Nothing
     * reads or writes it now; the privacy eraser deletes it, so no trace of an erased author is left.
     */
    static Map<String, AttributeValue> legacyAuthorMark(String authorKey) {
        return Writes.key("AUTHOR#" + authorKey, "APPROVED");
    }

    static Map<String, AttributeValue> ipFloodKey(String ip) {
        return Writes.key("FLOOD#ip#" + Hashes.sha256Hex(ip), "F");
    }

    static Map<String, AttributeValue> emailFloodKey(String email) {
        return Writes.key("FLOOD#em#" + Hashes.avatarHash(email), "F");
    }
}
