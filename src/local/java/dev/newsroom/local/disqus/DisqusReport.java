package dev.newsroom.local.disqus;

import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.local.wordpress.ImportedComments;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What a Disqus import did, said in one line at the end: comments by status, threads matched or not, errors. */
final class DisqusReport {
    private final Map<CommentStatus, Long> comments = new EnumMap<>(CommentStatus.class);
    private long articles;
    private long unchanged;
    private long kept;
    private long elsewhere;
    private long orphans;
    long unmatchedThreads;
    private long unmatchedPosts;
    long errors;

    void stored(List<Comment> stored, ImportedComments.Outcome outcome, int madeTopLevel) {
        articles++;
        stored.forEach(c -> comments.merge(c.status(), 1L, Long::sum));
        unchanged += outcome.unchanged();
        kept += outcome.kept();
        elsewhere += outcome.elsewhere();
        orphans += madeTopLevel;
    }

    void unmatched(int posts) {
        unmatchedThreads++;
        unmatchedPosts += posts;
    }

    String summary(String counts) {
        long total = comments.values().stream().mapToLong(Long::longValue).sum();
        return "Imported " + total + " comments into " + articles + " articles (" + count(CommentStatus.APPROVED) + " approved, "
                + count(CommentStatus.SPAM) + " spam, " + count(CommentStatus.TRASH) + " deleted as trash); " + unchanged
                + " were already there unchanged" + (kept > 0 ? ", " + kept + " moderated here kept as they are" : "")
                + (elsewhere > 0 ? ", " + elsewhere + " left under the other article they are stored under" : "") + "; "
                + unmatchedThreads + " threads matched no article (" + unmatchedPosts + " posts left out); " + orphans
                + " replies to a missing comment made top-level; " + errors + (errors == 1 ? " error" : " errors") + "; " + counts;
    }

    private long count(CommentStatus status) {
        return comments.getOrDefault(status, 0L);
    }
}
