package dev.newsroom.adapter.in.pages;

import dev.newsroom.adapter.in.Metrics;
import dev.newsroom.adapter.in.QueryParameters;
import dev.newsroom.adapter.in.RedirectTargets;
import dev.newsroom.application.SubmitComment;
import dev.newsroom.application.port.Page;
import dev.newsroom.application.port.PageBudget;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentForm;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ModerationPolicy;
import dev.newsroom.domain.ServiceException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An article's page and what belongs to it: the page (article, thread, form), the form's post (303 to the new
 * comment, or the page again with the reader's text and each message beside its field), the thread as a fragment
 * for other sites, and the comments' feed. The thread is read whole, at most {@link #MAX_THREAD} comments.
 */
final class ArticlePages {
    static final int MAX_THREAD = 2000;
    static final int FEED_ITEMS = 50;
    /** The query parameters that say where in the thread a page is, or whose comment it previews. */
    private static final Set<String> THREAD_STATE = Set.of("cpage", "replytocom", "comment", "unapproved",
            "moderation-hash", "moderation");
    private static final Pattern COMMENT_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");
    private final AppContext app;
    private final ModerationHash hash;
    private final RedirectTargets redirectTargets;
    private final Metrics metrics;

    ArticlePages(AppContext app, ModerationHash hash, Metrics metrics) {
        this.app = app;
        this.hash = hash;
        this.metrics = metrics;
        this.redirectTargets = new RedirectTargets(app.config().allowedOrigins());
    }

    /**
     * The article's page; with {@code ?comment=ID} (the link feeds and the console give a comment), a redirect to the
     * page of the thread that holds that comment, at its anchor, or to the article when it is not shown there.
     */
    PageAnswer page(PageRequest r, SiteUrls urls, String slug) {
        String comment = r.query("comment");
        if (comment != null) {
            return PageAnswer.found(commentLink(urls, slug, comment));
        }
        return render(r, urls, slug, null);
    }

    /** Where comment {@code id} is read: the page of the thread that holds it, at its anchor; else the article. */
    private String commentLink(SiteUrls urls, String slug, String id) {
        app.articles().publishedArticle(slug); // an article that is not published is not found
        String article = urls.article(slug);
        boolean shown = COMMENT_ID.matcher(id).matches() && app.commentRepository().find(id)
                .filter(c -> c.isApproved() && c.articleSlug().equals(slug)).isPresent();
        // one read for a comment that is not shown there; the thread only for one that is
        return shown ? SiteUrls.atComment(article, pageOf(approved(slug), article, id), id) : article;
    }

    /**
     * The page of a comment just stored: it is stored whatever happens now, so a thread that cannot be read sends
     * its author to the first page rather than to an error.
     */
    private int pageOfStored(String slug, String article, String id) {
        try {
            return pageOf(approved(slug), article, id);
        } catch (ServiceException unavailable) {
            return 1;
        }
    }

    /** The page (from 1) of the thread at {@code article} that holds comment {@code id}; 1 when none does. */
    private int pageOf(List<Comment> approved, String article, String id) {
        return ThreadView.of(approved, null, 0, paging(article), 0, id).page();
    }

    /**
     * The form's post: WordPress's field names; the reader goes back to this article's page either way. Counted in
     * the comment metrics as the API's submissions are.
     */
    PageAnswer post(PageRequest r, SiteUrls urls, String slug) {
        try {
            return submit(r, urls, slug);
        } catch (ServiceException e) {
            if (r.outcome() == null && r.refusal() == null) {
                // not counted yet: a failure after the comment was stored or refused is not a second one
                metrics.rejected(e.code().wire());
            }
            throw e;
        }
    }

    private PageAnswer submit(PageRequest r, SiteUrls urls, String slug) {
        Map<String, String> fields = r.form();
        Map<String, String> typed = new HashMap<>();
        for (String name : List.of("author", "email", "url", "comment")) {
            typed.put(name, fields.getOrDefault(name, ""));
        }
        String parent = fields.get("comment_parent");
        String parentId = parent == null || parent.isBlank() || parent.equals("0") ? null : parent.trim();
        CommentForm form = new CommentForm(fields.get("author"), fields.get("email"), fields.get("url"),
                fields.get("comment"), parentId, fields.get("hp"));
        SubmitComment.Outcome outcome;
        try {
            outcome = app.submitComment().submit(new SubmitComment.Request(slug, form,
                    new ModerationPolicy.Sender(r.sourceIp(), r.header("User-Agent")), null, null, r.header("Referer")),
                    Comment::id);
        } catch (ServiceException e) {
            if (e.code() == ErrorCode.ARTICLE_NOT_FOUND || e.code() == ErrorCode.UNAVAILABLE) {
                throw e;
            }
            metrics.rejected(e.code().wire());
            r.refusedWith(e);
            PageAnswer again = render(r, urls, slug, FormState.refused(typed, parentId, e));
            PageAnswer refused = new PageAnswer(PageStatus.of(e.code()), again.type(), again.body(), again.headers(), false);
            if (e.retryAfterSeconds() > 0) {
                refused.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            return refused;
        }
        r.outcome(Metrics.outcome(outcome.status()));
        metrics.stored(r.outcome());
        String id = outcome.receipt();
        String article = urls.article(slug);
        if (outcome.status() == CommentStatus.APPROVED) {
            return PageAnswer.seeOther(SiteUrls.atComment(article, pageOfStored(slug, article, id), id));
        }
        return PageAnswer.seeOther(article + "?unapproved=" + SiteUrls.query(id) + "&moderation-hash="
                + hash.of(id) + "#comment-" + id);
    }

    /**
     * The thread and form alone, the same markup as the page, for a site that keeps its own front end: the form
     * posts to the API's form endpoint, which sends the reader back to {@code redirect_to}. Every link of this
     * publicly cached fragment is on that page, so it is taken only where the API would redirect to it (an allowed
     * origin, {@link RedirectTargets}); anything else gives this article's own page.
     */
    PageAnswer fragment(PageRequest r, SiteUrls urls, String slug) {
        Article a = app.articles().publishedArticle(slug);
        DiscussionSettings settings = app.settings().current();
        String allowed = redirectTargets.allowed(r.query("redirect_to"));
        // the including page's address as it was asked for may hold a thread page or a reply of its own: not kept
        String pageUrl = allowed != null ? QueryParameters.without(allowed, THREAD_STATE) : urls.article(slug);
        List<Comment> approved = approved(slug);
        String replyTo = replyTarget(r.query("replytocom"), approved, settings);
        ThreadView thread = ThreadView.of(approved, null, total(a, approved), paging(pageUrl), number(r.query("cpage")),
                replyTo);
        String form = CommentFormHtml.render(urls.base() + "/articles/" + SiteUrls.segment(slug) + "/comments", pageUrl,
                pageUrl, FormState.empty(replyTo), nameOf(approved, replyTo));
        boolean open = app.articles().acceptsComments(a, settings);
        return PageAnswer.html(200, ThreadHtml.render(thread, a.title(),
                new ThreadHtml.Context(pageUrl, settings.display(), settings.threadDepth(), open, replyTo, form)));
    }

    /** The newest comments, at most {@value #FEED_ITEMS}, as many as fit {@link PageSizes#COMMENT_BYTES}. */
    PageAnswer commentsFeed(SiteUrls urls, String slug) {
        Article a = app.articles().publishedArticle(slug);
        String articleUrl = urls.article(slug);
        PageBudget budget = new PageBudget(FEED_ITEMS, PageSizes.COMMENT_BYTES);
        List<Comment> newest = app.commentRepository().listApproved(slug, false, FEED_ITEMS, null).items().stream()
                .takeWhile(c -> budget.take(PageSizes.inFeed(c, articleUrl))).toList();
        return PageAnswer.of(PageAnswer.RSS, Feeds.comments(a, newest, urls, app.clock().instant()));
    }

    /** How the thread of a page at {@code pageUrl} is cut: the site's comments a page, within the pages' byte budget. */
    private ThreadView.Paging paging(String pageUrl) {
        return new ThreadView.Paging(app.settings().current().display().commentsPerPage(),
                c -> PageSizes.inThread(c, pageUrl), PageSizes.COMMENT_BYTES);
    }

    private PageAnswer render(PageRequest r, SiteUrls urls, String slug, FormState refused) {
        Article a = app.articles().publishedArticle(slug);
        DiscussionSettings settings = app.settings().current();
        List<Comment> approved = approved(slug);
        Comment held = held(r, slug);
        String replyTo = refused != null ? refused.parentId() : replyTarget(r.query("replytocom"), approved, settings);
        String articleUrl = urls.article(slug);
        ThreadView thread = ThreadView.of(approved, held, total(a, approved), paging(articleUrl),
                number(r.query("cpage")), held != null ? held.id() : replyTo);
        FormState form = refused != null ? refused : FormState.empty(replyTo);
        String formHtml = CommentFormHtml.render(articleUrl, articleUrl, articleUrl, form, nameOf(approved, replyTo));
        boolean open = app.articles().acceptsComments(a, settings);
        String main = ArticleHtml.render(a, urls, settings.display()) + ThreadHtml.render(thread, a.title(),
                new ThreadHtml.Context(articleUrl, settings.display(), settings.threadDepth(), open, replyTo, formHtml));
        boolean personal = held != null || refused != null;
        PageHead head = new PageHead(a.title() + " – " + Layout.SITE_NAME, a.excerpt(), articleUrl, "article",
                a.leadImage(), JsonLd.newsArticle(a, urls, thread),
                personal || r.query("replytocom") != null);
        PageAnswer answer = PageAnswer.html(200, Layout.page(urls, head, main, slug));
        return personal ? answer.forOneReader() : answer;
    }

    /** The approved comments, oldest first (at most {@link #MAX_THREAD}). */
    List<Comment> approved(String slug) {
        List<Comment> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<Comment> page = app.commentRepository().listApproved(slug, true, 100, cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && all.size() < MAX_THREAD);
        return all;
    }

    private static long total(Article a, List<Comment> approved) {
        return approved.size() < MAX_THREAD ? approved.size() : Math.max(a.commentCount(), approved.size());
    }

    /** The comment a valid moderation hash shows its author, or null. */
    private Comment held(PageRequest r, String slug) {
        String id = r.query("unapproved");
        String given = r.query("moderation-hash");
        if (id == null || given == null || !COMMENT_ID.matcher(id).matches()) {
            return null;
        }
        Comment c = app.commentRepository().find(id).orElse(null);
        return hash.shows(c, slug, given, app.clock().instant()) ? c : null;
    }

    /** The comment {@code ?replytocom=} names when a reply may go under it; null otherwise (the form stays below). */
    private static String replyTarget(String id, List<Comment> approved, DiscussionSettings settings) {
        if (id == null) {
            return null;
        }
        return approved.stream().filter(c -> c.id().equals(id) && c.depth() < settings.threadDepth())
                .map(Comment::id).findFirst().orElse(null);
    }

    private static String nameOf(List<Comment> approved, String id) {
        return id == null ? null : approved.stream().filter(c -> c.id().equals(id)).map(Comment::authorName)
                .findFirst().orElse("a comment");
    }

    private static int number(String value) {
        if (value == null || !value.matches("[0-9]{1,6}")) {
            return 0;
        }
        return Integer.parseInt(value);
    }
}
