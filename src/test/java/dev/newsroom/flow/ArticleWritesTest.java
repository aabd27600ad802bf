package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.adapter.in.api.AdminFunction;
import dev.newsroom.adapter.in.api.ArticlesFunction;
import dev.newsroom.adapter.out.dynamodb.CursorCodec;
import dev.newsroom.adapter.out.dynamodb.DynamoArticleRepository;
import dev.newsroom.config.AppContext;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.ApiHarness.Reply;
import dev.newsroom.support.DynamoDbLocal;
import dev.newsroom.support.Events;
import dev.newsroom.support.FaultInjector;
import dev.newsroom.support.StaleReads;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.newsroom.support.ApiHarness.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Editors' article writes where DynamoDB's real behaviour matters: eventually consistent reads (simulated in
 * front of DynamoDB Local), requests DynamoDB refuses as given, and the deletion of an article with many comments
 * that does not finish in one request.
 */
class ArticleWritesTest {
    private static String article(String slug, long version, String title, String... categories) {
        return "{\"slug\":\"" + slug + "\",\"title\":\"" + title + "\",\"body\":[\"One.\"],\"categories\":["
                + (categories.length == 0 ? "" : "\"" + String.join("\",\"", categories) + "\"") + "],"
                + "\"status\":\"published\",\"commentsOpen\":true" + (version > 0 ? ",\"version\":" + version : "") + "}";
    }

    private static Reply call(AdminFunction admin, String method, String path, String json) {
        return ApiHarness.reply(admin.handleRequest(Events.asModerator(Events.request(method, path, json)), null));
    }

    private static Reply get(ArticlesFunction articles, String path) {
        return ApiHarness.reply(articles.handleRequest(Events.request("GET", path, null), null));
    }

    private static List<String> slugs(JsonNode page) {
        List<String> slugs = new ArrayList<>();
        page.path("items").forEach(i -> slugs.add(i.path("slug").asText()));
        return slugs;
    }

    @Test
    void update_readsTheArticleConsistently_soQuickUpdatesLeaveNoStaleListingAndAnswerTheNewArticle() {
        StaleReads stale = new StaleReads();
        AppContext app = DynamoDbLocal.contextThrough(stale);
        AdminFunction admin = new AdminFunction(app);
        ArticlesFunction articles = new ArticlesFunction(app);

        assertEquals(201, call(admin, "POST", "/admin/articles", article("quick-edits", 0, "First", "Sport")).status());
        assertEquals(200, get(articles, "/articles/quick-edits").status());
        Reply second = call(admin, "PUT", "/admin/articles/quick-edits", article("quick-edits", 1, "Second", "News"));
        assertEquals(200, second.status(), second.body());
        assertEquals("Second", second.json().path("title").asText(), "the answer is the article as updated");
        assertEquals(2, second.json().path("version").asInt());
        Reply third = call(admin, "PUT", "/admin/articles/quick-edits", article("quick-edits", 2, "Third", "Culture"));
        assertEquals(200, third.status(), third.body());
        assertEquals("Third", third.json().path("title").asText());

        assertEquals(List.of(), slugs(get(articles, "/articles?category=Sport").json()));
        assertEquals(List.of(), slugs(get(articles, "/articles?category=News").json()), "left News, must not stay listed there");
        assertEquals(List.of("quick-edits"), slugs(get(articles, "/articles?category=Culture").json()));
        assertEquals("First", get(articles, "/articles/quick-edits").json().path("title").asText(),
                "an eventually consistent read may still answer the first version: the double is in play");
        assertTrue(stale.staleServed() > 0);
    }

    @Test
    void categoriesThatDifferOnlyBySpaces_areRefusedAs400_notStoredOr503() {
        ApiHarness api = new ApiHarness();
        Reply reply = api.asModerator("POST", "/admin/articles", article("twice-sport", 0, "T", "Sport", " Sport"));
        assertEquals(400, reply.status(), reply.body());
        assertEquals("validation_failed", reply.errorCode());
        assertEquals(404, api.get("/articles/twice-sport").status());
    }

