package dev.newsroom.flow;

import dev.newsroom.local.SampleData;
import dev.newsroom.support.HttpApi;
import dev.newsroom.support.HttpApi.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.newsroom.support.ApiHarness.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The database stops mid-run: 503 {@code unavailable} with Retry-After, nothing half-written, then normal service. */
class FaultTest {
    private static final String ARTICLE = "/articles/" + SampleData.LEAD_SLUG;

    @Test
    void databaseDown_isUnavailableWithRetryAfter_andServiceResumesWithNothingHalfWritten(@TempDir Path data) throws Exception {
        try (HttpApi api = new HttpApi(data, Map.of())) {
            api.settleCounts();
            long count = api.get(ARTICLE).json().path("commentCount").asLong();
            api.server.stopDatabase();

            for (Answer down : new Answer[]{
                    api.get(ARTICLE),
                    api.get(ARTICLE + "/comments"),
                    api.send("POST", ARTICLE + "/comments", comment("Ama", "ama@example.com", "while down")),
                    api.admin("GET", "/admin/comments", null)}) {
                assertEquals(503, down.status(), down.raw().body());
                assertEquals("unavailable", down.errorCode());
                assertNotNull(down.header("Retry-After"));
                assertFalse(down.raw().body().contains("Exception"));
            }

            api.server.restartDatabase();
            assertEquals(count, api.get(ARTICLE).json().path("commentCount").asLong());
            assertEquals(0, api.admin("GET", "/admin/comments?status=pending", null).json().path("items").size());
            assertEquals(202, api.send("POST", ARTICLE + "/comments", comment("Ama", "ama@example.com", "while down")).status());
        }
    }
}
