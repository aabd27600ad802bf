package dev.newsroom.adapter.in.api;

import dev.newsroom.application.Moderation;
import dev.newsroom.application.ModeratorReply;
import dev.newsroom.application.port.Page;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.ArticleRules;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.FieldError;
import dev.newsroom.domain.ServiceException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin function: moderation, discussion settings, articles and privacy requests. Deny by default:
 * without authorizer claims 401, without the {@code moderators} group in {@code cognito:groups} 403.
 */
public final class AdminFunction extends ApiFunction {
    static final String MODERATORS = "moderators";
    private static final FieldError VERSION_REQUIRED = new FieldError("version", "required", "Give the version you are changing.");

    public AdminFunction() {
        this(AppContext.shared());
    }

    public AdminFunction(AppContext app) {
        super(app, false);
        Priming.register(this);
    }

    @Override
    protected List<Route> routes() {
        return List.of(
                new Route("GET", "/admin/comments", this::queue),
                new Route("POST", "/admin/comments/bulk", this::bulk),
                new Route("GET", "/admin/comments/counts", this::counts),
                new Route("POST", "/admin/comments/{id}/reply", this::reply),
                new Route("GET", "/admin/comments/{id}", this::getComment),
                new Route("PATCH", "/admin/comments/{id}", this::patchComment),
                new Route("DELETE", "/admin/comments/{id}", this::deleteComment),
                new Route("GET", "/admin/settings", this::getSettings),
                new Route("PUT", "/admin/settings", this::putSettings),
                new Route("GET", "/admin/articles", this::listArticles),
                new Route("POST", "/admin/articles", this::createArticle),
                new Route("GET", "/admin/articles/{slug}", this::getArticle),
                new Route("PUT", "/admin/articles/{slug}", this::putArticle),
                new Route("DELETE", "/admin/articles/{slug}", this::deleteArticle),
                new Route("POST", "/admin/articles/{slug}/recount", this::recountArticle),
                new Route("GET", "/admin/privacy/export", this::export),
                new Route("POST", "/admin/privacy/erase", this::erase));
    }

    @Override
    protected void authorize(ApiRequest request) {
        Map<String, Object> claims = request.claims();
        if (claims.isEmpty()) {
            throw new ServiceException(ErrorCode.UNAUTHORIZED, "Sign in as a moderator to use this route.");
        }
        Object groups = claims.get("cognito:groups");
        String text = groups == null ? "" : groups.toString();
        boolean member = List.of(text.split("[\\[\\],\\s]+")).contains(MODERATORS);
        if (!member) {
            throw new ServiceException(ErrorCode.FORBIDDEN, "Only moderators may use this route.");
        }
    }

    private static String moderator(ApiRequest request) {
        Map<String, Object> claims = request.claims();
        for (String name : List.of("cognito:username", "username", "sub")) {
            if (claims.get(name) != null) {
                return claims.get(name).toString();
            }
        }
        return "moderator";
    }

    private ApiResponse queue(ApiRequest request) {
        String rawStatus = request.query("status");
        CommentStatus status = rawStatus == null ? CommentStatus.PENDING : CommentStatus.parse(rawStatus)
                .orElseThrow(() -> ServiceException.invalidParameter("status must be pending, approved, spam or trash."));
        int limit = intParameter(request, "limit", 1, 100, 50);
        String article = request.query("article");
        if (article != null && !ArticleRules.isValidSlug(article)) {
            throw ServiceException.invalidParameter("article must be an article slug.");
        }
        // The page is sized by its comments' stored sizes as it is read (PageBudget): within Lambda's response limit.
        String search = request.query("q");
        if (search != null) {
            var found = app.moderation().search(status, article, search, limit, request.query("cursor"));
            Map<String, Object> body = Views.page(withHistory(found.page().items()), found.page().nextCursor());
            body.put("examined", found.examined());
            return json(200, body);
        }
        Page<Comment> page = app.moderation().queue(status, article, limit, request.query("cursor"));
        return json(200, Views.page(withHistory(page.items()), page.nextCursor()));
    }