    @Test
    void aLeadImage_isStoredServedReplacedAndRemoved_andABadOneIsRefusedByField() {
        ApiHarness api = new ApiHarness();
        String image = ",\"leadImage\":{\"url\":\"https://img.example/bamako.jpg\",\"alt\":\"A street in Bamako\","
                + "\"caption\":\"Bamako, November 2026\",\"credit\":\"Photo: A. Diallo\",\"width\":1200,\"height\":675}";
        String created = article("with-image", 0, "Pictured", "Sport");
        assertEquals(201, api.asModerator("POST", "/admin/articles",
                created.substring(0, created.length() - 1) + image + "}").status());
        JsonNode served = api.get("/articles/with-image").json().path("leadImage");
        assertEquals("https://img.example/bamako.jpg", served.path("url").asText());
        assertEquals("A street in Bamako", served.path("alt").asText());
        assertEquals("Bamako, November 2026", served.path("caption").asText());
        assertEquals("Photo: A. Diallo", served.path("credit").asText());
        assertEquals(1200, served.path("width").asInt());
        assertEquals(675, served.path("height").asInt());
        assertEquals(675, api.get("/articles?category=Sport").json().path("items").path(0).path("leadImage")
                .path("height").asInt(), "the summary carries it too");

        String update = article("with-image", 1, "Pictured", "Sport");
        Reply removed = api.asModerator("PUT", "/admin/articles/with-image", update);
        assertEquals(200, removed.status(), removed.body());
        assertTrue(api.get("/articles/with-image").json().path("leadImage").isNull(), "an update without it removes it");

        String badImage = ",\"leadImage\":{\"url\":\"data:image/png;base64,AAAA\",\"alt\":\"x\",\"width\":0,\"height\":10}";
        String bad = article("with-image", 2, "Pictured", "Sport");
        Reply refused = api.asModerator("PUT", "/admin/articles/with-image", bad.substring(0, bad.length() - 1) + badImage + "}");
        assertEquals(400, refused.status(), refused.body());
        assertEquals("validation_failed", refused.errorCode());
        assertTrue(refused.body().contains("leadImage.url") && refused.body().contains("leadImage.size"), refused.body());
        String wrongType = bad.substring(0, bad.length() - 1) + ",\"leadImage\":{\"url\":\"https://i.example/a.jpg\",\"alt\":\"\",\"width\":\"wide\",\"height\":1}}";
        assertEquals(400, api.asModerator("PUT", "/admin/articles/with-image", wrongType).status());
    }

    @Test
    void aRequestDynamoDbRefusesAsGiven_is400_while_throttling_stays503() {
        FaultInjector faults = new FaultInjector();
        AdminFunction admin = new AdminFunction(DynamoDbLocal.contextThrough(faults));

        faults.fail("TransactWriteItems", 1, "{\"__type\":\"com.amazon.coral.validate#ValidationException\","
                + "\"message\":\"Transaction request cannot include multiple operations on one item\"}");
        Reply refused = call(admin, "POST", "/admin/articles", article("refused-story", 0, "T", "Sport"));
        assertEquals(400, refused.status(), refused.body());
        assertEquals("validation_failed", refused.errorCode());

        faults.fail("TransactWriteItems", 100, FaultInjector.THROTTLED);
        Reply throttled = call(admin, "POST", "/admin/articles", article("refused-story", 0, "T", "Sport"));
        assertEquals(503, throttled.status(), throttled.body());
    }

    /** A published article {@code slug} whose comments publish at once. */
    private static ApiHarness openStory(String slug) {
        ApiHarness api = new ApiHarness();
        api.openModeration();
        api.publish(slug);
        return api;
    }

