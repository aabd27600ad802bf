package dev.newsroom.application.port;

import java.util.List;

/**
 * The articles' {@code commentCount}. No comment write touches the article item (concurrent transactions on
 * one item cancel each other, and a lead story draws many at once): the changes are applied afterwards, from the
 * table's change stream, each exactly once however often it is delivered.
 */
public interface ApprovalCounts {
    /** Applies each change to its article's count unless it was applied before; returns how many were new. */
    int applyOnce(List<ApprovalChange> changes);
}
