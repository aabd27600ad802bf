package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.application.Moderation;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.ArticleDraft;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.local.wordpress.WordPressImport;
import dev.newsroom.support.DynamoDbLocal;
import dev.newsroom.support.FaultInjector;
import dev.newsroom.support.HttpApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WordPress import against DynamoDB Local: what it stores, exact counts, re-runs, an interrupted run. */
class WordPressImportTest {
    private static final String BRIDGE = "harbour-bridge-reopens";
    private static final String FIRST_SUMMARY = "Imported 6 articles (2 drafts), 10 comments (1 pending, 7 approved, 1 spam,"
            + " 1 trash); 0 articles and 0 comments were already there unchanged; 1 replies to a missing comment made"
            + " top-level; skipped 2 pingbacks/trackbacks, 2 other items; 1 error; counts exact";
    /** The fixture's summary when the bridge post (4 approved, 1 pending, 1 spam, 1 trash, 2 pingbacks) is refused. */
    private static final String BRIDGE_REFUSED_SUMMARY = "Imported 5 articles (2 drafts), 3 comments (0 pending,"
            + " 3 approved, 0 spam, 0 trash); %d articles and %d comments were already there unchanged; 0 replies to a"
            + " missing comment made top-level; skipped 0 pingbacks/trackbacks, 2 other items; 2 errors; counts exact%n";

    @TempDir
    Path dir;

    /** One run: exit status, stdout and stderr. */
    record Run(int status, String out, String err) {
    }

