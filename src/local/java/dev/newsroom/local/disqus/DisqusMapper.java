package dev.newsroom.local.disqus;

import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentHtml;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.local.wordpress.AuthorFields;
import dev.newsroom.local.wordpress.CommentThreads;
import dev.newsroom.local.wordpress.ImportIds;
import dev.newsroom.local.wordpress.ImportProblem;
import dev.newsroom.local.wordpress.WxrRecord;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One thread's Disqus posts as comments of an article: spam stays spam, a deleted post is trash, every other post
 * approved (Disqus exports what it shows); threading kept by parent ({@link CommentThreads}); the date is
 * {@code createdAt} (UTC); author name and email held to the rules a WordPress comment is ({@link AuthorFields}),
 * an anonymous author without email; the message, HTML paragraphs in Disqus, made the plain text with blank
 * lines a submitted comment is, then formatted as comments are. Ids are made from the forum and the post's
 * {@code dsq:id}, so running the import again names the same comments.
 */
final class DisqusMapper {
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("(?i)</p>\\s*<p(\\s[^>]*)?>");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern OUTER_PARAGRAPH = Pattern.compile("(?i)^\\s*<p(\\s[^>]*)?>|</p>\\s*$");

    private DisqusMapper() {
    }

    /** The thread's posts as threaded comments of {@code slug}; a post that cannot be one is added to {@code problems}. */
    static CommentThreads.Threaded comments(DisqusThread thread, String slug, List<DisqusPost> posts, List<ImportProblem> problems) {
        Map<String, Comment> byId = new LinkedHashMap<>();
        Map<String, String> parents = new LinkedHashMap<>();
        for (DisqusPost post : posts) {
            try {
                byId.put(post.dsqId(), comment(thread, slug, post, problems));
                parents.put(post.dsqId(), post.parent());
            } catch (ImportProblem problem) {
                problems.add(problem);
            }
        }
        return CommentThreads.thread(byId, parents);
    }

    private static Comment comment(DisqusThread thread, String slug, DisqusPost post, List<ImportProblem> problems) throws ImportProblem {
        WxrRecord f = post.fields();
        f.checkBounds("post " + post.dsqId());
        if (!post.dsqId().matches("[0-9]{1,18}")) {
            throw new ImportProblem("post without a numeric dsq:id (\"" + post.dsqId() + "\"); left out", f.start());
        }
        Instant createdAt = date(f);
        String content = text(f.raw("comment_content"));
        Map<String, String> values = new LinkedHashMap<>(f.values());
        values.put("comment_content", content);
        if (post.anonymous()) {
            values.remove("comment_author_email");
        }
        AuthorFields author = AuthorFields.of(new WxrRecord(f.start(), values, f.positions()), problems);
        CommentStatus status = post.spam() ? CommentStatus.SPAM : post.deleted() ? CommentStatus.TRASH : CommentStatus.APPROVED;
        String ip = f.text("comment_author_IP");
        return new Comment(ImportIds.commentId("disqus:" + thread.forum(), Long.parseLong(post.dsqId()), createdAt), slug, null, 1,
                author.name(), author.email(), null, content, status, ip.isEmpty() ? null : ip, null, createdAt, createdAt,
                null, null, 1, null, CommentHtml.format(content), false);
    }

    private static Instant date(WxrRecord f) throws ImportProblem {
        String text = f.text("comment_date_gmt");
        try {
            return text.endsWith("Z") ? Instant.parse(text) : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ImportProblem("createdAt \"" + text + "\" is not a date (yyyy-mm-ddThh:mm:ssZ); left out",
                    f.at("comment_date_gmt"));
        }
    }

    /** Disqus's message HTML as a comment's text: paragraphs as blank lines, breaks as newlines, the rest as it is. */
    static String text(String message) {
        String text = OUTER_PARAGRAPH.matcher(message.strip()).replaceAll("");
        text = PARAGRAPH_BREAK.matcher(text).replaceAll("\n\n");
        return LINE_BREAK.matcher(text).replaceAll("\n").strip();
    }
}
