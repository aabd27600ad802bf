package dev.newsroom.local.wordpress;

import dev.newsroom.application.port.ArticleHtmlSanitizer;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.ArticleDraft;
import dev.newsroom.domain.ArticleRules;
import dev.newsroom.domain.AutoParagraphs;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentHtml;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.LeadImage;
import dev.newsroom.domain.ServiceException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns exported posts into articles and comments, as the contract says: published posts are published articles
 * (content through WordPress's auto-paragraph rule, then the article sanitizer, as editors' HTML; comments keep
 * their content and get WordPress's comment formatting);
 * drafts, pending, scheduled, private and password-protected posts are drafts; pages only when asked; other
 * items (attachments, menus, revisions, trashed posts) are left out. Comments keep their status, author, email,
 * URL, IP and GMT date; pingbacks and trackbacks are skipped; threads keep any depth, and a reply whose parent is
 * not among the post's imported comments (never exported, skipped, or in a loop) becomes top-level. What a post
 * holds is counted in the report only once it is stored ({@link ImportReport#stored}); other items are counted
 * here, and a post or comment that cannot be imported is reported with its place, counted as an error and left out.
 */
final class PostMapper {
    private static final int MAX_CATEGORIES = ArticleRules.MAX_CATEGORIES;
    private final boolean pages;
    private final ArticleHtmlSanitizer html;
    private final ImportReport report;
    private final MediaLibrary media;
    private final Shortcodes shortcodes;
    private final Slugs slugs = new Slugs();
    private final List<ImportProblem> problems = new ArrayList<>();

    /** {@code html}: the article sanitizer editors' HTML goes through; post content goes through it too. */
    PostMapper(boolean pages, ArticleHtmlSanitizer html, ImportReport report) {
        this(pages, html, report, new MediaLibrary(null));
    }

    /** {@code media}: the export's attachments, which posts' galleries, captions and featured images show. */
    PostMapper(boolean pages, ArticleHtmlSanitizer html, ImportReport report, MediaLibrary media) {
        this.pages = pages;
        this.html = html;
        this.report = report;
        this.media = media;
        this.shortcodes = new Shortcodes(media);
    }

    /** The problems met so far, then forgotten (the caller reports them as they come). */
    List<ImportProblem> takeProblems() {
        List<ImportProblem> taken = List.copyOf(problems);
        problems.clear();
        return taken;
    }

    Optional<MappedPost> map(WxrSite site, WxrPost post) {
        WxrRecord p = post.fields();
        String type = p.text("post_type").isEmpty() ? "post" : p.text("post_type");
        String status = p.text("status");
        boolean page = type.equals("page");
        if (!(type.equals("post") || page && pages) || Set.of("trash", "auto-draft", "inherit").contains(status)) {
            report.otherItems++;
            return Optional.empty();
        }
        try {
            p.checkBounds("post " + p.text("post_id"));
            long postId = number(p, "post_id");
            boolean published = status.equals("publish") && p.text("post_password").isEmpty();
            Instant date = WxrDates.first(p, "post_date_gmt", "post_date");
            Instant modified = WxrDates.first(p, "post_modified_gmt", "post_modified");
            Instant updatedAt = modified != null ? modified : date != null ? date : Instant.EPOCH;
            String title = PlainText.of(p.raw("title")).isEmpty() ? "(no title)" : PlainText.of(p.raw("title"));
            String bodyHtml = html.sanitize(media.rewrite(rendered(p.raw("content"), postId)));
            List<String> paragraphs = html.paragraphs(bodyHtml);
            if (paragraphs.isEmpty()) {
                paragraphs = List.of(title); // only an image, a gallery or an embed, or nothing: its title is its text
            }
            ArticleDraft draft = new ArticleDraft(slugs.next(p.text("post_name"), title, postId), title,
                    excerpt(p.raw("excerpt")), paragraphs, categories(post.categories()),
                    null, List.of(), List.of(), published ? "published" : "draft", p.text("comment_status").equals("open"),
                    published ? (date != null ? date : updatedAt) : null, bodyHtml);
            draft = draft.withLeadImage(leadImage(p).orElse(null));
            return Optional.of(mapped(site, postId, p.text("link"), article(draft, updatedAt, p), page, post.comments()));
        } catch (ImportProblem problem) {
            problems.add(problem);
            report.errors.incrementAndGet();
            return Optional.empty();
        }
    }

    private static Article article(ArticleDraft draft, Instant updatedAt, WxrRecord p) throws ImportProblem {
        try {
            return ArticleRules.toArticle(draft, updatedAt, 0, 1);
        } catch (ServiceException refused) {
            StringBuilder why = new StringBuilder("post ").append(p.text("post_id")).append(" (\"").append(draft.slug())
                    .append("\") cannot be an article:");
            refused.fields().forEach(e -> why.append(' ').append(e.message()));
            boolean body = refused.fields().stream().anyMatch(e -> e.field().startsWith("body"));
            throw new ImportProblem(why.toString(), body ? p.at("content") : p.start());
        }
    }

    /** The post with its comments threaded, and what it counts for once stored. */
    private MappedPost mapped(WxrSite site, long postId, String link, Article article, boolean page, List<WxrRecord> exported) {
        Map<Long, Comment> byWordPressId = new HashMap<>();
        Map<Long, Long> parents = new HashMap<>();
        int pingbacks = 0;
        int otherComments = 0;
        for (WxrRecord c : exported) {
            String type = c.text("comment_type");
            if (type.equals("pingback") || type.equals("trackback")) {
                pingbacks++;
                continue;
            }
            if (!type.isEmpty() && !type.equals("comment")) {
                otherComments++;
                continue;
            }
            try {
                c.checkBounds("comment " + c.text("comment_id"));
                long id = number(c, "comment_id");
                Instant date = WxrDates.first(c, "comment_date_gmt", "comment_date");
                Instant createdAt = date != null ? date : article.updatedAt();
                String parent = c.text("comment_parent");
                parents.put(id, parent.isEmpty() ? 0 : number(c, "comment_parent"));
                AuthorFields author = AuthorFields.of(c, problems);
                byWordPressId.put(id, new Comment(ImportIds.commentId(site.url(), id, createdAt), article.slug(), null, 1,
                        author.name(), author.email(), author.url(), c.raw("comment_content"), status(c), orNull(c.text("comment_author_IP")),
                        null, createdAt, createdAt, null, null, 1, null, CommentHtml.format(c.raw("comment_content")), false));
            } catch (ImportProblem problem) {
                problems.add(problem);
                report.errors.incrementAndGet();
            }
        }
        CommentThreads.Threaded threaded = CommentThreads.thread(byWordPressId, parents);
        return new MappedPost(ImportIds.articleOrigin(site.url(), postId), link, article, threaded.comments(), page, threaded.orphans(), pingbacks,
                otherComments);
    }

    /**
     * The post's featured image ({@code _thumbnail_id}) as its lead image: the attachment's full size, alt text and
     * caption (as text, cut to the article rules' lengths); none when the attachment is not in the export or its
     * size is unknown (the page reserves the image's space from it).
     */
    private Optional<LeadImage> leadImage(WxrRecord p) {
        String id = p.text("meta:_thumbnail_id");
        if (!id.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return media.find(Long.parseLong(id))
                .filter(a -> a.isImage() && a.width() != null && a.height() != null)
                .map(a -> new LeadImage(media.rewrite(a.url()), cut(a.alt(), ArticleRules.MAX_IMAGE_ALT),
                        orNull(cut(PlainText.of(a.caption()), ArticleRules.MAX_IMAGE_CAPTION)), null, a.width(), a.height()))
                .filter(image -> image.url().length() <= ArticleRules.MAX_IMAGE_URL);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    private static CommentStatus status(WxrRecord c) throws ImportProblem {
        return switch (c.text("comment_approved")) {
            case "1", "approve" -> CommentStatus.APPROVED;
            case "0", "hold" -> CommentStatus.PENDING;
            case "spam" -> CommentStatus.SPAM;
            case "trash", "post-trashed" -> CommentStatus.TRASH;
            default -> throw new ImportProblem("wp:comment_approved \"" + c.text("comment_approved")
                    + "\" is not a WordPress comment status (1, 0, spam, trash)", c.at("comment_approved"));
        };
    }

    private static long number(WxrRecord r, String field) throws ImportProblem {
        try {
            long n = Long.parseLong(r.text(field));
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ImportProblem("wp:" + field + " \"" + r.text(field) + "\" is not a WordPress id", r.at(field));
    }

    /**
     * The post's content as WordPress shows it: its shortcodes rendered (other shortcodes counted in the report),
     * known embeds alone on a line made link cards, then the block editor's content as it is (its paragraphs
     * are already {@code <p>}s, and WordPress skips its auto-paragraph rule for it), the classic editor's through
     * that rule.
     */
    private String rendered(String content, long postId) {
        Shortcodes.Rendered rendered = shortcodes.render(content, postId);
        report.unknownShortcodes(rendered.unknown());
        String html = Embeds.autoEmbed(rendered.html()); // after [embed], as WordPress runs it first
        return content.contains("<!-- wp:") ? html : AutoParagraphs.apply(html);
    }

    /** The exported excerpt as text, at most the article rules' length; null when there is none (then derived). */
    private String excerpt(String exported) {
        String text = String.join(" ", html.paragraphs(html.sanitize(exported))).trim();
        if (text.isEmpty()) {
            return null;
        }
        return cut(text, ArticleRules.MAX_EXCERPT);
    }

    private static List<String> categories(List<String> names) {
        return names.stream().map(PlainText::of).filter(n -> !n.isEmpty()).map(n -> n.length() <= ArticleRules.MAX_CATEGORY ? n : n.substring(0, ArticleRules.MAX_CATEGORY))
                .distinct().limit(MAX_CATEGORIES).toList();
    }

    private static String orNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
