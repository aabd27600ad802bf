package dev.newsroom.local.disqus;

import dev.newsroom.local.wordpress.WxrRecord;

/**
 * A Disqus comment: its internal id, its thread's and parent's (empty for none), whether Disqus holds it as spam
 * or deleted and its author anonymous, and its other fields as a record in the names WordPress's comments use
 * ({@code comment_author}, {@code comment_author_email}, {@code comment_content}, {@code comment_author_IP},
 * {@code comment_date_gmt}), each with its place, so they are held to the same rules as a WordPress comment.
 */
record DisqusPost(String dsqId, String thread, String parent, boolean spam, boolean deleted, boolean anonymous,
                  WxrRecord fields) {
}
