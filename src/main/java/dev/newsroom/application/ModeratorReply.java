package dev.newsroom.application;

import dev.newsroom.application.port.CommentRepository;
import dev.newsroom.application.port.CommentSubmission;
import dev.newsroom.application.port.IdGenerator;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentHtml;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.ReplyRules;
import dev.newsroom.domain.ServiceException;
import dev.newsroom.domain.SubmissionRules;

import java.time.Clock;
import java.time.Instant;

/**
 * A moderator's reply from the console: approved at once and marked {@code byModerator}, under an approved
 * comment within the thread depth, with the same content rule and duplicate check as a reader's comment but no
 * flood window (as WordPress's reply from the Comments screen).
 */
public final class ModeratorReply {
    private final CommentRepository comments;
    private final SettingsService settings;
    private final IdGenerator ids;
    private final Clock clock;

    public ModeratorReply(CommentRepository comments, SettingsService settings, IdGenerator ids, Clock clock) {
        this.comments = comments;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
    }

    /** Who replies: the account ({@code username}, recorded as the moderator), the public name, the email (may be null). */
    public record Moderator(String username, String name, String email) {
    }

    public Comment reply(String parentId, String rawContent, Moderator moderator) {
        Comment parent = comments.find(parentId).orElseThrow(ServiceException::commentNotFound);
        int depth = ReplyRules.depthUnder(parent, settings.current());
        String content = SubmissionRules.checkedContent(rawContent);
        Instant now = clock.instant();
        Comment reply = new Comment(ids.newId(), parent.articleSlug(), parent.id(), depth, moderator.name(),
                moderator.email(), null, content, CommentStatus.APPROVED, null, null, now, now, moderator.username(), now,
                1, null, CommentHtml.format(content), true);
        comments.submit(new CommentSubmission(reply, 0, now, null));
        return reply;
    }
}
