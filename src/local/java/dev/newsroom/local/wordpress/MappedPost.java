package dev.newsroom.local.wordpress;

import dev.newsroom.domain.Article;
import dev.newsroom.domain.Comment;

import java.util.List;

/** A post as this service stores it: the article and its comments, each parent before its replies. */
record MappedPost(Article article, List<Comment> comments) {
}
