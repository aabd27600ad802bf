package dev.newsroom.adapter.in.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.newsroom.adapter.in.SnapStartPriming;
import dev.newsroom.application.UlidGenerator;
import dev.newsroom.application.port.CommentSubmission;
import dev.newsroom.application.port.RecordedResponse;
import dev.newsroom.application.port.SubmissionGuards;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentHtml;
import dev.newsroom.domain.CommentForm;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.domain.DuplicateFingerprint;
import dev.newsroom.domain.ModerationPolicy;
import dev.newsroom.domain.ServiceException;
import dev.newsroom.domain.SubmissionRules;
import dev.newsroom.domain.SubmittedComment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SnapStart priming: before Lambda snapshots an initialised function, the function runs its real paths once, so
 * the snapshot holds their loaded classes, warmed Jackson and SDK code and an open connection, without changing
 * any data:
 * <ul>
 *   <li>articles: the article read (of a slug that cannot exist), the list and the comment counts;</li>
 *   <li>comments: the thread read and a submission through the handler (both of the missing article), then the
 *       submission's own transaction, built by the real rules, for a comment with an empty id: DynamoDB refuses the
 *       whole transaction (an index key may not be empty), so none of its items is written;</li>
 *   <li>admin: the queue, the settings, a comment and an article that cannot exist (their reads and a PATCH, which
 *       stop at 404), a privacy export of an address that cannot exist, an article written as HTML with a slug
 *       that cannot be valid (sanitized, then refused by the rules: 400), then a moderation's transaction on a
 *       comment id that cannot exist, which DynamoDB refuses on the comment's version condition.</li>
 * </ul>
 * Requests carry the request id {@code priming}; their refusals are not counted as comment metrics. Outside
 * SnapStart the hook is never called. {@code PrimingTest} checks that the table is the same before and after.
 */
public final class Priming extends SnapStartPriming {
    /** A slug no article can have: the article reads and the refused writes all aim at it. */
    static final String SLUG = "snapstart-priming";
    /** A comment id that cannot exist: ULIDs of real comments carry their creation time, this one the epoch. */
    static final String COMMENT_ID = "00000000000000000000000000";
    static final String REQUEST_ID = "priming";
    /**
     * What the primed submissions say: a comment as readers write them, with an allowed tag, a written link, a bare
     * URL, a {@code www.} address, an email address and two paragraphs, so every step of the comment formatter and
     * of the link count runs before the snapshot, not in the first real submission after a restore.
     */
    static final String CONTENT = "Priming <b>bold</b> <a href=\"https://example.invalid/a\">a link</a>, "
            + "https://example.invalid/b (www.example.invalid) priming@example.invalid\n\nA second paragraph.";
    /** A comment id DynamoDB refuses as an index key: the primed submission's transaction is refused whole. */
    static final String UNSTORABLE_ID = "";
    private final ApiFunction function;

    private Priming(ApiFunction function) {
        this.function = function;
    }

    static void register(ApiFunction function) {
        SnapStartPriming.register(new Priming(function));
    }

    /** A hook for {@code function} that is not registered with CRaC (tests call it directly). */
    static Priming forTesting(ApiFunction function) {
        return new Priming(function);
    }

    /**
     * Runs {@code function}'s priming now and returns what each step answered ({@code "GET /articles/{slug} 404"},
     * {@code "submit refused: article_not_found"}); for measurements and tests, the same steps as the hook.
     */
    public static List<String> prime(ApiFunction function) {
        return new Priming(function).run();
    }

    @Override
    protected List<String> steps() {
        List<String> outcomes = new ArrayList<>();
        function.app.settings().current();
        if (function instanceof ArticlesFunction) {
            request(outcomes, "GET", "/articles/{slug}", Map.of("slug", SLUG), null, null, false);
            request(outcomes, "GET", "/articles", Map.of(), Map.of("limit", "1"), null, false);
            request(outcomes, "GET", "/comments/counts", Map.of(), Map.of("articles", SLUG), null, false);
        } else if (function instanceof CommentsFunction) {
            request(outcomes, "GET", "/articles/{slug}/comments", Map.of("slug", SLUG), Map.of("limit", "1"), null, false);
            request(outcomes, "POST", "/articles/{slug}/comments", Map.of("slug", SLUG), null, ApiFunction.JSON.write(
                    Map.of("authorName", "Priming", "authorEmail", "priming@example.invalid", "content", CONTENT)), false);
            refusedSubmission(outcomes);
        } else if (function instanceof AdminFunction) {
            request(outcomes, "GET", "/admin/comments", Map.of(), Map.of("limit", "1"), null, true);
            request(outcomes, "GET", "/admin/settings", Map.of(), null, null, true);
            request(outcomes, "GET", "/admin/comments/{id}", Map.of("id", COMMENT_ID), null, null, true);
            request(outcomes, "PATCH", "/admin/comments/{id}", Map.of("id", COMMENT_ID), null,
                    "{\"status\":\"approved\",\"version\":1}", true);
            request(outcomes, "GET", "/admin/articles/{slug}", Map.of("slug", SLUG), null, null, true);
            request(outcomes, "GET", "/admin/privacy/export", Map.of(), Map.of("email", "priming@example.invalid"), null, true);
            request(outcomes, "POST", "/admin/articles", Map.of(), null, "{\"slug\":\"-\",\"title\":\"Priming\","
                    + "\"bodyHtml\":\"<p>Priming <a href=\\\"https://example.invalid/\\\">link</a></p>\"}", true);
            refusedModeration(outcomes);
        }
        return outcomes;
    }

