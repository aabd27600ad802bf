package dev.newsroom.adapter.in.api;

import dev.newsroom.adapter.in.Metrics;
import dev.newsroom.adapter.in.RedirectTargets;
import dev.newsroom.application.CommentQueries;
import dev.newsroom.application.SubmitComment;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.Hashes;
import dev.newsroom.domain.ModerationPolicy;
import dev.newsroom.domain.ServiceException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public comments function: an article's approved thread, and comment submission (JSON, or a form; a form
 * posted by a browser without script is answered as {@link BrowserForms} says).
 */
public final class CommentsFunction extends ApiFunction {
    static final String AWAITING_MODERATION = "Your comment is awaiting moderation.";
    private final Metrics metrics;
    private final BrowserForms browserForms;

    public CommentsFunction() {
        this(AppContext.shared());
    }

    public CommentsFunction(AppContext app) {
        super(app, true);
        this.metrics = new Metrics(JSON::write);
        this.browserForms = new BrowserForms(new RedirectTargets(app.config().allowedOrigins()));
        Priming.register(this);
    }

    @Override
    protected int maxBodyBytes() {
        return ApiRequest.MAX_COMMENT_BODY_BYTES;
    }

    @Override
    protected List<Route> routes() {
        return List.of(
                new Route("GET", "/articles/{slug}/comments", this::thread),
                new Route("POST", "/articles/{slug}/comments", this::submit));
    }

    private ApiResponse thread(ApiRequest request) {
        String order = request.query("order");
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            throw ServiceException.invalidParameter("order must be asc or desc.");
        }
        int limit = intParameter(request, "limit", 1, 100, 50);
        // The page is sized by its comments' stored sizes as it is read (PageBudget): within Lambda's response limit.
        CommentQueries.Thread thread = app.commentQueries().approvedThread(request.pathParameter("slug"),
                !"desc".equals(order), limit, request.query("cursor"));
        Map<String, Object> body = Views.page(thread.page().items().stream().map(Views::publicComment).toList(),
                thread.page().nextCursor());
        body.put("total", thread.total());
        return json(200, body);
    }

    private ApiResponse submit(ApiRequest request) {
        try {
            return submitOnce(request);
        } catch (ServiceException e) {
            metrics.rejected(e.code().wire());
            throw e;
        }
    }

    private ApiResponse submitOnce(ApiRequest request) {
        String key = idempotencyKey(request);
        CommentFormReader.Posted posted = CommentFormReader.read(request, JSON);
        String requestHash = key == null ? null : requestHash(request);
        var submission = new SubmitComment.Request(request.pathParameter("slug"), posted.form(),
                new ModerationPolicy.Sender(request.sourceIp(), request.userAgent()), key, requestHash,
                request.header("Referer"));
        SubmitComment.Outcome outcome = app.submitComment().submit(submission, this::receipt);
        request.outcome(outcome.replayed() ? "replayed" : Metrics.outcome(outcome.status()));
        if (!outcome.replayed()) {
            metrics.stored(request.outcome());
        }
        int status = outcome.status() == CommentStatus.APPROVED ? 201 : 202;
        if (BrowserForms.wanted(request)) {
            // The receipt, not the comment: a replay for the same Idempotency-Key has only the receipt.
            String id = JSON.parseObject(outcome.receipt()).text("id");
            return browserForms.stored(browserForms.target(request, posted.redirectTo()), id, status == 202);
        }
        return ApiResponse.json(status, outcome.receipt());
    }

    /** A browser's form post is refused with an HTML page; everyone else gets the contract's JSON error. */
    @Override
    protected ApiResponse refused(ApiRequest request, ServiceException e) {
        if (!BrowserForms.wanted(request)) {
            return super.refused(request, e);
        }
        String target = browserForms.target(request, CommentFormReader.redirectTo(request));
        return browserForms.refused(e, target);
    }

    /** The body a submission answers with (201 published, 202 held), and replays for the same key. */
    private String receipt(Comment comment) {
        if (comment.isApproved()) {
            Map<String, Object> body = Views.publicComment(comment);
            body.put("status", "approved");
            return JSON.write(body);
        }
        Map<String, Object> held = new LinkedHashMap<>();
        held.put("id", comment.id());
        held.put("status", "pending");
        held.put("message", AWAITING_MODERATION);
        return JSON.write(held);
    }

    /**
     * What a retry with the same key must repeat: path, media type and body bytes (for a UTF-8 body, the hash the
     * service always kept: of the path, type and body text), so a form in another charset has one too.
     */
    private static String requestHash(ApiRequest request) {
        byte[] head = (request.path() + "\n" + request.mediaType() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = request.bodyBytes();
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return Hashes.sha256Hex(all);
    }

    private static String idempotencyKey(ApiRequest request) {
        String key = request.header("Idempotency-Key");
        if (key == null) {
            return null;
        }
        boolean printable = !key.isEmpty() && key.length() <= 128 && key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
        if (!printable) {
            throw ServiceException.invalidParameter("Idempotency-Key must be 1 to 128 printable ASCII characters.");
        }
        return key;
    }
}