    static Run importFile(AppContext app, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new WordPressImport(app, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).importFile(file, false);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path fixture(String... replacements) throws Exception {
        String xml;
        try (InputStream in = getClass().getResourceAsStream("/wordpress/site.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (int i = 0; i < replacements.length; i += 2) {
            assertTrue(xml.contains(replacements[i]), replacements[i]);
            xml = xml.replace(replacements[i], replacements[i + 1]);
        }
        Path file = Files.createTempFile(dir, "export", ".xml");
        Files.writeString(file, xml);
        return file;
    }

    @Test
    void importsArticlesThreadsAndStatuses_countsExact_andASecondRunChangesNothing() throws Exception {
        AppContext app = DynamoDbLocal.context(Clock.systemUTC());
        Path file = fixture();

        Run first = importFile(app, file);
        assertEquals(3, first.status(), first.err());
        assertEquals(FIRST_SUMMARY + "\n", first.out());
        assertTrue(first.err().matches("(?s)import-wordpress: line 332, column \\d+: wp:comment_date_gmt \"2024-02-30 25:61:00\".*"), first.err());
        assertCounts(app, 4, 1, 1);
        assertEquals(0, DynamoDbLocal.counter(app).drain(), "the stream's counting leaves out what the import counted");
        assertCounts(app, 4, 1, 1);
        List<Comment> thread = app.commentQueries().approvedThread(BRIDGE, true, 50, null).page().items();
        assertEquals(List.of("Zoë Åström", "Ama", "Kwame", "Anonymous"), thread.stream().map(Comment::authorName).toList());
        assertEquals(List.of(1, 2, 3, 1), thread.stream().map(Comment::depth).toList());
        assertEquals(thread.get(1).id(), thread.get(2).parentId());
        assertEquals(List.of("Held Reader"), names(app, CommentStatus.PENDING));
        assertEquals(List.of("Cheap Pills"), names(app, CommentStatus.SPAM));
        assertEquals(List.of("Binned"), names(app, CommentStatus.TRASH));
        assertEquals("draft", app.articles().anyArticle("budget-detail").status().wire());
        List<String> origins = new java.util.ArrayList<>();
        app.dynamo().scanPaginator(b -> b.tableName(app.config().tableName())).items().forEach(item -> {
            if (item.get("pk").s().startsWith("COMMENT#") && item.get("sk").s().equals("C")) {
                origins.add(item.containsKey("importedFrom") ? item.get("importedFrom").s() : "none");
            }
        });
        assertEquals(10, origins.size());
        assertTrue(origins.stream().allMatch(o -> o.startsWith("post ")), "each comment says it was imported (the"
                + " moderators' digest leaves it out): " + origins);
        assertEquals(List.of("brouillon-d-ete-2", "cafe-creme-prices", "dates-gone-wrong", BRIDGE),
                app.articles().listPublished(null, 10, null).items().stream().map(Article::slug).sorted().toList());

        int written = commentWrites(app);
        Run second = importFile(app, file);
        assertEquals(3, second.status());
        assertTrue(second.out().contains("; 6 articles and 10 comments were already there unchanged;"), second.out());
        assertEquals(written, commentWrites(app), "no comment written again");
        assertCounts(app, 4, 1, 1);
    }

    @Test
    void aStatusChangedInWordPress_isFollowedByTheCount_andAModeratorsDecisionHereIsKept() throws Exception {
        AppContext app = DynamoDbLocal.context(Clock.systemUTC());
        importFile(app, fixture());
        Comment held = app.moderation().queue(CommentStatus.PENDING, BRIDGE, 10, null).items().get(0);
        Path changed = fixture("<wp:comment_approved><![CDATA[spam]]>", "<wp:comment_approved><![CDATA[1]]>",
                "<wp:comment_approved><![CDATA[trash]]>", "<wp:comment_approved><![CDATA[1]]>");
        String trashedZoe = Files.readString(changed).replaceFirst(
                "(?s)(Zoë Åström.*?<wp:comment_approved><!\\[CDATA\\[)1(\\]\\]>)", "$1trash$2");
        Files.writeString(changed, trashedZoe);
        app.moderation().change(held.id(), new Moderation.Change(CommentStatus.SPAM, null, held.version()), "moderator");

        Run run = importFile(app, changed);
        assertTrue(run.out().contains("1 comments moderated here kept as they are"), run.out());
        // Zoë's comment trashed (-1), the spam and the trashed one approved (+2); the held one stays the moderator's spam
        assertCounts(app, 5, 1, 1);
        assertEquals(CommentStatus.SPAM, app.moderation().get(held.id()).status());
        Comment zoe = app.moderation().queue(CommentStatus.TRASH, BRIDGE, 10, null).items().get(0);
        assertEquals(2, zoe.version());

        importFile(app, fixture());
        assertCounts(app, 4, 1, 1);
    }

    @Test
    void anInterruptedImport_leavesNoReplyWithoutItsParent_andARunAgainFinishesIt() throws Exception {
        FaultInjector faults = new FaultInjector();
        AppContext app = DynamoDbLocal.contextThrough(faults);
        Path file = fixture();
        faults.failAfter("BatchWriteItem", 1, 1_000, "{\"__type\":\"com.amazon.coral.validate#ValidationException\","
                + "\"message\":\"injected: the connection went away\"}");

        Run cut = importFile(app, file);
        assertEquals(1, cut.status());
        assertTrue(cut.err().contains("running the same command again finishes the import"), cut.err());
        assertTrue(faults.injected() > 0);
        for (CommentStatus status : CommentStatus.values()) {
            for (Comment c : app.moderation().queue(status, null, 100, null).items()) {
                if (c.parentId() != null) {
                    assertTrue(app.commentRepository().find(c.parentId()).isPresent(), "the parent of " + c.authorName());
                }
            }
        }

        faults.fail("BatchWriteItem", 0, "");
        Run again = importFile(app, file);
        assertEquals(3, again.status(), again.err());
        assertTrue(again.out().startsWith("Imported 6 articles (2 drafts), 10 comments"), again.out());
        assertCounts(app, 4, 1, 1);
        assertEquals(4, app.commentQueries().approvedThread(BRIDGE, true, 50, null).page().items().size());
    }

    /**
     * The one place a run can stop between two writes that belong together: the comments stored, marked as counted
     * (so the change stream leaves them out), and their sum not yet added. The next run settles those articles.
     */
    @Test
    void aRunCutOffBetweenItsCommentsAndTheirCount_isSettledByTheNextRun() throws Exception {
        FaultInjector faults = new FaultInjector();
        AppContext app = DynamoDbLocal.contextThrough(faults);
        importFile(app, fixture());
        assertCounts(app, 4, 1, 1);
        Path changed = fixture("<wp:comment_approved><![CDATA[spam]]>", "<wp:comment_approved><![CDATA[1]]>",
                "<wp:comment_approved><![CDATA[trash]]>", "<wp:comment_approved><![CDATA[1]]>");
        // every article's sum refused: the comments are stored and their sums are not
        refuseEverySum(faults);

        Run cut = importFile(app, changed);
        assertEquals(1, cut.status(), cut.out() + cut.err());
        assertTrue(faults.injected() > 0);
        assertEquals(6, app.commentQueries().approvedThread(BRIDGE, true, 50, null).page().items().size(),
                "the spam and the trashed comment are approved now");
        assertEquals(0, DynamoDbLocal.counter(app).drain(), "the change stream leaves the import's comments out");
        assertCounts(app, 4, 1, 1);

        faults.fail("UpdateItem", 0, "");
        Run again = importFile(app, changed);
        assertEquals(3, again.status(), again.err());
        assertTrue(again.out().contains("; 6 articles and 10 comments were already there unchanged;"), again.out());
        assertCounts(app, 6, 1, 1);
        Run third = importFile(app, fixture());
        assertEquals(3, third.status(), third.err());
        assertCounts(app, 4, 1, 1);
        assertEquals(0, DynamoDbLocal.counter(app).drain());
        assertCounts(app, 4, 1, 1);
    }

    /**
     * A run whose changes cancel out (one comment leaves approved, another enters it) still opens a count step, so
     * that a cut between its comments cannot leave half of it uncounted; the next run settles it from what its
     * stored comments say they add.
     */
    @Test
    void aCutOffRunWhoseChangesCancelOut_isSettledFromWhatItStored() throws Exception {
        FaultInjector faults = new FaultInjector();
        AppContext app = DynamoDbLocal.contextThrough(faults);
        importFile(app, fixture());
        assertCounts(app, 4, 1, 1);
        // Zoë's comment trashed (-1) and the spam one approved (+1) in WordPress: a sum of 0, and still a step
        String changed = Files.readString(fixture("<wp:comment_approved><![CDATA[spam]]>", "<wp:comment_approved><![CDATA[1]]>"))
                .replaceFirst("(?s)(Zoë Åström.*?<wp:comment_approved><!\\[CDATA\\[)1(\\]\\]>)", "$1trash$2");
        Path file = Files.createTempFile(dir, "export", ".xml");
        Files.writeString(file, changed);
        refuseEverySum(faults);

        assertEquals(1, importFile(app, file).status());
        assertEquals(0, DynamoDbLocal.counter(app).drain());
        assertCounts(app, 4, 1, 1);
        assertEquals(1, openSteps(app, BRIDGE), "a step is opened whenever a comment written changes the count");
        faults.fail("UpdateItem", 0, "");
        Run again = importFile(app, file);
        assertEquals(3, again.status(), again.err());
        assertCounts(app, 4, 1, 1);
        assertEquals(0, openSteps(app, BRIDGE), "settled by the next run");
        assertEquals(4, app.commentQueries().approvedThread(BRIDGE, true, 50, null).page().items().size());
        importFile(app, fixture());
        assertCounts(app, 4, 1, 1);
        assertEquals(0, DynamoDbLocal.counter(app).drain());
        assertCounts(app, 4, 1, 1);
    }

    /** A post given twice in one export is imported once: both copies at once would add their comments twice. */
    @Test
    void aPostGivenTwiceInTheExport_isImportedOnce_andCountedOnce() throws Exception {
        AppContext app = DynamoDbLocal.context(Clock.systemUTC());
        String xml = Files.readString(fixture());
        String cafe = xml.substring(xml.indexOf("\t<item>", xml.indexOf("</item>")), xml.indexOf("</item>", xml.indexOf("</item>") + 1) + 7);
        assertTrue(cafe.contains("Café crème prices rise"), cafe);
        Path twice = Files.createTempFile(dir, "export", ".xml");
        Files.writeString(twice, xml.replace(cafe, cafe + "\n" + cafe));

        Run run = importFile(app, twice);
        assertEquals(3, run.status(), run.err());
        assertTrue(run.err().contains(" is in the export a second time; this copy left out"), run.err());
        assertTrue(run.out().startsWith("Imported 6 articles"), run.out());
        assertCounts(app, 4, 1, 1);
    }

    /** {@code recount} after a cut-off run sets the count from what is stored and closes the open step with it. */
    @Test
    void aRecountAfterACutOffRun_closesItsStep_soTheNextRunAddsNothingTwice() throws Exception {
        FaultInjector faults = new FaultInjector();
        AppContext app = DynamoDbLocal.contextThrough(faults);
        importFile(app, fixture());
        Path changed = fixture("<wp:comment_approved><![CDATA[spam]]>", "<wp:comment_approved><![CDATA[1]]>",
                "<wp:comment_approved><![CDATA[trash]]>", "<wp:comment_approved><![CDATA[1]]>");
        refuseEverySum(faults);
        assertEquals(1, importFile(app, changed).status());
        assertEquals(1, openSteps(app, BRIDGE));
        faults.fail("UpdateItem", 0, "");

        assertEquals(6, app.countApprovals().recount(BRIDGE));
        assertEquals(0, openSteps(app, BRIDGE));
        importFile(app, changed);
        assertCounts(app, 6, 1, 1);
    }

    @Test
    void anArticleMadeHere_isLeftAsItIs_thePostAndItsCommentsRefused_andSoIsAnotherSitesPost() throws Exception {
        AppContext app = DynamoDbLocal.context(Clock.systemUTC());
        app.articles().create(new ArticleDraft(BRIDGE, "Our own bridge story", "", List.of("Written here."), List.of(),
                null, List.of(), List.of(), "published", true, null));
        Article ours = app.articles().anyArticle(BRIDGE);
        Path file = fixture();
        String refused = "import-wordpress: line 23, column 8: article \"" + BRIDGE + "\" not imported: "
                + "The slug is taken by an article not imported from this post\\.";

        Run first = importFile(app, file);
        assertEquals(3, first.status(), first.err());
        assertEquals(String.format(BRIDGE_REFUSED_SUMMARY, 0, 0), first.out());
        assertTrue(first.err().matches("(?sm).*^" + refused + "$.*"), first.err());
        assertEquals(ours, app.articles().anyArticle(BRIDGE), "title, body and version as an editor made them");
        for (CommentStatus status : CommentStatus.values()) {
            assertEquals(List.of(), names(app, status), "no comment of the refused post");
        }
        assertEquals(1, app.articles().anyArticle("cafe-creme-prices").commentCount(), "the other posts imported");

        Run second = importFile(app, file);
        assertEquals(3, second.status(), second.err());
        assertEquals(String.format(BRIDGE_REFUSED_SUMMARY, 5, 3), second.out());
        assertTrue(second.err().matches("(?sm).*^" + refused + "$.*"), second.err());
        assertEquals(ours, app.articles().anyArticle(BRIDGE));

        Run otherSite = importFile(app, fixture("<wp:base_site_url>https://daily.example<",
                "<wp:base_site_url>https://other.example<", "<wp:base_blog_url>https://daily.example<",
                "<wp:base_blog_url>https://other.example<"));
        assertEquals(3, otherSite.status(), otherSite.err());
        assertTrue(otherSite.out().startsWith("Imported 0 articles (0 drafts), 0 comments (0 pending, 0 approved,"),
                otherSite.out());
        assertTrue(otherSite.out().contains("; 7 errors;"), "6 posts refused and the broken date: " + otherSite.out());
        assertEquals(ours, app.articles().anyArticle(BRIDGE));

        // another blog of the same multisite network: the network's base_site_url, the blog's own base_blog_url
        Run otherBlog = importFile(app, fixture("<wp:base_blog_url>https://daily.example<",
                "<wp:base_blog_url>https://daily.example/sport<"));
        assertEquals(3, otherBlog.status(), otherBlog.err());
        assertTrue(otherBlog.out().contains("; 7 errors;"), "each post is another blog's: " + otherBlog.out());
        assertEquals(ours, app.articles().anyArticle(BRIDGE));
        assertEquals(1, app.articles().anyArticle("cafe-creme-prices").commentCount(), "the first blog's article kept");
    }

    /**
     * Articles imported before imports kept their origin have none: the same article, or one holding the post's
     * comments, is taken over (its origin stored), never refused, and no comment comes in twice.
     */
    @Test
    void articlesImportedBeforeOriginsWereKept_areTakenOver_nothingTwice() throws Exception {
        AppContext app = DynamoDbLocal.context(Clock.systemUTC());
        Path file = fixture();
        importFile(app, file);
        List<String> slugs = new java.util.ArrayList<>();
        app.dynamo().scanPaginator(b -> b.tableName(app.config().tableName())).items().forEach(item -> {
            if (item.containsKey("importedFrom") && item.get("pk").s().startsWith("ARTICLE#")) {
                slugs.add(item.get("pk").s());
                app.dynamo().updateItem(b -> b.tableName(app.config().tableName())
                        .key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))).updateExpression("REMOVE importedFrom"));
            }
        });
        assertEquals(6, slugs.size(), "the articles as the earlier importer left them: " + slugs);
        app.dynamo().updateItem(b -> b.tableName(app.config().tableName())
                .key(Map.of("pk", AttributeValue.fromS("ARTICLE#" + BRIDGE), "sk", AttributeValue.fromS("A")))
                .updateExpression("SET title = :t").expressionAttributeValues(Map.of(":t", AttributeValue.fromS("Retitled here"))));

