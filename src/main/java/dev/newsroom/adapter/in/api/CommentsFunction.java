package dev.newsroom.adapter.in.api;

import dev.newsroom.application.CommentQueries;
import dev.newsroom.application.SubmitComment;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentForm;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.Hashes;
import dev.newsroom.domain.ModerationPolicy;
import dev.newsroom.domain.ServiceException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The public comments function: an article's approved thread, and comment submission. */
public final class CommentsFunction extends ApiFunction {
    static final String AWAITING_MODERATION = "Your comment is awaiting moderation.";
    private final Metrics metrics;

    public CommentsFunction() {
        this(AppContext.shared());
    }

    public CommentsFunction(AppContext app) {
        super(app, true);
        this.metrics = new Metrics(JSON);
        Priming.register(this);
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
            if (!Priming.running()) {
                metrics.rejected(e.code().wire());
            }
            throw e;
        }
    }

    private ApiResponse submitOnce(ApiRequest request) {
        String key = idempotencyKey(request);
        CommentForm form = CommentFormReader.read(request, JSON);
        String requestHash = key == null ? null : Hashes.sha256Hex(request.path() + "\n" + request.mediaType()
                + "\n" + request.bodyText());
        var submission = new SubmitComment.Request(request.pathParameter("slug"), form,
                new ModerationPolicy.Sender(request.sourceIp(), request.userAgent()), key, requestHash,
                request.header("Referer"));
        SubmitComment.Outcome outcome = app.submitComment().submit(submission, this::receipt);
        request.outcome(outcome.replayed() ? "replayed" : outcomeName(outcome.status()));
        if (!outcome.replayed()) {
            metrics.stored(request.outcome());
        }
        return ApiResponse.json(outcome.status() == CommentStatus.APPROVED ? 201 : 202, outcome.receipt());
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

    private static String outcomeName(CommentStatus status) {
        return switch (status) {
            case APPROVED -> "approved";
            case SPAM -> "spam";
            default -> "held";
        };
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
