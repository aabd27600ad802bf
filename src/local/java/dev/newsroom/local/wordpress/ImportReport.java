package dev.newsroom.local.wordpress;

import dev.newsroom.domain.CommentStatus;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an import did, counted as it goes, and said in one line at the end: articles and drafts (and pages),
 * comments by status, pingbacks and trackbacks skipped, replies made top-level because their parent is missing,
 * what was already there unchanged, and errors (each also reported on its own with its place in the file). A post
 * counts once it is stored, by the thread that wrote it; a post refused counts only as an error.
 */
final class ImportReport {
    final AtomicLong articles = new AtomicLong();
    final AtomicLong drafts = new AtomicLong();
    final AtomicLong pages = new AtomicLong();
    final AtomicLong articlesUnchanged = new AtomicLong();
    final Map<CommentStatus, AtomicLong> comments = new EnumMap<>(CommentStatus.class);
    final AtomicLong commentsUnchanged = new AtomicLong();
    final AtomicLong commentsKept = new AtomicLong();
    final AtomicLong commentsElsewhere = new AtomicLong();
    final AtomicLong pingbacks = new AtomicLong();
    final AtomicLong otherComments = new AtomicLong();
    final AtomicLong orphans = new AtomicLong();
    long otherItems;
    /** Shortcodes other than WordPress's own, kept as text, by name (posts are mapped on one thread). */
    final Map<String, Integer> unknownShortcodes = new TreeMap<>();
    final AtomicLong errors = new AtomicLong();

    ImportReport() {
        for (CommentStatus status : CommentStatus.values()) {
            comments.put(status, new AtomicLong());
        }
    }

    /** Counts {@code post}, now stored whole: created, updated or already there. */
    void stored(MappedPost post) {
        articles.incrementAndGet();
        if (!post.article().isPublished()) {
            drafts.incrementAndGet();
        }
        if (post.page()) {
            pages.incrementAndGet();
        }
        post.comments().forEach(c -> comments.get(c.status()).incrementAndGet());
        orphans.addAndGet(post.orphans());
        pingbacks.addAndGet(post.pingbacks());
        otherComments.addAndGet(post.otherComments());
    }

    void unknownShortcodes(Map<String, Integer> names) {
        names.forEach((name, count) -> unknownShortcodes.merge(name, count, Integer::sum));
    }

    long totalComments() {
        return comments.values().stream().mapToLong(AtomicLong::get).sum();
    }

    String summary(String counts) {
        StringBuilder line = new StringBuilder("Imported ").append(articles.get()).append(" articles (")
                .append(drafts.get()).append(" drafts").append(pages.get() > 0 ? ", " + pages.get() + " pages" : "")
                .append("), ").append(totalComments()).append(" comments (");
        for (CommentStatus status : CommentStatus.values()) {
            line.append(status == CommentStatus.PENDING ? "" : ", ").append(comments.get(status).get()).append(' ')
                    .append(status.wire());
        }
        line.append("); ").append(articlesUnchanged.get()).append(" articles and ").append(commentsUnchanged.get())
                .append(" comments were already there unchanged");
        if (commentsKept.get() > 0) {
            line.append(", ").append(commentsKept.get()).append(" comments moderated here kept as they are");
        }
        if (commentsElsewhere.get() > 0) {
            line.append(", ").append(commentsElsewhere.get()).append(" comments left under the other article they are stored under");
        }
        line.append("; ").append(orphans.get()).append(" replies to a missing comment made top-level; skipped ")
                .append(pingbacks.get()).append(" pingbacks/trackbacks");
        if (otherComments.get() > 0) {
            line.append(", ").append(otherComments.get()).append(" comments of other types");
        }
        line.append(", ").append(otherItems).append(" other items; ");
        if (!unknownShortcodes.isEmpty()) {
            line.append("shortcodes kept as text: ");
            unknownShortcodes.forEach((name, count) -> line.append('[').append(name).append("] ").append(count).append(", "));
            line.setLength(line.length() - 2);
            line.append("; ");
        }
        line.append(errors.get()).append(errors.get() == 1 ? " error" : " errors")
                .append("; ").append(counts);
        return line.toString();
    }
}
