package dev.newsroom.application.memory;

import dev.newsroom.application.port.SettingsRepository;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.domain.ServiceException;

import java.util.Optional;

/**
 * The settings item in memory, saved under the adapter's condition: version 0 expected saves over nothing or
 * version 0, any other version only over itself ({@code version_conflict} otherwise). Counts its loads, so a
 * test can see when a container reads the database.
 */
public final class InMemorySettings implements SettingsRepository {
    private DiscussionSettings stored;
    private int loads;

    @Override
    public synchronized Optional<DiscussionSettings> load() {
        loads++;
        return Optional.ofNullable(stored);
    }

    @Override
    public synchronized DiscussionSettings save(DiscussionSettings settings, long expectedVersion) {
        long storedVersion = stored == null ? 0 : stored.version();
        if (storedVersion != expectedVersion) {
            throw ServiceException.versionConflict();
        }
        stored = settings.withVersion(expectedVersion + 1);
        return stored;
    }

    public synchronized int loads() {
        return loads;
    }
}
