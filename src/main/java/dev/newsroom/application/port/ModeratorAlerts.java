package dev.newsroom.application.port;

/** Where digests for moderators go (an SNS topic); a failure throws, and the digest is kept for the next try. */
public interface ModeratorAlerts {
    void send(ModerationDigest digest);
}
