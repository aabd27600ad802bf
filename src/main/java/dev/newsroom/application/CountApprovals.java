package dev.newsroom.application;

import dev.newsroom.application.port.ApprovalChange;
import dev.newsroom.application.port.ApprovalCounts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Keeps every article's {@code commentCount} equal to its approved comments: each comment entering the approved
 * state (published at once, or approved by a moderator) adds one, each leaving it takes one away. Changes arrive
 * in order per comment and at least once; each is applied exactly once, so a count is exact once writes stop
 * and never below zero (a comment's -1 always follows its +1).
 */
public final class CountApprovals {
    private final ApprovalCounts counts;

    public CountApprovals(ApprovalCounts counts) {
        this.counts = counts;
    }

    /** Applies the changes, each once even when it appears twice; returns how many were newly applied. */
    public int apply(List<ApprovalChange> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        return counts.applyOnce(new ArrayList<>(new LinkedHashSet<>(changes)));
    }

    /** Sets the article's count from its approved comments (see {@link ApprovalCounts#recount}). */
    public long recount(String articleSlug) {
        return counts.recount(articleSlug);
    }
}
