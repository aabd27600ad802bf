package dev.newsroom.local;

import dev.newsroom.application.UlidGenerator;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SampleDataTest {
    @Test
    void sampleIds_areTheOnesTheCommittedEventsUse() {
        assertEquals("01M818K4H0SAMPLE0000000001", SampleData.sampleId(1));
        assertEquals("01M819EKE0SAMPLE0000000002", SampleData.sampleId(2));
        assertEquals("01M81AA2B0SAMPLE0000000003", SampleData.sampleId(3));
    }

    @Test
    void timePrefix_isTheTimePartOfTheIdsMadeThen() {
        for (Instant at : new Instant[] {Instant.EPOCH, SampleData.PUBLISHED, Instant.parse("2089-12-31T23:59:59.999Z")}) {
            String id = new UlidGenerator(Clock.fixed(at, ZoneOffset.UTC)).newId();
            assertEquals(id.substring(0, 10), SampleData.timePrefix(at.toEpochMilli()));
        }
    }
}
