package dev.newsroom.adapter.out.sns;

import dev.newsroom.application.port.ModerationDigest;
import dev.newsroom.application.port.ModeratorAlerts;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Publishes each digest to one SNS topic (an email subscription reads it as it is): a subject naming the article
 * and how many comments wait, the first lines (the author's name and the start of the content; never an email,
 * IP address or user agent), and a link to the moderators' console.
 */
public final class SnsModeratorAlerts implements ModeratorAlerts {
    /** SNS's limit for an email subject: ASCII, one line, 100 characters. */
    private static final int SUBJECT_LENGTH = 100;
    private final SnsClient sns;
    private final String topicArn;
    private final String consoleUrl;

    /** {@code consoleUrl}: the moderators' page; null or blank leaves the link out. */
    public SnsModeratorAlerts(SnsClient sns, String topicArn, String consoleUrl) {
        this.sns = sns;
        this.topicArn = topicArn;
        this.consoleUrl = consoleUrl == null || consoleUrl.isBlank() ? null : consoleUrl.trim();
    }

    @Override
    public void send(ModerationDigest digest) {
        sns.publish(b -> b.topicArn(topicArn).subject(subject(digest)).message(message(digest, consoleUrl)));
    }

    static String subject(ModerationDigest digest) {
        String subject = comments(digest.total()) + " to moderate on " + digest.articleSlug();
        subject = subject.replaceAll("[^\\x20-\\x7e]", "?");
        return subject.length() <= SUBJECT_LENGTH ? subject : subject.substring(0, SUBJECT_LENGTH - 3) + "...";
    }

    static String message(ModerationDigest digest, String consoleUrl) {
        StringBuilder text = new StringBuilder()
                .append("New since the last message on \"").append(digest.articleSlug()).append("\": ")
                .append(comments(digest.total())).append(" (").append(digest.held()).append(" held, ")
                .append(digest.spam()).append(" marked as spam).\n");
        if (!digest.firstLines().isEmpty()) {
            text.append('\n');
            digest.firstLines().forEach(line -> text.append("- ").append(line).append('\n'));
            if (digest.firstLines().size() < digest.total()) {
                text.append("- and ").append(digest.total() - digest.firstLines().size()).append(" more\n");
            }
        }
        if (consoleUrl != null) {
            text.append("\nModerate them: ").append(consoleUrl).append('\n');
        }
        return text.toString();
    }

    private static String comments(int n) {
        return n == 1 ? "1 comment" : n + " comments";
    }
}
