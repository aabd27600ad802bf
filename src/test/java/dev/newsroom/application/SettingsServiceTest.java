package dev.newsroom.application;

import dev.newsroom.application.memory.InMemorySettings;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.FieldError;
import dev.newsroom.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.newsroom.application.InMemoryUseCases.SETTINGS_REFRESH;
import static dev.newsroom.application.InMemoryUseCases.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link SettingsService} on an in-memory store shared by two containers: caching, refresh and versioned saves. */
class SettingsServiceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T19:29:58Z"));
    private final InMemorySettings store = new InMemorySettings();
    private final SettingsService container = new SettingsService(store, clock, SETTINGS_REFRESH);
    private final SettingsService otherContainer = new SettingsService(store, clock, SETTINGS_REFRESH);

    private static DiscussionSettings withFlood(DiscussionSettings s, int floodSeconds) {
        return new DiscussionSettings(s.requireNameEmail(), floodSeconds, s.maxLinks(), s.moderationKeys(),
                s.disallowedKeys(), s.moderateAll(), s.requirePreviouslyApproved(), s.threadDepth(),
                s.closeCommentsAfterDays(), s.version());
    }

    @Test
    void nothingStored_meansWordPressDefaults() {
        assertEquals(DiscussionSettings.defaults(), container.current());
    }

    @Test
    void aContainer_readsTheStoreAtMostOncePerRefresh_andSeesAnotherContainersSaveAfterIt() {
        container.current();
        otherContainer.replace(withFlood(DiscussionSettings.defaults(), 60), 0);
        int loads = store.loads();

        assertEquals(15, container.current().floodSeconds());
        clock.advance(SETTINGS_REFRESH.minusSeconds(1));
        assertEquals(15, container.current().floodSeconds());
        assertEquals(loads, store.loads());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(60, container.current().floodSeconds());
        assertEquals(loads + 1, store.loads());
    }

    @Test
    void aSave_takesEffectAtOnceInItsContainer_withTheNextVersion() {
        container.current();

        DiscussionSettings saved = container.replace(withFlood(DiscussionSettings.defaults(), 30), 0);

        assertEquals(1, saved.version());
        assertEquals(saved, container.current());
        fails(ErrorCode.VERSION_CONFLICT, () -> otherContainer.replace(withFlood(DiscussionSettings.defaults(), 5), 0));
    }

    @Test
    void settingsOutOfRange_areRefusedWhole_andNothingIsStored() {
        DiscussionSettings bad = new DiscussionSettings(true, -1, 2, List.of(), List.of(" "), false, true, 11, 0, 0);

        List<FieldError> fields = fails(ErrorCode.VALIDATION_FAILED, () -> container.replace(bad, 0)).fields();

        assertEquals(List.of("floodSeconds", "threadDepth", "disallowedKeys"), fields.stream().map(FieldError::field).toList());
        assertEquals(0, container.current().version());
    }

    @Test
    void aPartialChange_appliesToTheStoredSettings_notToAStaleCachedCopy() {
        container.current();
        otherContainer.replace(withFlood(DiscussionSettings.defaults(), 60), 0);

        DiscussionSettings saved = container.update(s -> new DiscussionSettings(s.requireNameEmail(), s.floodSeconds(),
                7, s.moderationKeys(), s.disallowedKeys(), s.moderateAll(), s.requirePreviouslyApproved(), s.threadDepth(),
                s.closeCommentsAfterDays(), s.version()), 1);

        assertEquals(60, saved.floodSeconds());
        assertEquals(7, saved.maxLinks());
        assertEquals(2, saved.version());
        fails(ErrorCode.VERSION_CONFLICT, () -> otherContainer.update(s -> s, 1));
    }
}
