package dev.newsroom.local;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SampleDataTest {
    @Test
    void sampleIds_areTheOnesTheCommittedEventsUse() {
        assertEquals("01M818K4H0SAMPLE0000000001", SampleData.sampleId(1));
        assertEquals("01M819EKE0SAMPLE0000000002", SampleData.sampleId(2));
        assertEquals("01M81AA2B0SAMPLE0000000003", SampleData.sampleId(3));
    }
}