        int written = commentWrites(app);
        Run again = importFile(app, file);
        assertEquals(3, again.status(), again.err());
        assertFalse(again.err().contains("not imported"), again.err());
        assertTrue(again.out().startsWith("Imported 6 articles"), again.out());
        assertEquals(written, commentWrites(app), "no comment written again");
        assertCounts(app, 4, 1, 1);
        assertEquals("Harbour bridge reopens after repairs", app.articles().anyArticle(BRIDGE).title(),
                "changed since, but holding the post's comments: the import's again");
        Run third = importFile(app, file);
        assertTrue(third.out().contains("; 6 articles and 10 comments were already there unchanged;"), third.out());
    }

    @Test
    void anArticleChangedInWordPress_isUpdated_stillMarkedAsImported() throws Exception {
        AppContext app = DynamoDbLocal.context(Clock.systemUTC());
        importFile(app, fixture());

        Run changed = importFile(app, fixture("Café crème prices rise", "Café crème prices rise again"));
        assertEquals(3, changed.status(), changed.err());
        assertTrue(changed.out().contains("; 5 articles and 10 comments were already there unchanged;"), changed.out());
        Article cafe = app.articles().anyArticle("cafe-creme-prices");
        assertEquals("Café crème prices rise again", cafe.title());
        assertEquals(2, cafe.version());

        Run again = importFile(app, fixture());
        assertTrue(again.out().contains("; 5 articles and 10 comments were already there unchanged;"), again.out());
        assertEquals("Café crème prices rise", app.articles().anyArticle("cafe-creme-prices").title());
        assertEquals(1, app.articles().anyArticle("cafe-creme-prices").commentCount());
    }

    @Test
    void aPostRefusedWhileItsSlugIsStillBeingDeleted_countsOnlyAsAnError() throws Exception {
        AppContext app = DynamoDbLocal.context(Clock.systemUTC(), Map.of("DELETION_SETTLE_SECONDS", "600"));
        Path file = fixture();
        importFile(app, file);
        assertFalse(app.articles().delete(BRIDGE, null), "its deletion is still going on");

        Run again = importFile(app, file);
        assertEquals(3, again.status(), again.err());
        assertTrue(again.err().contains("article \"" + BRIDGE + "\" not imported: The previous article with this slug is"
                + " still being deleted"), again.err());
        assertEquals(String.format(BRIDGE_REFUSED_SUMMARY, 5, 3), again.out());
    }

    @Test
    void dynamoDbLocal_writesNoChangeRecordForAnItemPutAgainUnchanged() {
        DynamoDbClient client = DynamoDbLocal.client();
        AppContext app = DynamoDbLocal.context(Clock.systemUTC());
        String table = app.config().tableName();
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("PROBE#1"), "sk", AttributeValue.fromS("P"),
                "n", AttributeValue.fromN("1"));
        client.putItem(b -> b.tableName(table).item(item));
        client.putItem(b -> b.tableName(table).item(item));
        assertEquals(1, changeRecords(client, DynamoDbLocal.streams(), table));
        client.putItem(b -> b.tableName(table).item(Map.of("pk", item.get("pk"), "sk", item.get("sk"), "n", AttributeValue.fromN("2"))));
        assertEquals(2, changeRecords(client, DynamoDbLocal.streams(), table));
    }

    @Test
    void overTheLocalApi_theImportedThreadAndCountsAreServed() throws Exception {
        try (HttpApi api = new HttpApi(null, Map.of())) {
            Run run = importFile(api.server.app(), fixture());
            assertEquals(3, run.status(), run.err());
            JsonNode article = api.get("/articles/" + BRIDGE).json();
            assertEquals(4, article.path("commentCount").asLong());
            assertFalse(article.has("importedFrom") || article.toString().contains("post 10 of"), "the origin is in no view");
            JsonNode comments = api.get("/articles/" + BRIDGE + "/comments").json();
            assertEquals(4, comments.path("total").asLong());
            List<String> names = new ArrayList<>();
            comments.path("items").forEach(c -> names.add(c.path("authorName").asText() + "@" + c.path("depth").asInt()));
            assertEquals(List.of("Zoë Åström@1", "Ama@2", "Kwame@3", "Anonymous@1"), names);
            assertFalse(comments.toString().contains("zoe@example.org"), "no email in public views");
            assertEquals(404, api.get("/articles/budget-detail").status(), "a password-protected post is a draft");
            assertEquals(1, api.get("/comments/counts?articles=cafe-creme-prices").json().path("counts").path("cafe-creme-prices").asLong());
        }
    }

    private static void assertCounts(AppContext app, long bridge, long cafe, long dates) {
        assertEquals(bridge, app.articles().anyArticle(BRIDGE).commentCount());
        assertEquals(cafe, app.articles().anyArticle("cafe-creme-prices").commentCount());
        assertEquals(dates, app.articles().anyArticle("dates-gone-wrong").commentCount());
        assertEquals(1, app.articles().anyArticle("budget-detail").commentCount());
    }

    private static List<String> names(AppContext app, CommentStatus status) {
        return app.moderation().queue(status, BRIDGE, 50, null).items().stream().map(Comment::authorName).toList();
    }

    /** Every article's sum refused from now on: a run stores its comments and is cut off before their count. */
    private static void refuseEverySum(FaultInjector faults) {
        faults.failWhere("UpdateItem", "ADD commentCount", 0, 1_000, "{\"__type\":\"com.amazon.coral.validate#"
                + "ValidationException\",\"message\":\"injected: the connection went away\"}");
    }

    /** How many import count steps are open on the article item. */
    private static int openSteps(AppContext app, String slug) {
        var item = app.dynamo().getItem(b -> b.tableName(app.config().tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("ARTICLE#" + slug), "sk", AttributeValue.fromS("A")))).item();
        return item.containsKey("importSteps") ? item.get("importSteps").ss().size() : 0;
    }

    /** How many changes of comment items the table's change stream holds. */
    static int commentWrites(AppContext app) {
        return changeRecords(app.dynamo(), DynamoDbLocal.streams(), app.config().tableName(), "COMMENT#");
    }

    private static int changeRecords(DynamoDbClient client, DynamoDbStreamsClient streams, String table) {
        return changeRecords(client, streams, table, "");
    }

    private static int changeRecords(DynamoDbClient client, DynamoDbStreamsClient streams, String table, String keyPrefix) {
        String arn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        int records = 0;
        for (var shard : streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
            String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String at = iterator;
                var page = streams.getRecords(b -> b.shardIterator(at));
                records += (int) page.records().stream()
                        .filter(r -> r.dynamodb().keys().get("pk").s().startsWith(keyPrefix)).count();
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return records;
    }
}
