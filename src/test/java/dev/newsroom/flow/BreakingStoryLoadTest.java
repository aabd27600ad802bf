package dev.newsroom.flow;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.adapter.in.api.AdminFunction;
import dev.newsroom.adapter.in.api.ArticlesFunction;
import dev.newsroom.adapter.in.api.CommentsFunction;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.ArticleDraft;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.ApiHarness.Reply;
import dev.newsroom.local.StreamCounter;
import dev.newsroom.support.DynamoDbLocal;
import dev.newsroom.support.DynamoDbRules;
import dev.newsroom.support.Events;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A breaking story: many readers comment on one article at once, with DynamoDB's own rules in force
 * ({@link DynamoDbRules}: overlapping transactions on one item cancel each other, a partition key takes 1,000
 * write units a second, index partitions included). The handlers run as Lambda runs them, on the production
 * client and its retries, over HTTP to DynamoDB Local.
 *
 * <p>Asserted: nothing lost (every 201/202 answer's comment is stored exactly once), nothing counted twice
 * (each article's {@code commentCount} equals its approved comments within 2 s of the last write, the counts
 * following from the change stream), and at most 0.1 % answered 503. Printed, not asserted: the p50/p99 latency
 * (the machine is shared). The earlier submission path, whose transaction included the article's item, answered
 * 503 to 30-60 % of one article's submissions here; {@code -Dload.strict503=false} prints the rate instead of
 * asserting it, to measure such a path.
 */
class BreakingStoryLoadTest {
    private static final boolean STRICT_503 = !"false".equals(System.getProperty("load.strict503"));
    private static final double MAX_503_RATE = 0.001;
    /** Each transaction is held this long before it is sent, as network latency to DynamoDB would. */
    private static final Duration HOLD = Duration.ofMillis(5);
    private static final int THREADS = 24;
    private static final int SUBMISSIONS = 500;
    private static final Duration MIXED_RUN = Duration.ofSeconds(5);
    private static final List<String> STATUSES = List.of("pending", "approved", "spam", "trash");
    private static final AtomicInteger SENDERS = new AtomicInteger();

    /** One answer: status, time taken, and the comment id a submission was answered with. */
    private record Call(String kind, int status, long nanos, String id) {
    }

    /** The three functions on a new table, behind the rules. */
    private static final class Site {
        final DynamoDbRules rules = new DynamoDbRules(HOLD);
        final AppContext app = DynamoDbLocal.contextThrough(rules);
        final ArticlesFunction articles = new ArticlesFunction(app);
        final CommentsFunction comments = new CommentsFunction(app);
        final AdminFunction admin = new AdminFunction(app);
        /** The counting of comments published at once, reading the change stream as Lambda would (every 200 ms). */
        final StreamCounter counter = DynamoDbLocal.counter(app).startPolling(200);

        Site(DiscussionSettings settings, List<String> slugs) {
            for (String slug : slugs) {
                app.articles().create(new ArticleDraft(slug, "Breaking: " + slug, "", List.of("p"), List.of(), null,
                        List.of(), List.of(), "published", true, null));
            }
            app.settings().replace(settings, 0);
        }

        Reply get(String path) {
            var event = Events.request("GET", path, null);
            boolean thread = event.getPath().endsWith("/comments");
            return ApiHarness.reply(thread ? comments.handleRequest(event, null) : articles.handleRequest(event, null));
        }

        Reply admin(String method, String path, String body) {
            return ApiHarness.reply(admin.handleRequest(Events.asModerator(Events.request(method, path, body)), null));
        }

        /** A submission from a reader of its own (name, email, IP), with an Idempotency-Key as the page sends. */
        Call submit(String slug) {
            int n = SENDERS.incrementAndGet();
            APIGatewayProxyRequestEvent event = Events.fromIp(Events.request("POST", "/articles/" + slug + "/comments",
                    ApiHarness.comment("Reader " + n, "reader" + n + "@example.com", "My view on this, number " + n + ".")),
                    "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255));
            event.getHeaders().put("Idempotency-Key", "breaking-" + n + "-" + System.nanoTime());
            long start = System.nanoTime();
            Reply reply = ApiHarness.reply(comments.handleRequest(event, null));
            long took = System.nanoTime() - start;
            return new Call("submit", reply.status(), took, reply.json().path("id").asText(null));
        }
    }

    private static DiscussionSettings open() {
        return new DiscussionSettings(true, 0, 2, List.of(), List.of(), false, false, 5, 0, 0);
    }

    private static DiscussionSettings holdAll() {
        return new DiscussionSettings(true, 0, 2, List.of(), List.of(), true, false, 5, 0, 0);
    }

    @Test
    void fiveHundredReadersCommentOnOneArticle_approvedAtOnce() throws Exception {
        oneArticle("approved at once", open(), 201);
    }

    @Test
    void fiveHundredReadersCommentOnOneArticle_heldForModeration() throws Exception {
        oneArticle("held for moderation", holdAll(), 202);
    }

    private void oneArticle(String variant, DiscussionSettings settings, int accepted) throws Exception {
        String slug = "breaking-story";
        Site site = new Site(settings, List.of(slug));
        List<Call> calls = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            futures.add(pool.submit(() -> calls.add(site.submit(slug))));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;

        report("[one article, " + variant + "]", calls, seconds, site.rules);
        assertOnly(calls, Map.of("submit", List.of(accepted, 503)));
        assertNothingLostNorCountedTwice(site, List.of(slug), calls);
        check503(calls);
    }

    @Test
    void siteWide_readsSubmissionsAndModerations_atTheHighestRateThisMachineDrives() throws Exception {
        List<String> slugs = List.of("site-story-1", "site-story-2", "site-story-3", "site-story-4", "site-story-5");
        Site site = new Site(open(), slugs);
        List<Call> calls = new CopyOnWriteArrayList<>();
        List<String> acceptedIds = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        long end = start + MIXED_RUN.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    // The first story is the breaking one: 40 % of the traffic; the rest is spread evenly.
                    String slug = random.nextInt(10) < 4 ? slugs.get(0) : slugs.get(1 + random.nextInt(slugs.size() - 1));
                    int dice = random.nextInt(100);
                    if (dice < 45) {
                        calls.add(timed("read article", () -> site.get("/articles/" + slug)));
                    } else if (dice < 70) {
                        calls.add(timed("read thread", () -> site.get("/articles/" + slug + "/comments?limit=20")));
                    } else if (dice < 95 || acceptedIds.isEmpty()) {
                        Call call = site.submit(slug);
                        calls.add(call);
                        if (call.status() == 201 || call.status() == 202) {
                            acceptedIds.add(call.id());
                        }
                    } else {
                        String id = acceptedIds.get(random.nextInt(acceptedIds.size()));
                        String status = STATUSES.get(random.nextInt(STATUSES.size()));
                        calls.add(timed("moderate", () -> {
                            Reply current = site.admin("GET", "/admin/comments/" + id, null);
                            if (current.status() != 200) {
                                return current;
                            }
                            return site.admin("PATCH", "/admin/comments/" + id, "{\"status\":\"" + status
                                    + "\",\"version\":" + current.json().path("version").asLong() + "}");
                        }));
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;

        report("[site-wide mix]", calls, seconds, site.rules);
        for (String kind : List.of("read article", "read thread", "submit", "moderate")) {
            report("  of which " + kind + ":", calls.stream().filter(c -> c.kind().equals(kind)).toList(), seconds, null);
        }
        assertOnly(calls, Map.of("read article", List.of(200, 503), "read thread", List.of(200, 503),
                "submit", List.of(201, 503), "moderate", List.of(200, 409, 503)));
        assertNothingLostNorCountedTwice(site, slugs, calls);
        check503(calls);
    }

    private static Call timed(String kind, java.util.function.Supplier<Reply> request) {
        long start = System.nanoTime();
        Reply reply = request.get();
        return new Call(kind, reply.status(), System.nanoTime() - start, null);
    }

    /**
     * Waits, at most {@code within} after the writes stopped, for every article's count to reach its approved
     * comments (comments published at once are counted from the change stream, not in their own transaction).
     */
    private static void awaitCounts(Site site, List<String> slugs, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            boolean settled = slugs.stream().allMatch(slug -> site.get("/articles/" + slug).json().path("commentCount").asLong()
                    == pageAll(site, "/admin/comments?status=approved&article=" + slug + "&limit=100").size());
            if (settled) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Every accepted comment is stored exactly once; each article counts exactly its approved comments. */
    private static void assertNothingLostNorCountedTwice(Site site, List<String> slugs, List<Call> calls) {
        awaitCounts(site, slugs, Duration.ofSeconds(2));
        site.counter.close();
        Map<String, Integer> stored = new HashMap<>();
        for (String slug : slugs) {
            int approved = 0;
            for (String status : STATUSES) {
                for (JsonNode c : pageAll(site, "/admin/comments?status=" + status + "&article=" + slug + "&limit=100")) {
                    stored.merge(c.path("id").asText(), 1, Integer::sum);
                    approved += status.equals("approved") ? 1 : 0;
                }
            }
            Reply article = site.get("/articles/" + slug);
            assertEquals(200, article.status(), article.body());
            assertEquals(approved, article.json().path("commentCount").asLong(), slug + ": commentCount against approved comments");
        }
        List<String> accepted = calls.stream().filter(c -> c.kind().equals("submit") && (c.status() == 201 || c.status() == 202))
                .map(Call::id).toList();
        List<String> lost = accepted.stream().filter(id -> !stored.containsKey(id)).toList();
        List<String> twice = stored.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), lost, "accepted but not stored");
        assertEquals(List.of(), twice, "stored more than once");
        long unanswered = stored.size() - accepted.stream().distinct().count();
        System.out.println("  stored comments: " + stored.size() + ", accepted answers: " + accepted.size()
                + ", stored without an accepting answer: " + unanswered);
    }

    private static List<JsonNode> pageAll(Site site, String firstPage) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = site.admin("GET", firstPage + (cursor == null ? "" : "&cursor=" + cursor), null);
            assertEquals(200, page.status(), page.body());
            page.json().path("items").forEach(all::add);
            cursor = page.json().path("nextCursor").isNull() || page.json().path("nextCursor").isMissingNode()
                    ? null : page.json().path("nextCursor").asText();
        } while (cursor != null);
        return all;
    }

    private static void assertOnly(List<Call> calls, Map<String, List<Integer>> allowed) {
        Map<String, Integer> unexpected = new ConcurrentHashMap<>();
        calls.stream().filter(c -> !allowed.getOrDefault(c.kind(), List.of()).contains(c.status()))
                .forEach(c -> unexpected.merge(c.kind() + " " + c.status(), 1, Integer::sum));
        assertEquals(Map.of(), unexpected, "answers other than the expected ones");
    }

    /** At most 0.1 % answered 503: asserted unless -Dload.strict503=false (see the class comment). */
    private static void check503(List<Call> calls) {
        long unavailable = calls.stream().filter(c -> c.status() == 503).count();
        double rate = calls.isEmpty() ? 0 : (double) unavailable / calls.size();
        if (STRICT_503) {
            assertTrue(rate <= MAX_503_RATE, String.format(Locale.ROOT, "%d of %d answered 503 (%.2f %%), more than %.1f %%",
                    unavailable, calls.size(), rate * 100, MAX_503_RATE * 100));
        } else if (rate > MAX_503_RATE) {
            System.out.printf(Locale.ROOT, "  503 rate %.2f %% is over the %.1f %% target (not asserted: -Dload.strict503=false)%n",
                    rate * 100, MAX_503_RATE * 100);
        }
    }

    private static void report(String run, List<Call> calls, double seconds, DynamoDbRules rules) {
        long unavailable = calls.stream().filter(c -> c.status() == 503).count();
        long[] nanos = calls.stream().mapToLong(Call::nanos).toArray();
        Arrays.sort(nanos);
        Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        calls.forEach(c -> byStatus.merge(c.status(), 1, Integer::sum));
        System.out.printf(Locale.ROOT, "%s %d requests in %.1f s (%.0f/s), statuses %s: 503 = %d (%.2f %%), p50 = %.0f ms, p99 = %.0f ms%s%n",
                run, calls.size(), seconds, calls.size() / seconds, byStatus, unavailable,
                calls.isEmpty() ? 0.0 : 100.0 * unavailable / calls.size(), percentile(nanos, 50), percentile(nanos, 99),
                rules == null ? "" : String.format(Locale.ROOT, "; refused by the rules: %d conflicts, %d throttled, of %d transactions",
                        rules.conflicts(), rules.throttled(), rules.transactions()));
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
