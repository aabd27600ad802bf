package dev.newsroom.domain;

/**
 * Where a reply may go, for readers and moderators alike: only under an approved comment, and no deeper than the
 * discussion's {@code threadDepth}.
 */
public final class ReplyRules {
    private ReplyRules() {
    }

    /** The depth of a reply under {@code parent}; {@code reply_to_unapproved} or {@code reply_too_deep} otherwise. */
    public static int depthUnder(Comment parent, DiscussionSettings rules) {
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
}
