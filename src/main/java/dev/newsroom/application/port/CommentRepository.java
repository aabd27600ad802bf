package dev.newsroom.application.port;

import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentStatus;

import java.util.List;
import java.util.Optional;

/**
 * Comments in storage. Every write is one transaction that keeps the duplicate fingerprints, flood marks and
 * idempotency record in step with the comment itself; none touches the article (its {@code commentCount}
 * follows the comments' approvals through {@link ApprovalCounts}).
 */
public interface CommentRepository {
    Optional<Comment> find(String id);

    /**
     * Approved comments of one article in creation order; a page is never empty while more remain. A page of either
     * list holds at most {@code limit} comments, fewer when their views would pass {@link PageBudget#VIEW_BYTES}.
     */
    Page<Comment> listApproved(String articleSlug, boolean ascending, int limit, String cursor);

    /** The moderation queue of one status, oldest first, optionally of one article. */
    Page<Comment> listByStatus(CommentStatus status, String articleSlug, int limit, String cursor);

    /** Every comment whose author email is {@code email} (case-insensitive), oldest first. */
    List<Comment> listByEmail(String email);

    /**
     * A page of the comments whose author email is {@code email} (case-insensitive), by status and then oldest
     * first, within {@link PageBudget#VIEW_BYTES}; the cursor is bound to that email.
     */
    Page<Comment> pageByEmail(String email, int limit, String cursor);

    /** True when an author of this name and email (case-insensitive) has an approved comment now. */
    boolean isPreviouslyApproved(String authorName, String authorEmail);

    /** How many approved comments an author of this name and email (case-insensitive) has now. */
    long countApprovedByAuthor(String authorName, String authorEmail);

    /** How many comments have this status, on one article or ({@code articleSlug} null) on all. */
    long countByStatus(CommentStatus status, String articleSlug);

    /**
     * Refuses, by reading, what {@link #submit} would refuse for these guards: {@code duplicate_comment} when a
     * duplicate mark holds one of the fingerprints, else {@code comment_flood} (with the seconds to wait) when the
     * IP or email wrote within the window. Nothing is written; a race it cannot see is still refused by the write.
     * It lets a submission be refused before its text is formatted or the spam service is asked.
     */
    void refuseEarly(SubmissionGuards guards);

    /**
     * Creates the comment with all its guards in one transaction. Throws {@code article_not_found} /
     * {@code comments_closed} when the article changed, {@code duplicate_comment}, {@code comment_flood}
     * (with the seconds to wait), or {@link IdempotencyCollision} when another request took the key first.
     */
    void submit(CommentSubmission submission);

    /** Replaces {@code before} with {@code after} if nobody changed it meanwhile ({@code version_conflict}). */
    Comment update(Comment before, Comment after);

    /**
     * Like {@link #update}, for the privacy eraser: also removes, in the same transaction, every other trace of
     * the author that {@code before} left (its stored idempotent response and its flood marks).
     */
    Comment erase(Comment before, Comment anonymised);

    /**
     * Deletes a comment for good if nobody changed it meanwhile, with its duplicate mark, spam verdict and stored
     * idempotent response (so a retry with the same key makes a new comment instead of replaying the deleted one).
     */
    void delete(Comment current);

    /** A stored first response for an idempotency key, if one is live. */
    Optional<RecordedResponse> findResponse(String idempotencyKey);

    /**
     * What the spam service last said of a comment (stored with it by {@link #submit}, kept beside it, gone with
     * it); empty when it was never asked.
     */
    Optional<SpamVerdict> spamVerdict(String commentId);

    /** Records what the spam service now believes of a comment, after a moderator's report. */
    void recordSpamVerdict(String commentId, SpamVerdict verdict);
}