    /**
     * Admin views with each author's count of approved comments ({@code authorApprovedCount}) and, for a reply,
     * the comment it answers ({@code inReplyTo}: its id and author's name; null when it is gone).
     */
    private List<Map<String, Object>> withHistory(List<Comment> comments) {
        Map<String, Long> approved = app.moderation().authorsApproved(comments);
        Map<String, Comment> parents = app.moderation().parentsOf(comments);
        return comments.stream().map(c -> {
            Map<String, Object> view = Views.adminComment(c);
            view.put("authorApprovedCount", approved.get(c.id()));
            view.put("inReplyTo", Views.inReplyTo(parents.get(c.parentId())));
            return view;
        }).toList();
    }

    private ApiResponse getComment(ApiRequest request) {
        return json(200, withHistory(List.of(app.moderation().get(request.pathParameter("id")))).get(0));
    }

    private ApiResponse counts(ApiRequest request) {
        String article = request.query("article");
        if (article != null && !article.isEmpty() && !ArticleRules.isValidSlug(article)) {
            throw ServiceException.invalidParameter("article must be an article slug.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        app.moderation().counts(article == null || article.isEmpty() ? null : article)
                .forEach((status, count) -> body.put(status.wire(), count));
        return json(200, body);
    }

    private ApiResponse reply(ApiRequest request) {
        Comment reply = app.moderatorReply().reply(request.pathParameter("id"), jsonBody(request).text("content"),
                new ModeratorReply.Moderator(moderator(request), moderatorName(request), claim(request, "email")));
        return json(201, Views.adminComment(reply));
    }

    /** The name a moderator's reply shows: the token's {@code name}, else the email before {@code @}, else the account. */
    private static String moderatorName(ApiRequest request) {
        String name = claim(request, "name");
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        String email = claim(request, "email");
        if (email != null && email.indexOf('@') > 0) {
            return email.substring(0, email.indexOf('@'));
        }
        return moderator(request);
    }

    private static String claim(ApiRequest request, String name) {
        Object value = request.claims().get(name);
        return value == null ? null : value.toString();
    }

    private ApiResponse patchComment(ApiRequest request) {
        JsonObject body = jsonBody(request);
        String rawStatus = body.text("status");
        Long version = body.integer("version");
        CommentStatus status = rawStatus == null ? null : CommentStatus.parse(rawStatus).orElse(null);
        if (version == null || (rawStatus != null && status == null)) {
            throw ServiceException.validation(versionAndStatusErrors(version, rawStatus, status));
        }
        Comment updated = app.moderation().change(request.pathParameter("id"),
                new Moderation.Change(status, body.text("content"), version), moderator(request));
        return json(200, Views.adminComment(updated));
    }

    private static List<FieldError> versionAndStatusErrors(Long version, String rawStatus, CommentStatus status) {
        var errors = new java.util.ArrayList<FieldError>();
        if (rawStatus != null && status == null) {
            errors.add(new FieldError("status", "invalid", "The status must be pending, approved, spam or trash."));
        }
        if (version == null) {
            errors.add(VERSION_REQUIRED);
        }
        return errors;
    }

    private ApiResponse deleteComment(ApiRequest request) {
        app.moderation().delete(request.pathParameter("id"), requiredVersion(request));
        return ApiResponse.empty(204);
    }

    private ApiResponse bulk(ApiRequest request) {
        JsonObject body = jsonBody(request);
        var results = app.moderation().bulk(body.text("action"), body.texts("ids"), moderator(request));
        return json(200, Map.of("results", results.stream().map(AdminFunction::bulkResult).toList()));
    }

    private static Map<String, Object> bulkResult(Moderation.BulkResult r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.id());
        v.put("result", r.result());
        v.put("status", r.status());
        return v;
    }

    private ApiResponse getSettings(ApiRequest request) {
        return json(200, SettingsJson.toJson(app.settings().current()));
    }

    private ApiResponse putSettings(ApiRequest request) {
        JsonObject body = jsonBody(request);
        long version = bodyVersion(body);
        var saved = app.settings().update(stored -> SettingsJson.merge(stored, body), version);
        return json(200, SettingsJson.toJson(saved));
    }

    /**
     * The editors' list: published articles (newest first) or drafts (latest change first), each with its number of
     * pending comments ({@code pendingCount}: one count query of the article's pending thread partition each).
     */
    private ApiResponse listArticles(ApiRequest request) {
        String status = request.query("status") == null ? "published" : request.query("status");
        if (!status.equals("published") && !status.equals("draft")) {
            throw ServiceException.invalidParameter("status must be published or draft.");
        }
        int limit = intParameter(request, "limit", 1, 100, 50);
        // Article summaries are small (title, excerpt, a few fields): the limit alone bounds the page.
        Page<Article> page = status.equals("draft") ? app.articles().listDrafts(limit, request.query("cursor"))
                : app.articles().listPublished(null, limit, request.query("cursor"));
        Map<String, Long> pending = app.moderation().pendingCounts(page.items().stream().map(Article::slug).toList());
        return json(200, Views.page(page.items().stream().map(a -> {
            Map<String, Object> view = Views.adminArticleSummary(a);
            view.put("pendingCount", pending.get(a.slug()));
            return view;
        }).toList(), page.nextCursor()));
    }

    private ApiResponse createArticle(ApiRequest request) {
        var article = app.articles().create(ArticleDraftReader.read(jsonBody(request)));
        return json(201, Views.adminArticle(article));
    }

    private ApiResponse getArticle(ApiRequest request) {
        return json(200, Views.adminArticle(app.articles().anyArticle(request.pathParameter("slug"))));
    }

    private ApiResponse putArticle(ApiRequest request) {
        JsonObject body = jsonBody(request);
        long version = bodyVersion(body);
        var article = app.articles().update(request.pathParameter("slug"), ArticleDraftReader.read(body), version);
        return json(200, Views.adminArticle(article));
    }

    private ApiResponse deleteArticle(ApiRequest request) {
        Long version = request.query("version") == null ? null : requiredVersion(request);
        if (app.articles().delete(request.pathParameter("slug"), version)) {
            return ApiResponse.empty(204);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", request.pathParameter("slug"));
        body.put("status", "deleting");
        body.put("message", "The article is deleted; its comments are still being removed. Repeat this request to finish.");
        return json(202, body);
    }

    /** Sets the article's comment count from its approved comments (an operator's repair; see docs/DESIGN.md). */
    private ApiResponse recountArticle(ApiRequest request) {
        String slug = request.pathParameter("slug");
        app.articles().anyArticle(slug);
        app.countApprovals().recount(slug);
        return json(200, Views.adminArticle(app.articles().anyArticle(slug)));
    }

    /** A page of an author's comments, sized like the queue's (a few long comments would pass Lambda's limit). */
    private ApiResponse export(ApiRequest request) {
        int limit = intParameter(request, "limit", 1, 100, 50);
        Page<Comment> page = app.privacy().export(request.query("email"), limit, request.query("cursor"));
        return json(200, Views.page(page.items().stream().map(Views::adminComment).toList(), page.nextCursor()));
    }

    private ApiResponse erase(ApiRequest request) {
        var erasure = app.privacy().erase(jsonBody(request).text("email"));
        if (erasure.finished()) {
            return json(200, Map.of("erased", erasure.erased()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("erased", erasure.erased());
        body.put("status", "erasing");
        body.put("message", "Some comments are erased; more remain. Repeat this request to finish.");
        return json(202, body);
    }

    /** The {@code version} a PUT names (the one it changes); {@code validation_failed} without it. */
    private static long bodyVersion(JsonObject body) {
        Long version = body.integer("version");
        if (version == null) {
            throw ServiceException.validation(List.of(VERSION_REQUIRED));
        }
        return version;
    }

    private static long requiredVersion(ApiRequest request) {
        if (request.query("version") == null) {
            throw ServiceException.invalidParameter("version is required: the version you are deleting.");
        }
        return intParameter(request, "version", 0, Integer.MAX_VALUE, 0);
    }
}
