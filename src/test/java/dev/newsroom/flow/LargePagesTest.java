package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.support.ApiHarness;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static dev.newsroom.support.ApiHarness.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * List pages stay within Lambda's response limit however long the comments on them: comments near the length limit
 * whose formatted HTML is five times their text (every {@code &} becomes {@code &amp;}) would make a page of 50 many
 * megabytes, which Lambda refuses (API Gateway answers 502). Such pages hold fewer comments, and reading on from
 * their {@code nextCursor} still gives every comment once, in order.
 */
class LargePagesTest {
    private static final int PAGE_BYTES = 2_500_000;

    @Test
    void queueAndThread_ofLongComments_pagedWithinTheLimit_everyCommentOnce() {
        ApiHarness api = new ApiHarness();
        api.publish("long-comments");
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            String content = "&".repeat(64_000) + " " + i;
            posted.add(api.postComment("long-comments", comment("Reader " + i, "long" + i + "@example.com", content),
                    "198.51.100." + (i + 1)).json().path("id").asText());
        }

        List<Integer> queuePages = new ArrayList<>();
        List<String> queued = readAll(path -> api.asModerator("GET", path, null), "/admin/comments?status=pending", queuePages);
        assertEquals(posted, queued, "the queue: every held comment once, oldest first");

        for (String id : posted) {
            assertEquals(200, api.asModerator("PATCH", "/admin/comments/" + id, "{\"status\":\"approved\",\"version\":1}").status());
        }
        List<Integer> threadPages = new ArrayList<>();
        List<String> thread = readAll(api::get, "/articles/long-comments/comments", threadPages);
        assertEquals(posted, thread, "the thread: every approved comment once, oldest first");

        assertTrue(queuePages.size() > 1 && threadPages.size() > 1, "14 comments of 64 KB do not fit one page: "
                + queuePages + " " + threadPages);
    }

    /** Every item's id across the pages from {@code first}, each page checked against the limit; sizes in {@code pages}. */
    private static List<String> readAll(Function<String, ApiHarness.Reply> get, String first, List<Integer> pages) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            ApiHarness.Reply reply = get.apply(first + (cursor == null ? "" : (first.contains("?") ? "&" : "?") + "cursor=" + cursor));
            assertEquals(200, reply.status(), reply.body());
            int bytes = reply.body().getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes <= PAGE_BYTES, "a page of " + bytes + " bytes");
            JsonNode page = reply.json();
            page.path("items").forEach(c -> ids.add(c.path("id").asText()));
            pages.add(page.path("items").size());
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return ids;
    }
}
