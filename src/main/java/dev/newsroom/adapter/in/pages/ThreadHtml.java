package dev.newsroom.adapter.in.pages;

import dev.newsroom.domain.Comment;
import dev.newsroom.domain.PageDisplay;
import dev.newsroom.domain.SiteDates;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import static dev.newsroom.adapter.in.pages.Html.esc;

/**
 * The thread as WordPress's themes mark it up ({@code ol.comment-list}, {@code li#comment-ID}, {@code ol.children}),
 * the same for the pages and the fragment: each comment's author (linked when it gave a site, with the moderator
 * badge on a moderator's reply), avatar, date in the site's format and time zone (the instant in {@code datetime}),
 * its formatted content, and a Reply link ({@code ?replytocom=ID#respond}) only where a reply may still go. The
 * form sits under the comment replied to, else after the thread; pages of the thread are linked below it.
 */
final class ThreadHtml {
    static final String AWAITING = "Your comment is awaiting moderation. This is a preview; your comment will be "
            + "visible after it has been approved.";

    /** How to draw: the article's page address, the site's display settings, depth limit, and the form's place. */
    record Context(String articleUrl, PageDisplay display, int threadDepth, boolean open, String replyToId,
                   String formHtml) {
    }

    private ThreadHtml() {
    }

    static String render(ThreadView thread, String articleTitle, Context context) {
        StringBuilder html = new StringBuilder(2048 + thread.roots().size() * 1200);
        html.append("<section id=\"comments\" class=\"comments-area\" data-nr-thread>\n<h2 class=\"comments-title\">");
        if (thread.total() == 0) {
            html.append("No comments yet on &ldquo;").append(esc(articleTitle)).append("&rdquo;");
        } else {
            html.append(thread.total() == 1 ? "One comment" : thread.total() + " comments")
                    .append(" on &ldquo;").append(esc(articleTitle)).append("&rdquo;");
        }
        html.append("</h2>\n");
        if (!thread.roots().isEmpty()) {
            html.append("<ol class=\"comment-list\">\n");
            for (ThreadView.Node node : thread.roots()) {
                comment(html, node, thread, context);
            }
            html.append("</ol>\n");
        }
        navigation(html, thread, context.articleUrl());
        boolean formPlaced = context.replyToId() != null && contains(thread, context.replyToId());
        if (!context.open()) {
            html.append("<p class=\"no-comments\">Comments are closed.</p>\n");
        } else if (!formPlaced) {
            html.append(context.formHtml());
        }
        return html.append("</section>\n").toString();
    }

    private static void comment(StringBuilder html, ThreadView.Node node, ThreadView thread, Context context) {
        Comment c = node.comment();
        boolean held = c.id().equals(thread.heldId());
        String permalink = SiteUrls.atComment(context.articleUrl(), thread.page(), c.id());
        html.append("<li id=\"comment-").append(esc(c.id())).append("\" class=\"comment depth-").append(c.depth())
                .append(c.byModerator() ? " bymoderator" : "").append(held ? " comment-held" : "")
                .append(node.children().isEmpty() ? "" : " parent").append("\"")
                .append(held ? " data-held" : "").append(">\n<article class=\"comment-body\" id=\"div-comment-")
                .append(esc(c.id())).append("\">\n<footer class=\"comment-meta\"><div class=\"comment-author\">")
                .append(Avatars.img(context.display(), c.avatarHash())).append("<b class=\"fn\">");
        String url = c.authorUrl();
        String name = c.authorName() == null || c.authorName().isBlank() ? "Anonymous" : c.authorName();
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            html.append("<a href=\"").append(esc(url)).append("\" rel=\"external nofollow ugc\" class=\"url\">")
                    .append(esc(name)).append("</a>");
        } else {
            html.append(esc(name));
        }
        html.append("</b>");
        if (c.byModerator()) {
            html.append(" <span class=\"badge-moderator\">Moderator</span>");
        }
        html.append("</div>\n<div class=\"comment-metadata\"><a href=\"").append(esc(permalink)).append("\">")
                .append(time(c, context.display())).append("</a></div>\n");
        if (held) {
            html.append("<p class=\"comment-awaiting-moderation\" role=\"status\">").append(AWAITING).append("</p>\n");
        }
        html.append("</footer>\n<div class=\"comment-content\">").append(c.contentHtml()).append("</div>\n");
        if (context.open() && !held && c.isApproved() && c.depth() < context.threadDepth()) {
            html.append("<div class=\"reply\"><a rel=\"nofollow\" class=\"comment-reply-link\" href=\"")
                    .append(esc(SiteUrls.withQuery(context.articleUrl(), "replytocom=" + c.id()) + "#respond")).append("\" data-commentid=\"")
                    .append(esc(c.id())).append("\" data-replyto=\"Reply to ").append(esc(name))
                    .append("\" aria-label=\"Reply to ").append(esc(name)).append("\">Reply</a></div>\n");
        }
        html.append("</article>\n");
        if (context.open() && c.id().equals(context.replyToId())) {
            html.append(context.formHtml());
        }
        if (!node.children().isEmpty()) {
            html.append("<ol class=\"children\">\n");
            for (ThreadView.Node child : node.children()) {
                comment(html, child, thread, context);
            }
            html.append("</ol>\n");
        }
        html.append("</li>\n");
    }

    /** {@code <time>} with the site's date and time as text and the instant, to the second, in {@code datetime}. */
    static String time(Comment c, PageDisplay display) {
        String date = SiteDates.format(c.createdAt(), display.dateFormat(), display.zone());
        String clock = SiteDates.format(c.createdAt(), display.timeFormat(), display.zone());
        String iso = DateTimeFormatter.ISO_INSTANT.format(c.createdAt().truncatedTo(ChronoUnit.SECONDS));
        return "<time datetime=\"" + iso + "\" title=\"" + esc(date + " " + clock) + "\">" + esc(date) + " at "
                + esc(clock) + "</time>";
    }

    private static void navigation(StringBuilder html, ThreadView thread, String articleUrl) {
        if (thread.pages() <= 1) {
            return;
        }
        html.append("<nav class=\"comment-navigation\" aria-label=\"Comments pages\">");
        if (thread.page() > 1) {
            html.append("<a class=\"nav-previous\" href=\"").append(esc(SiteUrls.withQuery(articleUrl, "cpage=" + (thread.page() - 1))))
                    .append("#comments\">&larr; Older comments</a> ");
        }
        html.append("<span class=\"page-numbers\">Page ").append(thread.page()).append(" of ").append(thread.pages())
                .append("</span>");
        if (thread.page() < thread.pages()) {
            html.append(" <a class=\"nav-next\" href=\"").append(esc(SiteUrls.withQuery(articleUrl, "cpage=" + (thread.page() + 1))))
                    .append("#comments\">Newer comments &rarr;</a>");
        }
        html.append("</nav>\n");
    }

    private static boolean contains(ThreadView thread, String id) {
        return thread.roots().stream().anyMatch(root -> ThreadView.holds(root, id));
    }
}
