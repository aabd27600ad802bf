package dev.newsroom.application;

import dev.newsroom.application.port.SettingsRepository;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.domain.ServiceException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * The discussion settings as one container sees them: read once, then re-read at most every {@code refresh}
 * so a moderator's change reaches every Lambda container within that time without a redeploy. A save
 * takes effect at once in the container that made it. Defaults apply until anything is stored.
 */
public final class SettingsService {
    private final SettingsRepository repository;
    private final Clock clock;
    private final Duration refresh;
    private volatile DiscussionSettings cached;
    private volatile Instant readAt = Instant.MIN;

    public SettingsService(SettingsRepository repository, Clock clock, Duration refresh) {
        this.repository = repository;
        this.clock = clock;
        this.refresh = refresh;
    }

    public DiscussionSettings current() {
        Instant now = clock.instant();
        DiscussionSettings settings = cached;
        if (settings == null || !now.isBefore(readAt.plus(refresh))) {
            settings = repository.load().orElseGet(DiscussionSettings::defaults);
            cached = settings;
            readAt = now;
        }
        return settings;
    }

    /**
     * Applies {@code change} to the settings as stored now (a consistent read, never this container's cached
     * copy, so a partial change cannot undo another moderator's save) and stores the result if
     * {@code expectedVersion} is still current; returns them with their new version.
     */
    public DiscussionSettings update(UnaryOperator<DiscussionSettings> change, long expectedVersion) {
        DiscussionSettings stored = repository.load().orElseGet(DiscussionSettings::defaults);
        if (stored.version() != expectedVersion) {
            throw ServiceException.versionConflict();
        }
        return replace(change.apply(stored), expectedVersion);
    }

    /** Validates and stores new settings if {@code expectedVersion} is current; returns them with their new version. */
    public DiscussionSettings replace(DiscussionSettings settings, long expectedVersion) {
        var problems = settings.problems();
        if (!problems.isEmpty()) {
            throw ServiceException.validation(problems);
        }
        DiscussionSettings saved = repository.save(settings, expectedVersion);
        cached = saved;
        readAt = clock.instant();
        return saved;
    }
}
