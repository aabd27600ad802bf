package dev.newsroom.local.wordpress;

import dev.newsroom.domain.Article;
import dev.newsroom.domain.Comment;

import java.util.List;

/**
 * A post as this service stores it: the post it comes from ({@link ImportIds#articleOrigin}), its permalink
 * (empty when the export has none), the article and its
 * comments, each parent before its replies; and what else it adds to the summary once stored: whether it is a
 * page, its replies made top-level, and its comments skipped (pingbacks and trackbacks, other types).
 */
record MappedPost(String origin, String link, Article article, List<Comment> comments, boolean page, int orphans, int pingbacks,
                  int otherComments) {
}
