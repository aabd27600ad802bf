package dev.newsroom.application.port;

import dev.newsroom.domain.DiscussionSettings;

import java.util.Optional;

/** The one stored copy of the discussion settings; saving checks the version ({@code version_conflict}). */
public interface SettingsRepository {
    Optional<DiscussionSettings> load();

    /** Stores {@code settings} as version {@code expectedVersion + 1} if the stored version is {@code expectedVersion}. */
    DiscussionSettings save(DiscussionSettings settings, long expectedVersion);
}
