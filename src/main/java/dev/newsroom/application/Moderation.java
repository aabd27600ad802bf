package dev.newsroom.application;

import dev.newsroom.application.port.CommentRepository;
import dev.newsroom.application.port.Page;
import dev.newsroom.application.port.SpamCheck;
import dev.newsroom.application.port.SpamVerdict;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentSearch;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.FieldError;
import dev.newsroom.domain.ServiceException;
import dev.newsroom.domain.SubmissionRules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Moderators' work on comments: the queue, status changes, edits, permanent deletes and bulk actions.
 * Every single-comment write names the version it was based on and fails with {@code version_conflict} when
 * someone else got there first; the article's count follows within a moment ({@link CountApprovals}).
 * A moderator who marks spam a comment the spam service passed, or approves one it flagged, tells the service so
 * (submit-spam / submit-ham), after the change is stored: within the service's budget, and never failing the
 * moderation (a bulk action stops telling once {@link #REPORTS_BUDGET} is spent).
 */
public final class Moderation {
    public static final int MAX_BULK = 100;
    /** How many queue comments one search request examines at most. */
    public static final int SEARCH_EXAMINED = 500;
    /** How long one bulk action may spend telling the spam service, within the admin function's 15 s. */
    public static final Duration REPORTS_BUDGET = Duration.ofSeconds(4);
    private final CommentRepository comments;
    private final Clock clock;
    private final SpamCheck spamCheck;

    public Moderation(CommentRepository comments, Clock clock, SpamCheck spamCheck) {
        this.comments = comments;
        this.clock = clock;
        this.spamCheck = spamCheck;
    }

    /** A moderator's change to one comment: a new status, new content, or both. */
    public record Change(CommentStatus status, String content, long expectedVersion) {
    }

    /** The result of one id in a bulk action: {@code result} is "ok" or an error code. */
    public record BulkResult(String id, String result, String status) {
    }

    public Page<Comment> queue(CommentStatus status, String articleSlug, int limit, String cursor) {
        return comments.listByStatus(status, articleSlug, limit, cursor);
    }

    /**
     * Matches of a search in one status's queue and how many comments were examined to find them;
     * {@code page.nextCursor()} continues the search where it stopped (null: the whole queue was searched).
     */
    public record SearchPage(Page<Comment> page, int examined) {
    }

    /**
     * WordPress's comment search ({@link CommentSearch}) over one status's queue, oldest first: reads queue pages of
     * {@code limit} comments until it has {@code limit} matches or has examined {@link #SEARCH_EXAMINED} comments,
     * whichever comes first; the matches are those of every page it read (so fewer than twice {@code limit}). The
     * bound keeps one request's reads fixed however large the queue (docs/CONSOLE.md).
     */
    public SearchPage search(CommentStatus status, String articleSlug, String text, int limit, String cursor) {
        String wanted = CommentSearch.normalized(text);
        if (wanted.isEmpty() || wanted.length() > CommentSearch.MAX_LENGTH) {
            throw ServiceException.invalidParameter("q must be 1 to " + CommentSearch.MAX_LENGTH + " characters.");
        }
        List<Comment> matches = new ArrayList<>();
        int examined = 0;
        String next = cursor;
        do {
            Page<Comment> page = comments.listByStatus(status, articleSlug, Math.min(limit, SEARCH_EXAMINED - examined), next);
            examined += page.items().size();
            page.items().stream().filter(c -> CommentSearch.matches(c, wanted)).forEach(matches::add);
            next = page.nextCursor();
        } while (next != null && matches.size() < limit && examined < SEARCH_EXAMINED);
        return new SearchPage(new Page<>(matches, next), examined);
    }

    /**
     * The comments that those of {@code page} reply to, by id (one consistent read per distinct parent; a parent
     * deleted since is absent).
     */
    public Map<String, Comment> parentsOf(List<Comment> page) {
        Map<String, Comment> parents = new HashMap<>();
        for (Comment c : page) {
            if (c.parentId() != null && !parents.containsKey(c.parentId())) {
                comments.find(c.parentId()).ifPresent(p -> parents.put(p.id(), p));
            }
        }
        return parents;
    }

    /** How many comments each status holds, on one article or ({@code articleSlug} null) on all, in status order. */
    public Map<CommentStatus, Long> counts(String articleSlug) {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, comments.countByStatus(status, articleSlug));
        }
        return counts;
    }

    /** How many pending comments each of these articles has (one count per article), keyed by slug. */
    public Map<String, Long> pendingCounts(List<String> slugs) {
        Map<String, Long> counts = new HashMap<>();
        for (String slug : slugs) {
            counts.put(slug, comments.countByStatus(CommentStatus.PENDING, slug));
        }
        return counts;
    }

    /**
     * The author's history for a decision at a glance: how many approved comments the same name and email have
     * (WordPress's "previously approved"), one count per distinct author of {@code page}, keyed by comment id.
     */
    public Map<String, Long> authorsApproved(List<Comment> page) {
        Map<String, Long> byAuthor = new HashMap<>();
        Map<String, Long> byComment = new HashMap<>();
        for (Comment c : page) {
            byComment.put(c.id(), c.authorEmail() == null ? 0L : byAuthor.computeIfAbsent(c.authorKey(),
                    k -> comments.countApprovedByAuthor(c.authorName(), c.authorEmail())));
        }
        return byComment;
    }

    public Comment get(String id) {
        return comments.find(id).orElseThrow(ServiceException::commentNotFound);
    }

    public Comment change(String id, Change change, String moderator) {
        if (change.status() == null && change.content() == null) {
            throw ServiceException.validation(List.of(new FieldError("status", "required",
                    "Give a new status or new content.")));
        }
        String content = change.content() == null ? null : SubmissionRules.checkedContent(change.content());
        Comment current = current(id, change.expectedVersion());
        Comment updated = apply(current, change.status(), content, moderator);
        reportDisagreement(current, updated);
        return updated;
    }

    /** Deletes for good; only comments in spam or trash can go (so nothing approved vanishes by one click). */
    public void delete(String id, long expectedVersion) {
        deleteCurrent(current(id, expectedVersion));
    }

    /** The stored comment, if it is still at {@code expectedVersion}. */
    private Comment current(String id, long expectedVersion) {
        Comment current = get(id);
        if (current.version() != expectedVersion) {
            throw ServiceException.versionConflict();
        }
        return current;
    }

    private Comment apply(Comment current, CommentStatus status, String content, String moderator) {
        var now = clock.instant();
        Comment updated = current;
        if (content != null && !content.equals(current.content())) {
            updated = updated.edited(content, moderator, now);
        }
        if (status != null && status != current.status()) {
            updated = updated.moderated(status, moderator, now);
        }
        return updated == current ? current : comments.update(current, updated.withVersion(current.version() + 1));
    }

    private void deleteCurrent(Comment current) {
        if (current.status() != CommentStatus.SPAM && current.status() != CommentStatus.TRASH) {
            throw new ServiceException(ErrorCode.MUST_TRASH_FIRST,
                    "Only comments in spam or trash can be deleted for good; move it to trash first.");
        }
        comments.delete(current);
    }

    /** Applies one action to up to 100 ids, each on its own current version; one result per distinct id. */
    public List<BulkResult> bulk(String action, List<String> ids, String moderator) {
        if (ids.isEmpty() || ids.size() > MAX_BULK) {
            throw ServiceException.validation(List.of(new FieldError("ids", "invalid", "Give 1 to 100 comment ids.")));
        }
        CommentStatus target = "approve".equals(action) ? CommentStatus.APPROVED
                : "delete".equals(action) ? null : CommentStatus.parse(action).orElse(null);
        if (target == null && !"delete".equals(action)) {
            throw ServiceException.validation(List.of(new FieldError("action", "invalid",
                    "The action must be approve, pending, spam, trash or delete.")));
        }
        List<BulkResult> results = new ArrayList<>();
        Instant reportsUntil = clock.instant().plus(REPORTS_BUDGET);
        for (String id : new LinkedHashSet<>(ids)) {
            results.add(bulkOne(id, target, moderator, reportsUntil));
        }
        return results;
    }

    private BulkResult bulkOne(String id, CommentStatus target, String moderator, Instant reportsUntil) {
        try {
            Comment current = get(id);
            if (target == null) {
                deleteCurrent(current);
                return new BulkResult(id, "ok", "deleted");
            }
            Comment updated = apply(current, target, null, moderator);
            if (clock.instant().isBefore(reportsUntil)) {
                reportDisagreement(current, updated);
            }
            return new BulkResult(id, "ok", updated.status().wire());
        } catch (ServiceException e) {
            if (e.code() == ErrorCode.UNAVAILABLE) {
                throw e;
            }
            return new BulkResult(id, e.code().wire(), null);
        }
    }

    /**
     * Tells the spam service when a moderator's spam or approval contradicts what it said of the comment, and
     * remembers that it now agrees. The moderation is already stored: nothing here may fail it, so a database
     * failure while reading or recording the verdict skips the report (the service logs its own failures).
     */
    private void reportDisagreement(Comment before, Comment after) {
        if (!spamCheck.enabled() || before.status() == after.status()) {
            return;
        }
        SpamVerdict truth = after.status() == CommentStatus.SPAM ? SpamVerdict.SPAM
                : after.status() == CommentStatus.APPROVED ? SpamVerdict.HAM : null;
        try {
            SpamVerdict said = truth == null ? null : comments.spamVerdict(after.id()).orElse(null);
            if (said == null || said == truth || said == SpamVerdict.ERROR) {
                return;
            }
            if (spamCheck.report(SpamCheck.Query.of(after), truth)) {
                comments.recordSpamVerdict(after.id(), truth);
            }
        } catch (ServiceException unavailable) {
            // the moderation stands; the service is told nothing this time
        }
    }
}