    @Test
    void deletingAnArticleWithManyComments_isResumable_andAReusedSlugNeverShowsOldComments() {
        String slug = "busy-story";
        ApiHarness api = openStory(slug);
        for (int i = 0; i < 40; i++) {
            assertEquals(201, api.postComment(slug, comment("Reader " + i, "r" + i + "@example.com", "Comment " + i),
                    "198.51.100." + i).status());
        }
        // A delete whose request runs out of time after one page: the article is gone, some comments are left.
        AppContext app = api.app;
        var repository = new DynamoArticleRepository(app.dynamo(),
                DynamoDbEnhancedClient.builder().dynamoDbClient(app.dynamo()).extensions().build(),
                app.config().tableName(), new CursorCodec(app.config().cursorSecret()), Duration.ZERO, Duration.ofSeconds(2));
        assertFalse(repository.delete(app.articles().anyArticle(slug), null), "one page cannot delete 40 comments");
        assertEquals(404, api.get("/articles/" + slug).status());
        assertTrue(approvedLeft(api, slug) > 0);

        // Re-creating the slug first finishes the old deletion: the new article starts with an empty thread.
        Reply created = api.asModerator("POST", "/admin/articles", article(slug, 0, "A new story", "News"));
        assertEquals(201, created.status(), created.body());
        assertEquals(0, api.get("/articles/" + slug + "/comments").json().path("items").size());
        assertEquals(0, approvedLeft(api, slug));

        // A delete interrupted again is finished by repeating it (not a 404 that leaves the comments behind).
        assertEquals(201, api.postComment(slug, comment("New", "new@example.com", "On the new story"), "198.51.100.200").status());
        assertFalse(repository.delete(app.articles().anyArticle(slug), null));
        Reply repeated = api.asModerator("DELETE", "/admin/articles/" + slug, null);
        assertEquals(204, repeated.status(), repeated.body());
        assertEquals(0, approvedLeft(api, slug));
        assertEquals(404, api.asModerator("DELETE", "/admin/articles/" + slug, null).status());
    }

    private static int approvedLeft(ApiHarness api, String slug) {
        return api.asModerator("GET", "/admin/comments?status=approved&article=" + slug + "&limit=100", null)
                .json().path("items").size();
    }

    @Test
    void deletingAnArticle_whoseCommentsShareADuplicateMark_finishes() {
        String slug = "thanks-story";
        ApiHarness api = openStory(slug);
        assertEquals(201, api.postComment(slug, comment("Ama", "ama@example.com", "Thanks!"), "198.51.100.1").status());
        assertEquals(201, api.postComment(slug, comment("Kofi", "kofi@example.com", "Thanks!"), "198.51.100.2").status());
        for (String email : List.of("ama@example.com", "kofi@example.com")) {
            assertEquals(200, api.asModerator("POST", "/admin/privacy/erase", "{\"email\":\"" + email + "\"}").status());
        }
        Reply deleted = api.asModerator("DELETE", "/admin/articles/" + slug, null);
        assertEquals(204, deleted.status(), "two anonymised \"Thanks!\" share one mark: " + deleted.body());
        assertEquals(201, api.asModerator("POST", "/admin/articles", article(slug, 0, "Again")).status());
    }

    /** An article's deletion takes its comments' idempotency receipts too: the same key later makes a new comment. */
    @Test
    void deletingAnArticle_removesItsCommentsReceipts() {
        String slug = "receipts-story";
        ApiHarness api = openStory(slug);
        var keyed = dev.newsroom.support.Events.fromIp(dev.newsroom.support.Events.request("POST",
                "/articles/" + slug + "/comments", comment("Ama", "ama@example.com", "Kept?")), "198.51.100.1");
        keyed.getHeaders().put("Idempotency-Key", "receipt-1");
        String before = api.call(keyed).json().path("id").asText();
        assertEquals(204, api.asModerator("DELETE", "/admin/articles/" + slug, null).status());
        api.publish(slug);
        api.advance(java.time.Duration.ofSeconds(20));
        Reply again = api.call(keyed);
        assertEquals(201, again.status(), again.body());
        org.junit.jupiter.api.Assertions.assertNotEquals(before, again.json().path("id").asText(),
                "the deleted article's comment is not replayed");
    }

    @Test
    void creatingASlug_whoseOldCommentsAnEarlierVersionLeftBehind_clearsThemFirst() {
        String slug = "left-behind";
        ApiHarness api = openStory(slug);
        assertEquals(201, api.postComment(slug, comment("Ama", "ama@example.com", "Old words"), "198.51.100.1").status());
        // What an interrupted cascade of the earlier version left: no article, no tombstone, comments still indexed.
        String table = api.app.config().tableName();
        for (String sk : List.of("A", "L#all")) {
            api.app.dynamo().deleteItem(b -> b.tableName(table).key(Map.of(
                    "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("ARTICLE#" + slug),
                    "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(sk))));
        }
        assertEquals(201, api.asModerator("POST", "/admin/articles", article(slug, 0, "New")).status());
        assertEquals(0, api.get("/articles/" + slug + "/comments").json().path("items").size());
        assertEquals(0, approvedLeft(api, slug));
    }
}
