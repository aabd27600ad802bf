package dev.newsroom.application;

import dev.newsroom.application.port.CommentRepository;
import dev.newsroom.application.port.CommentSubmission;
import dev.newsroom.application.port.IdGenerator;
import dev.newsroom.application.port.IdempotencyCollision;
import dev.newsroom.application.port.RecordedResponse;
import dev.newsroom.application.port.SpamCheck;
import dev.newsroom.application.port.SpamVerdict;
import dev.newsroom.application.port.SubmissionGuards;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentHtml;
import dev.newsroom.domain.CommentForm;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.domain.DuplicateFingerprint;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ModerationPolicy;
import dev.newsroom.domain.ReplyRules;
import dev.newsroom.domain.ServiceException;
import dev.newsroom.domain.SubmissionRules;
import dev.newsroom.domain.SubmittedComment;
import dev.newsroom.domain.TextRules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Submitting a comment, with WordPress's checks in WordPress's order, cheapest first: article (404, closed), parent
 * (404, unapproved, depth), fields (all at once, limits included), then duplicate and flood, read before anything
 * costly is done (and checked again atomically with the write), and only then the costly steps: formatting the
 * text, the moderation decision and the spam service. So a refused submission formats nothing and asks no one.
 * An idempotent retry replays the first response and writes nothing. A comment the rules did not find spam is put
 * to the spam service, when one is configured: its "spam" makes it spam, and no answer in time holds it; its
 * verdict is stored with the comment, so that moderators' disagreements can be reported.
 */
public final class SubmitComment {
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    private final ArticleService articles;
    private final CommentRepository comments;
    private final SettingsService settings;
    private final IdGenerator ids;
    private final Clock clock;
    private final SpamCheck spamCheck;
    private final UnaryOperator<String> formatter;

    public SubmitComment(ArticleService articles, CommentRepository comments, SettingsService settings,
                         IdGenerator ids, Clock clock, SpamCheck spamCheck) {
        this(articles, comments, settings, ids, clock, spamCheck, CommentHtml::format);
    }

    /** With the formatter of comment text given ({@link CommentHtml#format} in service). */
    SubmitComment(ArticleService articles, CommentRepository comments, SettingsService settings,
                  IdGenerator ids, Clock clock, SpamCheck spamCheck, UnaryOperator<String> formatter) {
        this.formatter = formatter;
        this.articles = articles;
        this.comments = comments;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
        this.spamCheck = spamCheck;
    }

    /**
     * The request as the gateway delivered it; {@code idempotencyKey}, {@code requestHash} and {@code referrer}
     * (the page it was sent from, for the spam service) may be null.
     */
    public record Request(String articleSlug, CommentForm form, ModerationPolicy.Sender sender,
                          String idempotencyKey, String requestHash, String referrer) {
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
        String parentId = depth == 1 ? null : checked.parentId();
        try {
            comments.refuseEarly(guards(article.slug(), parentId, checked, request.sender(), rules.floodSeconds(), now));
        } catch (ServiceException refused) {
            // A retry racing its own first attempt finds that attempt's marks: it gets the first answer, as the
            // transaction's idempotency collision gives it, not a duplicate or flood refusal.
            var first = request.idempotencyKey() == null ? Optional.<RecordedResponse>empty()
                    : comments.findResponse(request.idempotencyKey());
            if (first.isPresent()) {
                return replay(first.get(), request);
            }
            throw refused;
        }
        boolean previouslyApproved = rules.requirePreviouslyApproved() && checked.authorEmail() != null
                && comments.isPreviouslyApproved(checked.authorName(), checked.authorEmail());
        String contentHtml = formatter.apply(checked.content());
        CommentStatus status = ModerationPolicy.decide(checked, contentHtml, request.sender(), rules, previouslyApproved);
        SpamVerdict verdict = status == CommentStatus.SPAM || !spamCheck.enabled() ? null
                : spamCheck.check(new SpamCheck.Query(checked.authorName(), checked.authorEmail(), checked.authorUrl(),
                checked.content(), request.sender().ip(), request.sender().userAgent(), now, request.referrer(),
                article.updatedAt()));
        status = statusAfter(status, verdict);

        Comment comment = new Comment(ids.newId(), article.slug(), parentId, depth, checked.authorName(),
                checked.authorEmail(), checked.authorUrl(), checked.content(), status, request.sender().ip(),
                request.sender().userAgent(), now, now, null, null, 1, request.idempotencyKey(),
                contentHtml, false);
        String answer = receipt.apply(comment);
        RecordedResponse record = request.idempotencyKey() == null ? null
                : new RecordedResponse(request.idempotencyKey(), request.requestHash(), status, answer,
                now.plus(IDEMPOTENCY_WINDOW));
        try {
            comments.submit(new CommentSubmission(comment, rules.floodSeconds(), now, record, verdict));
        } catch (IdempotencyCollision raced) {
            return replay(comments.findResponse(request.idempotencyKey()).orElseThrow(() ->
                    ServiceException.unavailable(1)), request);
        }
        return new Outcome(comment, status, answer, false);
    }

    private static SubmissionGuards guards(String slug, String parentId, SubmittedComment c,
                                           ModerationPolicy.Sender sender, int floodSeconds, Instant now) {
        List<String> fingerprints = List.of(
                DuplicateFingerprint.of(slug, parentId, c.authorName(), c.authorEmail(), c.content()),
                DuplicateFingerprint.unfolded(slug, parentId, c.authorName(), c.authorEmail(), c.content()));
        return new SubmissionGuards(fingerprints, sender.ip(), c.authorEmail(), floodSeconds, now);
    }

    /** The spam service's "spam" makes a comment spam; no answer holds it, so nothing is published unchecked. */
    private static CommentStatus statusAfter(CommentStatus decided, SpamVerdict verdict) {
        if (verdict == SpamVerdict.SPAM) {
            return CommentStatus.SPAM;
        }
        return verdict == SpamVerdict.ERROR ? CommentStatus.PENDING : decided;
    }

    private int replyDepth(Article article, String parentId, DiscussionSettings rules) {
        if (TextRules.isBlank(parentId) || parentId.equals("0")) {
            return 1;
        }
        Comment parent = comments.find(parentId)
                .filter(c -> c.articleSlug().equals(article.slug()))
                .orElseThrow(ServiceException::commentNotFound);
        return ReplyRules.depthUnder(parent, rules);
    }

    private static Outcome replay(RecordedResponse earlier, Request request) {
        if (!earlier.requestHash().equals(request.requestHash())) {
            throw new ServiceException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for a different request.");
        }
        return new Outcome(null, earlier.status(), earlier.receipt(), true);
    }
}