    private void request(List<String> outcomes, String method, String resource, Map<String, String> pathParameters,
                         Map<String, String> query, String body, boolean moderator) {
        String path = resource;
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        Map<String, String> headers = new HashMap<>();
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId(REQUEST_ID)
                .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp("192.0.2.1").withUserAgent("priming"));
        if (moderator) {
            context.setAuthorizer(Map.of("claims", Map.of("cognito:username", "priming", "cognito:groups", AdminFunction.MODERATORS)));
        }
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withHttpMethod(method).withResource(resource)
                .withPath(path).withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withQueryStringParameters(query).withHeaders(headers).withBody(body).withRequestContext(context);
        int status = function.handleRequest(event, null).getStatusCode();
        outcomes.add(method + " " + resource + " " + status);
    }

    /**
     * A held submission's reads (the early read of its marks included), rules and transaction, for the missing
     * article: refused on its condition.
     */
    private void refusedSubmission(List<String> outcomes) {
        var app = function.app;
        DiscussionSettings rules = app.settings().current();
        Instant now = app.clock().instant();
        SubmittedComment checked = SubmissionRules.check(new CommentForm("Priming", "priming@example.invalid", null,
                CONTENT, null, null), rules);
        var sender = new ModerationPolicy.Sender("192.0.2.1", "priming");
        try {
            app.commentRepository().refuseEarly(new SubmissionGuards(List.of(DuplicateFingerprint.of(SLUG, null,
                    checked.authorName(), checked.authorEmail(), checked.content())), sender.ip(), checked.authorEmail(),
                    Math.max(1, rules.floodSeconds()), now));
        } catch (ServiceException e) {
            outcomes.add("early read refused: " + e.code().wire());
        }
        boolean previouslyApproved = app.commentRepository().isPreviouslyApproved(checked.authorName(), checked.authorEmail());
        String contentHtml = CommentHtml.format(checked.content());
        CommentStatus status = ModerationPolicy.decide(checked, contentHtml, sender, rules, previouslyApproved);
        // An empty id: DynamoDB refuses the whole transaction before writing (an index key may not be empty), after
        // the request went the whole way (items built by the real rules, marshalled, signed, sent, the refusal read).
        Comment comment = new Comment(UNSTORABLE_ID, SLUG, null, 1, checked.authorName(), checked.authorEmail(),
                null, checked.content(), status == CommentStatus.APPROVED ? CommentStatus.PENDING : status,
                sender.ip(), sender.userAgent(), now, now, null, null, 1, null, contentHtml, false);
        String body = ApiFunction.JSON.write(Views.publicComment(comment));
        var record = new RecordedResponse("priming-" + new UlidGenerator(app.clock()).newId(), "priming", comment.status(), body,
                now.plusSeconds(60));
        try {
            app.commentRepository().submit(new CommentSubmission(comment, Math.max(1, rules.floodSeconds()), now, record));
            outcomes.add("submit written");
        } catch (ServiceException e) {
            outcomes.add("submit refused: " + e.code().wire());
        } catch (RuntimeException e) {
            outcomes.add("submit failed: " + e.getClass().getSimpleName());
        }
    }

    /** A moderation's transaction (held to approved) on a comment that cannot exist: refused on its version. */
    private void refusedModeration(List<String> outcomes) {
        var app = function.app;
        Instant now = app.clock().instant();
        Comment before = new Comment(COMMENT_ID, SLUG, null, 1, "Priming", "priming@example.invalid", null, "Priming.",
                CommentStatus.PENDING, null, null, Instant.EPOCH, Instant.EPOCH, null, null, 1, null,
                CommentHtml.format("Priming."), false);
        Comment after = before.moderated(CommentStatus.APPROVED, "priming", now).withVersion(2);
        try {
            app.commentRepository().update(before, after);
            outcomes.add("moderation written");
        } catch (ServiceException e) {
            outcomes.add("moderation refused: " + e.code().wire());
        } catch (RuntimeException e) {
            outcomes.add("moderation failed: " + e.getClass().getSimpleName());
        }
    }
}
