package dev.newsroom.application;

import dev.newsroom.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UlidGeneratorTest {
    @Test
    void newId_isStrictlyIncreasingWithinAndAcrossMilliseconds() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T19:29:58Z"));
        UlidGenerator ids = new UlidGenerator(clock);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            made.add(ids.newId());
            if (i % 100 == 0) {
                clock.advance(Duration.ofMillis(1));
            }
        }
        for (int i = 1; i < made.size(); i++) {
            assertTrue(made.get(i - 1).compareTo(made.get(i)) < 0, made.get(i - 1) + " !< " + made.get(i));
        }
        assertEquals(26, made.get(0).length());
        assertTrue(made.get(0).matches("[0-9A-HJKMNP-TV-Z]{26}"));
    }
}
