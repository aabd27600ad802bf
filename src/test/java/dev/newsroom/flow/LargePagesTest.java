package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.application.port.PageBudget;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.DynamoCallLog;
import dev.newsroom.support.Events;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

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
        List<String> posted = postHeld(api, "long-comments", 14,
                i -> comment("Reader " + i, "long" + i + "@example.com", "&".repeat(64_000) + " " + i));

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

    /**
     * A page is sized from its comments' stored sizes while it is read, and read once: 100 comments of 65,000
     * {@code <} (each 65 KB as text and four times that as HTML) make pages of as many as fit, each from one Query of
     * the thread (one per partition of the queue), never read again with fewer.
     */
    @Test
    void pagesOfHugeComments_areSizedWhileRead_inOnePass() {
        DynamoCallLog log = new DynamoCallLog();
        ApiHarness api = new ApiHarness(Map.of(), log.client());
        String huge = "<".repeat(65_000);
        List<String> posted = postHeld(api, "huge-comments", 100,
                i -> comment("Reader " + i, "huge" + i + "@example.com", huge + " " + i));
        long oneComment = api.app.commentRepository().find(posted.get(0)).orElseThrow().viewBytes();
        int fitting = (int) (PageBudget.VIEW_BYTES / oneComment);

        int partitions = api.app.config().queueShards() + 1;
        List<Integer> queuePages = new ArrayList<>();
        List<Integer> queueQueries = new ArrayList<>();
        List<String> queued = readAll(path -> counted(log, queueQueries, () -> api.asModerator("GET", path, null)),
                "/admin/comments?status=pending&limit=100", queuePages);
        assertEquals(posted, queued, "the queue: every held comment once, oldest first");
        assertTrue(queuePages.subList(0, queuePages.size() - 1).stream().allMatch(n -> n == fitting),
                "full pages hold the " + fitting + " comments that fit: " + queuePages);
        assertTrue(queueQueries.stream().allMatch(n -> n <= partitions), "one Query per partition: " + queueQueries);

        for (String id : posted) {
            assertEquals(200, api.asModerator("PATCH", "/admin/comments/" + id, "{\"status\":\"approved\",\"version\":1}").status());
        }
        api.counter.drain();
        List<Integer> threadPages = new ArrayList<>();
        List<Integer> threadQueries = new ArrayList<>();
        List<String> thread = readAll(path -> counted(log, threadQueries, () -> api.get(path)),
                "/articles/huge-comments/comments?limit=100", threadPages);
        assertEquals(posted, thread, "the thread: every approved comment once, oldest first");
        assertTrue(threadPages.subList(0, threadPages.size() - 1).stream().allMatch(n -> n == fitting),
                "full pages hold the " + fitting + " comments that fit: " + threadPages);
        assertTrue(threadQueries.stream().allMatch(n -> n == 1), "one Query of the thread a page: " + threadQueries);
    }

    /**
     * A privacy export pages like the queue: 17 held comments of 64,000 {@code <} from one address made a body of
     * 5.5 MB, which Lambda refuses (502 in AWS); now pages within the limit give every comment once.
     */
    @Test
    void privacyExport_ofLongComments_pagedWithinTheLimit_everyCommentOnce() {
        ApiHarness api = new ApiHarness();
        List<String> posted = postHeld(api, "exported", 17,
                i -> comment("Kofi", "kofi@example.com", "<".repeat(64_000) + " " + i));
        List<Integer> pages = new ArrayList<>();
        List<String> exported = readAll(path -> api.asModerator("GET", path, null),
                "/admin/privacy/export?email=KOFI%40example.com", pages);
        assertEquals(posted, exported, "every comment of the address once, oldest first");
        assertTrue(pages.size() > 1, "17 comments of 64 KB of '<' do not fit one page: " + pages);
        ApiHarness.Reply other = api.asModerator("GET", "/admin/privacy/export?email=ama%40example.com&cursor="
                + api.asModerator("GET", "/admin/privacy/export?email=kofi%40example.com", null).json().path("nextCursor").asText(), null);
        assertEquals("invalid_cursor", other.errorCode(), "a cursor reads on only the address it was issued for");
    }

    /**
     * The served article page, its fragment and its comments' feed stay within the limit too: 14 approved comments
     * of 65,000 {@code <} (four times that as HTML) in two threads made one page of about 9 MB (each comment as HTML
     * and again whole in the JSON-LD), which Lambda refuses. Now a page holds what fits, goes on at the next page
     * even inside a thread, every comment is on exactly one page in reading order, and the JSON-LD text is cut short.
     */
    @Test
    void articlePage_fragmentAndFeed_ofHugeComments_withinTheLimit_everyCommentOnce() throws Exception {
        ApiHarness api = new ApiHarness();
        api.openModeration();
        api.publish("huge-page");
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            api.advance(Duration.ofMinutes(1));
            String parent = i == 0 || i == 8 ? null : posted.get(i < 8 ? 0 : 8);
            ApiHarness.Reply reply = api.postComment("huge-page", ApiHarness.JSON.writeValueAsString(Map.of(
                    "authorName", "Reader " + i, "authorEmail", "page" + i + "@example.com",
                    "content", "<".repeat(65_000) + " " + i, "parentId", parent == null ? "" : parent)),
                    "198.51.100." + (i + 1));
            assertEquals(201, reply.status(), reply.body());
            posted.add(reply.json().path("id").asText());
        }
        for (String route : List.of("/news/{slug}", "/articles/{slug}/comments.html")) {
            List<String> shown = new ArrayList<>();
            int pages = 1;
            for (int page = 1; page <= pages; page++) {
                ApiHarness.Reply reply = page(api, route, "?cpage=" + page);
                assertEquals(200, reply.status());
                assertWithinTheLimit(reply, route + " page " + page);
                org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(reply.body());
                html.select("li.comment").forEach(li -> shown.add(li.id().substring("comment-".length())));
                String numbers = html.select(".comment-navigation .page-numbers").text();
                pages = numbers.isEmpty() ? 1 : Integer.parseInt(numbers.replaceFirst(".* of ", ""));
                for (org.jsoup.nodes.Element ld : html.select("script[type=application/ld+json]")) {
                    assertJsonLdTextsShort(ApiHarness.JSON.readTree(ld.data()));
                }
            }
            assertEquals(posted, shown, route + ": every comment once, in reading order, over " + pages + " pages");
            assertTrue(pages > 2, route + ": 14 comments of 260 KB of HTML do not fit one or two pages");
        }
        ApiHarness.Reply feed = page(api, "/news/{slug}/feed", "");
        assertEquals(200, feed.status());
        assertWithinTheLimit(feed, "the comments' feed");
        int items = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("item").getLength();
        assertTrue(items >= 1 && items < 14, "the newest that fit: " + items);
    }

    /** The served page of {@code resource} (as API Gateway matched it) for the article "huge-page". */
    private static ApiHarness.Reply page(ApiHarness api, String resource, String query) {
        String path = resource.replace("{slug}", "huge-page");
        return api.call(Events.request("GET", path + query, null).withResource(resource)
                .withPathParameters(Map.of("slug", "huge-page")));
    }

    /** The response as Lambda sends it (the body inside a JSON string) is under 5 MB. */
    private static void assertWithinTheLimit(ApiHarness.Reply reply, String what) throws Exception {
        int bytes = ApiHarness.JSON.writeValueAsBytes(Map.of("statusCode", reply.status(), "headers", reply.headers(),
                "body", reply.body())).length;
        assertTrue(bytes < 5_000_000, what + ": a response of " + bytes + " bytes");
    }

    private static void assertJsonLdTextsShort(JsonNode node) {
        if (node.has("text")) {
            assertTrue(node.path("text").asText().length() <= 501, "JSON-LD text of " + node.path("text").asText().length());
        }
        node.path("comment").forEach(LargePagesTest::assertJsonLdTextsShort);
    }

    /**
     * Publishes {@code slug} and posts {@code count} comments to it ({@code json} of each index), each from its own
     * address a minute after the last (past the flood rule), each held; their ids in order.
     */
    private static List<String> postHeld(ApiHarness api, String slug, int count, IntFunction<String> json) {
        api.publish(slug);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            api.advance(Duration.ofMinutes(1));
            ApiHarness.Reply reply = api.postComment(slug, json.apply(i), "198.51." + (i / 200) + "." + (i % 200 + 1));
            assertEquals(202, reply.status(), reply.body());
            ids.add(reply.json().path("id").asText());
        }
        return ids;
    }

    /** The reply of {@code call}; the Queries of comment indexes it made go into {@code queries}. */
    private static ApiHarness.Reply counted(DynamoCallLog log, List<Integer> queries, Supplier<ApiHarness.Reply> call) {
        log.clear();
        ApiHarness.Reply reply = call.get();
        queries.add((int) log.calls().stream().filter(c -> c.action().equals("dynamodb:Query")
                && ("gsi1".equals(c.index()) || "gsi2".equals(c.index()))).count());
        return reply;
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
