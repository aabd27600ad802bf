package dev.newsroom.domain;

import java.time.Instant;

/**
 * A stored comment with everything moderators see. Public views are built from it by leaving out the
 * email, IP address and user agent; {@link #avatarHash()} stands in for the email.
 * {@code depth} is 1 for a top-level comment and parent's depth + 1 for a reply. {@code idempotencyKey} is the
 * key it was submitted with (null when none), kept so that erasing the author also erases the stored response.
 * {@code contentHtml} is {@code content} as WordPress displays it ({@link CommentHtml#format}), made when the
 * content is set (a stored comment's is read back, not made again); {@code byModerator} marks a moderator's reply.
 */
public record Comment(
        String id,
        String articleSlug,
        String parentId,
        int depth,
        String authorName,
        String authorEmail,
        String authorUrl,
        String content,
        CommentStatus status,
        String ip,
        String userAgent,
        Instant createdAt,
        Instant updatedAt,
        String moderatedBy,
        Instant moderatedAt,
        long version,
        String idempotencyKey,
        String contentHtml,
        boolean byModerator) {

    /** A moderator's reply shows the hash of no email: its author's address must not be guessable from it. */
    public String avatarHash() {
        return Hashes.avatarHash(byModerator ? null : authorEmail);
    }

    /** Room for a view's field names, numbers, times, flags and punctuation beside its texts. */
    private static final long VIEW_FRAME_BYTES = 1_024;

    /**
     * At least the bytes this comment's largest view (the moderators', which has every field) takes as JSON: what
     * list pages are sized by before they are written, so a page is read and written once.
     */
    public long viewBytes() {
        long texts = 0;
        for (String text : new String[]{id, articleSlug, parentId, authorName, authorEmail, authorUrl, content, ip,
                userAgent, moderatedBy, idempotencyKey, contentHtml}) {
            texts += TextRules.jsonStringBytes(text);
        }
        return texts + VIEW_FRAME_BYTES;
    }

    public boolean isApproved() {
        return status == CommentStatus.APPROVED;
    }

    /** The fingerprint of "the same comment again": {@link DuplicateFingerprint#of} its fields. */
    public String duplicateKey() {
        return DuplicateFingerprint.of(articleSlug, parentId, authorName, authorEmail, content);
    }

    /** The fingerprint its duplicate mark had before name and content were folded ({@link DuplicateFingerprint#unfolded}). */
    public String unfoldedDuplicateKey() {
        return DuplicateFingerprint.unfolded(articleSlug, parentId, authorName, authorEmail, content);
    }

    /** The fingerprint of an author for "previously approved": name and lower-cased email. */
    public String authorKey() {
        return authorKey(authorName, authorEmail);
    }

    public static String authorKey(String name, String email) {
        return Hashes.sha256Hex(name + "\u0000" + (email == null ? "" : email.toLowerCase(java.util.Locale.ROOT)));
    }

    public Comment moderated(CommentStatus newStatus, String moderator, Instant at) {
        return new Comment(id, articleSlug, parentId, depth, authorName, authorEmail, authorUrl, content, newStatus,
                ip, userAgent, createdAt, at, moderator, at, version + 1, idempotencyKey, contentHtml, byModerator);
    }

    /** The content replaced by a moderator's edit; {@code contentHtml} is made again from it. */
    public Comment edited(String newContent, String moderator, Instant at) {
        return new Comment(id, articleSlug, parentId, depth, authorName, authorEmail, authorUrl, newContent, status,
                ip, userAgent, createdAt, at, moderator, at, version + 1, idempotencyKey, CommentHtml.format(newContent),
                byModerator);
    }

    /** The same comment as stored version {@code newVersion}. */
    public Comment withVersion(long newVersion) {
        return new Comment(id, articleSlug, parentId, depth, authorName, authorEmail, authorUrl, content, status,
                ip, userAgent, createdAt, updatedAt, moderatedBy, moderatedAt, newVersion, idempotencyKey, contentHtml,
                byModerator);
    }

    /**
     * The privacy eraser's result: no name, email, URL, IP, user agent or idempotency key; the content and the
     * thread position stay (as WordPress's eraser leaves them).
     */
    public Comment anonymised(Instant at) {
        return new Comment(id, articleSlug, parentId, depth, "Anonymous", null, null, content, status,
                null, null, createdAt, at, moderatedBy, moderatedAt, version + 1, null, contentHtml,
                byModerator);
    }
}
