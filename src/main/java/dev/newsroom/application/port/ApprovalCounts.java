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

    /**
     * Sets the article's count to the approved comments its thread holds now and returns it: the repair after an
     * outage longer than the stream keeps changes, or after upgrading from a version that counted in each
     * comment's transaction. Run it when the change stream is caught up (changes applied meanwhile may be lost),
     * and no import is running: it also closes the count steps an interrupted import left open on the article.
     * Throws {@code article_not_found} when the article does not exist.
     */
    long recount(String articleSlug);
}
