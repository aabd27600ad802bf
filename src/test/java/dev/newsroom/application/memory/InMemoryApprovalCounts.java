package dev.newsroom.application.memory;

import dev.newsroom.application.port.ApprovalChange;
import dev.newsroom.application.port.ApprovalCounts;
import dev.newsroom.domain.ServiceException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The articles' counts under the adapter's rules: a change applies once (its "applied" mark, comment id and
 * version, is kept), a change of an article that is gone is skipped unmarked, and a recount sets the count to the
 * approved comments stored now ({@code article_not_found} when the article is gone).
 */
public final class InMemoryApprovalCounts implements ApprovalCounts {
    private final InMemoryArticles articles;
    private final InMemoryComments comments;
    private final Set<String> applied = new HashSet<>();

    public InMemoryApprovalCounts(InMemoryArticles articles, InMemoryComments comments) {
        this.articles = articles;
        this.comments = comments;
    }

    @Override
    public synchronized int applyOnce(List<ApprovalChange> changes) {
        int fresh = 0;
        for (ApprovalChange change : changes) {
            String mark = change.commentId() + "#" + change.version();
            if (!applied.contains(mark) && articles.addToCount(change.articleSlug(), change.delta())) {
                applied.add(mark);
                fresh++;
            }
        }
        return fresh;
    }

    @Override
    public synchronized long recount(String articleSlug) {
        long approved = comments.approvedOf(articleSlug);
        if (!articles.setCount(articleSlug, approved)) {
            throw ServiceException.articleNotFound();
        }
        return approved;
    }
}
