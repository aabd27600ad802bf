package dev.newsroom.application.memory;

import dev.newsroom.application.port.ApprovalChange;
import dev.newsroom.application.port.ApprovalCounts;
import dev.newsroom.domain.ServiceException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The articles' counts under the adapter's rules: a change applies once (its "applied" mark, comment id and
 * version, is kept), the changes of an article that is gone are skipped unmarked, and a recount sets the count to
 * the approved comments stored now ({@code article_not_found} when the article is gone).
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
        Map<String, List<ApprovalChange>> byArticle = new LinkedHashMap<>();
        changes.forEach(c -> byArticle.computeIfAbsent(c.articleSlug(), s -> new ArrayList<>()).add(c));
        int fresh = 0;
        for (Map.Entry<String, List<ApprovalChange>> article : byArticle.entrySet()) {
            fresh += applyTo(article.getKey(), article.getValue());
        }
        return fresh;
    }

    /**
     * One article's changes, as one transaction: none applies when the article is gone, or when one change is
     * in it twice (DynamoDB refuses two writes of one item in a transaction, and the adapter skips such a batch).
     */
    private int applyTo(String slug, List<ApprovalChange> changes) {
        if (new HashSet<>(changes).size() < changes.size()) {
            return 0;
        }
        List<ApprovalChange> fresh = changes.stream().filter(c -> !applied.contains(mark(c))).toList();
        if (!articles.addToCount(slug, fresh.stream().mapToLong(ApprovalChange::delta).sum())) {
            return 0;
        }
        fresh.forEach(c -> applied.add(mark(c)));
        return fresh.size();
    }

    private static String mark(ApprovalChange change) {
        return change.commentId() + "#" + change.version();
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
