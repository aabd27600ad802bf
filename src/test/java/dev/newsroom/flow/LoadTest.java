package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.support.HttpApi;
import dev.newsroom.support.HttpApi.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.newsroom.support.ApiHarness.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many concurrent submissions (each sent twice with one Idempotency-Key) and moderations over HTTP.
 * Afterwards every accepted comment is stored exactly once and every {@code commentCount} equals the approved
 * comments one can page through.
 */
class LoadTest {
    private static final List<String> ARTICLES = List.of("load-story-one", "load-story-two");
    private static final int SUBMISSIONS = 120;
    private static HttpApi api;

    @BeforeAll
    static void start() throws Exception {
        api = new HttpApi(null, Map.of());
        for (String slug : ARTICLES) {
            Answer created = api.admin("POST", "/admin/articles", "{\"slug\":\"" + slug + "\",\"title\":\"Load\",\"body\":[\"p\"],"
                    + "\"status\":\"published\"}");
            assertEquals(201, created.status(), created.raw().body());
        }
        Answer settings = api.admin("PUT", "/admin/settings", "{\"floodSeconds\":0,\"requirePreviouslyApproved\":false,\"version\":0}");
        assertEquals(200, settings.status());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void concurrentSubmissionsRetriesAndModerations_loseNothingAndCountExactly() throws Exception {
        List<Runnable> tasks = new ArrayList<>();
        Map<String, List<String>> bodiesByKey = new ConcurrentHashMap<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            String slug = ARTICLES.get(i % 2);
            String key = "load-key-" + i;
            String body = comment("Reader " + i, "reader" + i + "@example.com", "Comment number " + i);
            Runnable send = () -> {
                Answer a = api.send("POST", "/articles/" + slug + "/comments", body, "Idempotency-Key", key);
                assertTrue(a.status() == 201, a.status() + " " + a.raw().body());
                bodiesByKey.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(a.raw().body());
            };
            tasks.add(send);
            tasks.add(send);
        }
        Collections.shuffle(tasks, new Random(42));
        runAll(tasks);
        assertEquals(SUBMISSIONS, bodiesByKey.size());
        bodiesByKey.forEach((key, bodies) -> assertEquals(bodies.get(0), bodies.get(1), key));

        List<String> ids = new ArrayList<>();
        bodiesByKey.values().forEach(b -> ids.add(readId(b.get(0))));
        List<Runnable> moderations = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            String status = List.of("approved", "pending", "spam", "trash").get(random.nextInt(4));
            moderations.add(() -> {
                long version = api.admin("GET", "/admin/comments/" + id, null).json().path("version").asLong();
                int result = api.admin("PATCH", "/admin/comments/" + id, "{\"status\":\"" + status + "\",\"version\":" + version + "}").status();
                assertTrue(result == 200 || result == 409, "moderation answered " + result);
            });
        }
        runAll(moderations);

        Set<String> stored = new HashSet<>();
        for (String slug : ARTICLES) {
            for (String status : List.of("pending", "approved", "spam", "trash")) {
                for (JsonNode c : pageAll("/admin/comments?status=" + status + "&article=" + slug + "&limit=100", true)) {
                    assertTrue(stored.add(c.path("id").asText()), "listed twice: " + c.path("id").asText());
                }
            }
        }
        assertEquals(new HashSet<>(ids), stored);
        for (String slug : ARTICLES) {
            List<JsonNode> approved = pageAll("/articles/" + slug + "/comments?limit=7", false);
            long count = api.awaitNumber("/articles/" + slug, "commentCount", approved.size(), 2.0);
            assertEquals(approved.size(), count, slug + ": exact within 2 s of the last write");
        }
    }

    private static void runAll(List<Runnable> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> futures = new ArrayList<>();
        tasks.forEach(t -> futures.add(pool.submit(t)));
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    private static List<JsonNode> pageAll(String firstPage, boolean admin) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String path = firstPage + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = (admin ? api.admin("GET", path, null) : api.get(path)).json();
            page.path("items").forEach(all::add);
            assertTrue(page.path("items").size() > 0 || cursor == null, "empty page while more remained");
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        return all;
    }

    private static String readId(String body) {
        try {
            return dev.newsroom.support.ApiHarness.JSON.readTree(body).path("id").asText();
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }
}
