package dev.newsroom.application.memory;

import dev.newsroom.application.port.ApprovalChange;
import dev.newsroom.application.port.CommentRepository;
import dev.newsroom.application.port.CommentSubmission;
import dev.newsroom.application.port.IdempotencyCollision;
import dev.newsroom.application.port.Page;
import dev.newsroom.application.port.RecordedResponse;
import dev.newsroom.application.port.SpamVerdict;
import dev.newsroom.application.port.SubmissionGuards;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.ServiceException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Comments in memory with the guards the DynamoDB adapter keeps in each transaction, and its failures: a
 * submission fails whole with {@link IdempotencyCollision} (a live record for its key), else
 * {@code duplicate_comment} (a mark for its fingerprint: one per comment not in trash), else {@code comment_flood}
 * with the seconds left (its IP or email wrote within the window); an update or erase of a stale version is
 * {@code version_conflict}, of a comment gone {@code comment_not_found}; a delete of a stale or gone one
 * {@code version_conflict}. Each write records the approval changes the table's stream would carry.
 * {@link #beforeNextWrite} runs a competing request between a use case's read and its write, as a race would.
 */
public final class InMemoryComments implements CommentRepository {
    private final Clock clock;
    private final TreeMap<String, Comment> comments = new TreeMap<>();
    private final Map<String, String> duplicateMarks = new HashMap<>();
    private final Map<String, Instant> floodMarks = new HashMap<>();
    private final Map<String, RecordedResponse> responses = new HashMap<>();
    private final Map<String, SpamVerdict> spamVerdicts = new HashMap<>();
    private final List<ApprovalChange> stream = new ArrayList<>();
    private Runnable beforeNextWrite;

    public InMemoryComments(Clock clock) {
        this.clock = clock;
    }

    /** Runs {@code competitor} once, just before the next write checks its conditions. */
    public synchronized void beforeNextWrite(Runnable competitor) {
        this.beforeNextWrite = competitor;
    }

    /** The approval changes written since the last call, in order, as the change stream delivers them. */
    public synchronized List<ApprovalChange> takeChanges() {
        List<ApprovalChange> taken = List.copyOf(stream);
        stream.clear();
        return taken;
    }

    /** Approved comments of one article now, for the counts' recount. */
    synchronized long approvedOf(String articleSlug) {
        return comments.values().stream().filter(c -> c.articleSlug().equals(articleSlug) && c.isApproved()).count();
    }

    /** Deletes every comment of an article (its deletion's cascade); true when there were any. */
    synchronized boolean deleteAllOf(String articleSlug) {
        List<Comment> gone = comments.values().stream().filter(c -> c.articleSlug().equals(articleSlug)).toList();
        gone.forEach(c -> {
            comments.remove(c.id());
            spamVerdicts.remove(c.id());
            duplicateMarks.remove(c.duplicateKey(), c.id());
        });
        return !gone.isEmpty();
    }

    @Override
    public synchronized Optional<Comment> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(comments.get(id));
    }

    @Override
    public synchronized Page<Comment> listApproved(String articleSlug, boolean ascending, int limit, String cursor) {
        return MemoryPages.page("thread|" + articleSlug, matching(CommentStatus.APPROVED, articleSlug), Comment::id,
                ascending, limit, cursor, Comment::viewBytes);
    }

    @Override
    public synchronized Page<Comment> listByStatus(CommentStatus status, String articleSlug, int limit, String cursor) {
        String list = articleSlug == null ? "queue|" + status.wire() : "thread|" + articleSlug + "|" + status.wire();
        return MemoryPages.page(list, matching(status, articleSlug), Comment::id, true, limit, cursor, Comment::viewBytes);
    }

    private List<Comment> matching(CommentStatus status, String articleSlug) {
        return comments.values().stream()
                .filter(c -> c.status() == status && (articleSlug == null || c.articleSlug().equals(articleSlug)))
                .toList();
    }

    @Override
    public synchronized List<Comment> listByEmail(String email) {
        return comments.values().stream()
                .filter(c -> c.authorEmail() != null && c.authorEmail().equalsIgnoreCase(email.trim()))
                .sorted(Comparator.comparing(Comment::id))
                .toList();
    }

    @Override
    public synchronized Page<Comment> pageByEmail(String email, int limit, String cursor) {
        return MemoryPages.page("email|" + email.trim().toLowerCase(java.util.Locale.ROOT), listByEmail(email),
                c -> c.status().wire() + "|" + c.id(), true, limit, cursor, Comment::viewBytes);
    }

    @Override
    public synchronized boolean isPreviouslyApproved(String authorName, String authorEmail) {
        return countApprovedByAuthor(authorName, authorEmail) > 0;
    }

    @Override
    public synchronized long countApprovedByAuthor(String authorName, String authorEmail) {
        String author = Comment.authorKey(authorName, authorEmail);
        return comments.values().stream().filter(c -> c.isApproved() && c.authorKey().equals(author)).count();
    }

    @Override
    public synchronized long countByStatus(CommentStatus status, String articleSlug) {
        return matching(status, articleSlug).size();
    }

    @Override
    public synchronized Optional<RecordedResponse> findResponse(String idempotencyKey) {
        return Optional.ofNullable(responses.get(idempotencyKey)).filter(r -> r.expiresAt().isAfter(clock.instant()));
    }

    /** Reads what {@link #submit} checks, without the competitor a race would bring (it runs at the write). */
    @Override
    public synchronized void refuseEarly(SubmissionGuards g) {
        if (g.fingerprints().stream().anyMatch(duplicateMarks::containsKey)) {
            throw ServiceException.duplicateComment();
        }
        if (g.floodSeconds() > 0) {
            refuseFlood(floodKeys(g.ip(), g.email()), g.floodSeconds(), g.now());
        }
    }

    private void refuseFlood(List<String> floodKeys, int floodSeconds, Instant now) {
        long waitMillis = floodKeys.stream().map(floodMarks::get).filter(Objects::nonNull)
                .mapToLong(last -> last.toEpochMilli() + floodSeconds * 1000L - now.toEpochMilli())
                .max().orElse(0);
        if (waitMillis > 0) {
            throw ServiceException.commentFlood(Math.max(1, (waitMillis + 999) / 1000));
        }
    }

    @Override
    public synchronized void submit(CommentSubmission s) {
        runCompetitor();
        Comment c = s.comment();
        RecordedResponse earlier = s.response() == null ? null : responses.get(s.response().key());
        if (earlier != null && earlier.expiresAt().isAfter(s.now())) {
            throw new IdempotencyCollision();
        }
        if (duplicateMarks.containsKey(c.duplicateKey())) {
            throw ServiceException.duplicateComment();
        }
        List<String> floodKeys = s.floodSeconds() > 0 ? floodKeys(c.ip(), c.authorEmail()) : List.of();
        refuseFlood(floodKeys, s.floodSeconds(), s.now());
        if (comments.containsKey(c.id())) {
            throw ServiceException.unavailable(1);
        }
        comments.put(c.id(), c);
        duplicateMarks.put(c.duplicateKey(), c.id());
        floodKeys.forEach(key -> floodMarks.put(key, s.now()));
        if (s.response() != null) {
            responses.put(s.response().key(), s.response());
        }
        if (s.spamVerdict() != null) {
            spamVerdicts.put(c.id(), s.spamVerdict());
        }
        if (c.isApproved()) {
            stream.add(new ApprovalChange(c.id(), c.articleSlug(), c.version(), 1));
        }
    }

    private static List<String> floodKeys(String ip, String email) {
        List<String> keys = new ArrayList<>();
        if (ip != null) {
            keys.add("ip#" + ip);
        }
        if (email != null) {
            keys.add("email#" + email.trim().toLowerCase(Locale.ROOT));
        }
        return keys;
    }

    @Override
    public synchronized Comment update(Comment before, Comment after) {
        return replace(before, after);
    }

    @Override
    public synchronized Comment erase(Comment before, Comment anonymised) {
        replace(before, anonymised);
        if (before.idempotencyKey() != null) {
            responses.remove(before.idempotencyKey());
        }
        floodKeys(before.ip(), before.authorEmail()).forEach(floodMarks::remove);
        return anonymised;
    }

    private Comment replace(Comment before, Comment after) {
        runCompetitor();
        Comment stored = comments.get(before.id());
        if (stored == null) {
            throw ServiceException.commentNotFound();
        }
        if (stored.version() != before.version()) {
            throw ServiceException.versionConflict();
        }
        comments.put(after.id(), after);
        String beforeMark = before.status() == CommentStatus.TRASH ? null : before.duplicateKey();
        String afterMark = after.status() == CommentStatus.TRASH ? null : after.duplicateKey();
        if (!Objects.equals(beforeMark, afterMark)) {
            if (beforeMark != null) {
                duplicateMarks.remove(beforeMark);
            }
            if (afterMark != null) {
                duplicateMarks.put(afterMark, after.id());
            }
        }
        if (before.isApproved() != after.isApproved()) {
            stream.add(new ApprovalChange(after.id(), after.articleSlug(), after.version(), after.isApproved() ? 1 : -1));
        }
        return after;
    }

    @Override
    public synchronized void delete(Comment current) {
        runCompetitor();
        Comment stored = comments.get(current.id());
        if (stored == null || stored.version() != current.version()) {
            throw ServiceException.versionConflict();
        }
        comments.remove(current.id());
        spamVerdicts.remove(current.id());
        if (current.idempotencyKey() != null) {
            responses.remove(current.idempotencyKey());
        }
        if (current.status() != CommentStatus.TRASH) {
            duplicateMarks.remove(current.duplicateKey());
        }
    }

    @Override
    public synchronized Optional<SpamVerdict> spamVerdict(String commentId) {
        return Optional.ofNullable(spamVerdicts.get(commentId));
    }

    @Override
    public synchronized void recordSpamVerdict(String commentId, SpamVerdict verdict) {
        spamVerdicts.put(commentId, verdict);
    }

    private void runCompetitor() {
        Runnable competitor = beforeNextWrite;
        beforeNextWrite = null;
        if (competitor != null) {
            competitor.run();
        }
    }
}
