package dev.newsroom.local.wordpress;

import dev.newsroom.domain.CommentStatus;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an import did, counted as it goes, and said in one line at the end: articles and drafts (and pages),
 * comments by status, pingbacks and trackbacks skipped, replies made top-level because their parent is missing,
 * what was already there unchanged, and errors (each also reported on its own with its place in the file).
 */
final class ImportReport {
    long articles;
    long drafts;
    long pages;
    final AtomicLong articlesUnchanged = new AtomicLong();
    final Map<CommentStatus, AtomicLong> comments = new EnumMap<>(CommentStatus.class);
    final AtomicLong commentsUnchanged = new AtomicLong();
    final AtomicLong commentsKept = new AtomicLong();
    long pingbacks;
    long otherComments;
    long orphans;
    long otherItems;
    final AtomicLong errors = new AtomicLong();

    ImportReport() {
        for (CommentStatus status : CommentStatus.values()) {
            comments.put(status, new AtomicLong());
        }
    }

    long totalComments() {
        return comments.values().stream().mapToLong(AtomicLong::get).sum();
    }

    String summary(String counts) {
        StringBuilder line = new StringBuilder("Imported ").append(articles).append(" articles (").append(drafts)
                .append(" drafts").append(pages > 0 ? ", " + pages + " pages" : "").append("), ")
                .append(totalComments()).append(" comments (");
        for (CommentStatus status : CommentStatus.values()) {
            line.append(status == CommentStatus.PENDING ? "" : ", ").append(comments.get(status).get()).append(' ')
                    .append(status.wire());
        }
        line.append("); ").append(articlesUnchanged.get()).append(" articles and ").append(commentsUnchanged.get())
                .append(" comments were already there unchanged");
        if (commentsKept.get() > 0) {
            line.append(", ").append(commentsKept.get()).append(" comments moderated here kept as they are");
        }
        line.append("; ").append(orphans).append(" replies to a missing comment made top-level; skipped ")
                .append(pingbacks).append(" pingbacks/trackbacks");
        if (otherComments > 0) {
            line.append(", ").append(otherComments).append(" comments of other types");
        }
        line.append(", ").append(otherItems).append(" other items; ").append(errors.get()).append(errors.get() == 1 ? " error" : " errors")
                .append("; ").append(counts);
        return line.toString();
    }
}
