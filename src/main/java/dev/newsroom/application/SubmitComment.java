package dev.newsroom.application;

import dev.newsroom.application.port.CommentRepository;
import dev.newsroom.application.port.CommentSubmission;
import dev.newsroom.application.port.IdGenerator;
import dev.newsroom.application.port.IdempotencyCollision;
import dev.newsroom.application.port.RecordedResponse;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentHtml;
import dev.newsroom.domain.CommentForm;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ModerationPolicy;
import dev.newsroom.domain.ServiceException;
import dev.newsroom.domain.SubmissionRules;
import dev.newsroom.domain.SubmittedComment;
import dev.newsroom.domain.TextRules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Submitting a comment, with WordPress's checks in WordPress's order: article (404, closed), parent (404,
 * unapproved, depth), fields (all at once), then duplicate and flood (checked atomically with the write), then
 * the moderation decision. An idempotent retry replays the first response and writes nothing.
 */
public final class SubmitComment {
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    private final ArticleService articles;
    private final CommentRepository comments;
    private final SettingsService settings;
    private final IdGenerator ids;
    private final Clock clock;

    public SubmitComment(ArticleService articles, CommentRepository comments, SettingsService settings,
                         IdGenerator ids, Clock clock) {
        this.articles = articles;
        this.comments = comments;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
    }

    /** The request as the gateway delivered it; {@code idempotencyKey} and {@code requestHash} may be null. */
    public record Request(String articleSlug, CommentForm form, ModerationPolicy.Sender sender,
                          String idempotencyKey, String requestHash) {
    }

    /**
     * The outcome of a submission: the comment's status and the receipt to answer with, and whether both are a
     * replay of the first submission with the same idempotency key ({@code comment} is null then).
     */
    public record Outcome(Comment comment, CommentStatus status, String receipt, boolean replayed) {
    }

    /**
     * Submits the comment; {@code receipt} builds, from the stored comment, the text to answer with now and to
     * replay for the same idempotency key (stored in the same transaction as the comment).
     */
    public Outcome submit(Request request, Function<Comment, String> receipt) {
        if (request.idempotencyKey() != null) {
            var earlier = comments.findResponse(request.idempotencyKey());
            if (earlier.isPresent()) {
                return replay(earlier.get(), request);
            }
        }
        DiscussionSettings rules = settings.current();
        Instant now = clock.instant();
        Article article = articles.publishedArticleNow(request.articleSlug());
        if (!articles.acceptsComments(article, rules)) {
            throw ServiceException.commentsClosed();
        }
        int depth = replyDepth(article, TextRules.normalize(request.form().parentId()), rules);
        SubmittedComment checked = SubmissionRules.check(request.form(), rules);
        boolean previouslyApproved = rules.requirePreviouslyApproved() && checked.authorEmail() != null
                && comments.isPreviouslyApproved(checked.authorName(), checked.authorEmail());
        CommentStatus status = ModerationPolicy.decide(checked, request.sender(), rules, previouslyApproved);

        Comment comment = new Comment(ids.newId(), article.slug(), depth == 1 ? null : checked.parentId(), depth, checked.authorName(),
                checked.authorEmail(), checked.authorUrl(), checked.content(), status, request.sender().ip(),
                request.sender().userAgent(), now, now, null, null, 1, request.idempotencyKey(),
                CommentHtml.format(checked.content()), false);
        String answer = receipt.apply(comment);
        RecordedResponse record = request.idempotencyKey() == null ? null
                : new RecordedResponse(request.idempotencyKey(), request.requestHash(), status, answer,
                now.plus(IDEMPOTENCY_WINDOW));
        try {
            comments.submit(new CommentSubmission(comment, rules.floodSeconds(), now, record));
        } catch (IdempotencyCollision raced) {
            return replay(comments.findResponse(request.idempotencyKey()).orElseThrow(() ->
                    ServiceException.unavailable(1)), request);
        }
        return new Outcome(comment, status, answer, false);
    }

    private int replyDepth(Article article, String parentId, DiscussionSettings rules) {
        if (TextRules.isBlank(parentId) || parentId.equals("0")) {
            return 1;
        }
        Comment parent = comments.find(parentId)
                .filter(c -> c.articleSlug().equals(article.slug()))
                .orElseThrow(ServiceException::commentNotFound);
        if (!parent.isApproved()) {
            throw new ServiceException(ErrorCode.REPLY_TO_UNAPPROVED,
                    "Sorry, replies to unapproved comments are not allowed.");
        }
        if (parent.depth() + 1 > rules.threadDepth()) {
            throw new ServiceException(ErrorCode.REPLY_TOO_DEEP,
                    "This reply would nest deeper than the " + rules.threadDepth() + " levels this site allows.");
        }
        return parent.depth() + 1;
    }

    private static Outcome replay(RecordedResponse earlier, Request request) {
        if (!earlier.requestHash().equals(request.requestHash())) {
            throw new ServiceException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for a different request.");
        }
        return new Outcome(null, earlier.status(), earlier.receipt(), true);
    }
}
