package dev.newsroom.application;

import dev.newsroom.application.port.CommentRepository;
import dev.newsroom.application.port.Page;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.Comment;

/** The public thread of an article: approved comments only, with the article's exact approved count. */
public final class CommentQueries {
    private final ArticleService articles;
    private final CommentRepository comments;

    public CommentQueries(ArticleService articles, CommentRepository comments) {
        this.articles = articles;
        this.comments = comments;
    }

    /** One page of the thread of a published article and its total. */
    public record Thread(Page<Comment> page, long total) {
    }

    public Thread approvedThread(String slug, boolean ascending, int limit, String cursor) {
        Article article = articles.publishedArticle(slug);
        Page<Comment> page = comments.listApproved(slug, ascending, limit, cursor);
        return new Thread(page, article.commentCount());
    }
}
