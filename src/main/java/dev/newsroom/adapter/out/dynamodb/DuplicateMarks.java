package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.domain.Comment;
import dev.newsroom.domain.Hashes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

/**
 * The small marker items kept beside comments: duplicate fingerprints (one per comment not in trash) and the
 * flood marks of an IP and an email. Emails and IP addresses are only ever stored hashed in these keys.
 *
 * <p>The duplicate marks are a uniqueness index that DynamoDB has no other way to hold: item {@code DUP#<fingerprint>}
 * / {@code D}, where the fingerprint is {@link Comment#duplicateKey()} (SHA-256 of article, parent, and the folded
 * author name, email and content: see {@link dev.newsroom.domain.DuplicateFingerprint}), and attribute
 * {@code commentId} names the comment it stands for. Marks written before names and contents were folded hold
 * {@link Comment#unfoldedDuplicateKey()}: a submission's early check reads that key too, so such a mark still
 * refuses exactly the same comment again (only exactly: a copy differing in case or spaces is not refused by it),
 * and a write that removes a comment's mark removes both. A submission
 * puts its mark only if absent, in the same transaction as the comment, so the same comment again fails that
 * condition ({@code duplicate_comment}) without a read. Moderation keeps the mark in step: moving to trash deletes
 * it, restoring or editing puts it unconditionally, so two identical comments can then share one mark (it names
 * the last written), and deleting either removes it, leaving the other unmarked. Flood marks are
 * {@code FLOOD#ip#<sha256(ip)>} and {@code FLOOD#em#<sha256(trimmed, lower-cased email)>} / {@code F}, holding the last submission's time and an
 * {@code expiresAt} TTL; a submission rewrites each only if it is absent or older than the flood interval.
 */
final class DuplicateMarks {
    private DuplicateMarks() {
    }

    static Map<String, AttributeValue> key(String fingerprint) {
        return Writes.key("DUP#" + fingerprint, "D");
    }

    /**
     * The keys a comment's mark may have: its fingerprint's, then (when different) the one it had before folding.
     */
    static List<Map<String, AttributeValue>> keysOf(Comment c) {
        String folded = c.duplicateKey();
        String unfolded = c.unfoldedDuplicateKey();
        return folded.equals(unfolded) ? List.of(key(folded)) : List.of(key(folded), key(unfolded));
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
