package dev.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsroom.adapter.in.api.Priming;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.ApiHarness.Reply;
import dev.newsroom.support.DynamoCallLog;
import dev.newsroom.support.DynamoCallLog.Call;
import dev.newsroom.support.Events;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static dev.newsroom.support.ApiHarness.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Least privilege, derived from a run: every route of the API functions (and the counting of approvals) is called
 * through the handlers with a client that records each DynamoDB call as IAM authorises it (action, table or index,
 * partition keys). The template's policies must allow every recorded call, and may grant no read they were not
 * seen to need: each read statement names its indexes (no {@code index/*}) and partition key families
 * ({@code dynamodb:LeadingKeys}), each of them used in the run.
 */
class FunctionPoliciesTest {
    private static final String SLUG = "policy-story";
    private static final Set<String> READS = Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query");
    private static final Set<String> API_FUNCTIONS = Set.of("ArticlesFunction", "CommentsFunction", "AdminFunction", "PagesFunction");
    private static JsonNode template;
    private static List<Call> calls;

    @BeforeAll
    static void run() throws Exception {
        template = new ObjectMapper(new YAMLFactory()).readTree(Path.of("template.yaml").toFile());
        DynamoCallLog log = new DynamoCallLog();
        new Scenario(log).everyRoute();
        calls = log.calls().stream().filter(c -> !c.function().isEmpty()).toList();
    }

    /** Every DynamoDB call the run recorded is allowed by its function's policies, keys and index included. */
    @Test
    void everyRecordedCall_isAllowedByItsFunctionsPolicies() {
        List<String> denied = new ArrayList<>();
        for (Call call : calls) {
            String resource = call.index() == null ? "table" : "index/" + call.index();
            boolean allowed = grants(call.function()).stream().anyMatch(g -> g.actions().contains(call.action())
                    && matches(g.resource(), resource) && call.leadingKeys().stream().allMatch(g::admits));
            if (!allowed) {
                denied.add(call.function() + " " + call.action() + " " + resource + " " + call.leadingKeys());
            }
        }
        assertTrue(calls.stream().map(Call::function).collect(java.util.stream.Collectors.toSet()).containsAll(API_FUNCTIONS));
        assertEquals(List.of(), denied, "calls the deployed functions would be refused");
    }

    /**
     * No API function may read more than the run showed it reads: every read names its index (never
     * {@code index/*}) and partition key families, and each family of each read grant was read in the run.
     */
    @Test
    void theApiFunctions_readOnlyTheKeysAndIndexesTheyWereSeenToRead() {
        List<String> excess = new ArrayList<>();
        for (String function : API_FUNCTIONS) {
            for (Grant grant : grants(function)) {
                Set<String> reads = new TreeSet<>(grant.actions());
                reads.retainAll(READS);
                if (reads.isEmpty()) {
                    continue;
                }
                if (grant.patterns() == null || grant.resource().endsWith("*")) {
                    excess.add(function + " may " + reads + " " + grant.resource() + " with no bound on its keys");
                    continue;
                }
                for (String pattern : grant.patterns()) {
                    boolean used = calls.stream().anyMatch(c -> c.function().equals(function) && reads.contains(c.action())
                            && grant.resource().equals(c.index() == null ? "table" : "index/" + c.index())
                            && c.leadingKeys().stream().anyMatch(k -> matches(pattern, k)));
                    if (!used) {
                        excess.add(function + " may " + reads + " " + grant.resource() + " " + pattern + ", never read in the run");
                    }
                }
            }
        }
        assertEquals(List.of(), excess, "grants wider than what the functions read");
    }

    /** One statement's grant on one resource ({@code table}, {@code index/NAME}); {@code patterns} null: any key. */
    private record Grant(Set<String> actions, String resource, List<String> patterns) {
        boolean admits(String key) {
            return patterns == null || patterns.stream().anyMatch(p -> matches(p, key));
        }
    }

    private static boolean matches(String pattern, String key) {
        return Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q")).matcher(key).matches();
    }

    /**
     * A function's DynamoDB grants: its inline statements (a statement under a condition, {@code !If}, left out),
     * the managed policies it lists, and its role's statements.
     */
    private static List<Grant> grants(String function) {
        JsonNode properties = template.path("Resources").path(function).path("Properties");
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode policy : properties.path("Policies")) {
            if (policy.isTextual()) {
                template.path("Resources").path(policy.asText()).path("Properties").path("PolicyDocument")
                        .path("Statement").forEach(statements::add);
            } else {
                policy.path("Statement").forEach(statements::add);
            }
        }
        String role = properties.path("Role").asText("").replace(".Arn", "");
        template.path("Resources").path(role).path("Properties").path("Policies")
                .forEach(policy -> policy.path("PolicyDocument").path("Statement").forEach(statements::add));
        List<Grant> grants = new ArrayList<>();
        for (JsonNode statement : statements) {
            Set<String> actions = new TreeSet<>(texts(statement.path("Action")));
            JsonNode keys = statement.path("Condition").path("ForAllValues:StringLike").path("dynamodb:LeadingKeys");
            List<String> patterns = keys.isMissingNode() ? null : texts(keys);
            for (String resource : texts(statement.path("Resource"))) {
                String name = resource.contains("/index/") ? "index/" + resource.substring(resource.indexOf("/index/") + 7)
                        : resource.replace("${", "").replace("}", "").equals("ContentTable.Arn") ? "table" : resource;
                grants.add(new Grant(actions, name, patterns));
            }
        }
        return grants;
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> texts.add(n.asText()));
        } else if (!node.isMissingNode()) {
            texts.add(node.asText());
        }
        return texts;
    }

    /** Calls every route of the API functions and the pages as a reader and a moderator would, labelling the calls. */
    private static final class Scenario {
        private final DynamoCallLog log;
        private final ApiHarness api;

        Scenario(DynamoCallLog log) {
            this.log = log;
            this.api = new ApiHarness(Map.of(), log.client());
        }

        private Reply call(String function, com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent event) {
            log.actingAs("CountsFunction");
            api.counter.drain();
            log.actingAs(function);
            Reply reply = api.send(event);
            log.actingAs("CountsFunction");
            api.counter.drain();
            log.actingAs("");
            return reply;
        }

        private Reply reader(String method, String path, String body, String ip) {
            String function = path.matches("/articles/[^/]+/comments.*") ? "CommentsFunction" : "ArticlesFunction";
            return call(function, Events.fromIp(Events.request(method, path, body), ip));
        }

        private Reply moderator(String method, String path, String body) {
            return call("AdminFunction", Events.asModerator(Events.request(method, path, body)));
        }

        /** A page route's event, as API Gateway gives it to the pages function (resource, path parameters, query). */
        private Reply page(String method, String resource, String path, String form, String ip) {
            var event = Events.fromIp(Events.request(method, path, form), ip).withResource(resource);
            Map<String, String> parameters = new java.util.HashMap<>();
            if (resource.contains("{slug}")) {
                parameters.put("slug", SLUG);
            }
            if (resource.contains("{name}")) {
                parameters.put("name", "News");
            }
            event.setPathParameters(parameters.isEmpty() ? null : parameters);
            if (form != null) {
                event.getHeaders().put("Content-Type", "application/x-www-form-urlencoded");
            }
            return call("PagesFunction", event);
        }

        /** The path of the first file the sitemap's index names. */
        private String firstSitemapFile() {
            java.util.regex.Matcher file = java.util.regex.Pattern.compile("/sitemap\\.xml\\?month=[0-9]{4}-[0-9]{2}")
                    .matcher(page("GET", "/sitemap.xml", "/sitemap.xml", null, "198.51.100.9").body());
            assertTrue(file.find(), "the index names a file");
            return file.group();
        }

        /** Every page a reader reaches, a form post that is held, and its author's preview of it. */
        void everyPage() {
            String story = "/news/" + SLUG;
            for (String[] route : new String[][]{{"/", "/"}, {"/news/{slug}", story}, {"/news/{slug}", story + "?cpage=1"},
                    {"/news/{slug}/feed", story + "/feed"}, {"/category/{name}", "/category/News"}, {"/feed", "/feed"},
                    {"/robots.txt", "/robots.txt"}, {"/sitemap.xml", "/sitemap.xml"}, {"/news-sitemap.xml", "/news-sitemap.xml"},
                    {"/sitemap.xml", firstSitemapFile()},
                    {"/articles/{slug}/comments.html", "/articles/" + SLUG + "/comments.html"}}) {
                assertEquals(200, page("GET", route[0], route[1], null, "198.51.100.9").status(), route[1]);
            }
            String front = page("GET", "/", "/?limit=1", null, "198.51.100.9").body();
            Reply held = page("POST", "/news/{slug}", story, "author=Yaw&email=yaw%40example.com&comment=Held+for+a+look.", "203.0.113.7");
            assertEquals(303, held.status(), held.body());
            String location = held.headers().get("Location");
            assertTrue(location.contains("moderation-hash="), location);
            String query = location.substring(location.indexOf('?'), location.indexOf('#'));
            assertEquals(200, page("GET", "/news/{slug}", story + query, null, "203.0.113.7").status());
            api.advance(Duration.ofSeconds(20));
            assertEquals(409, page("POST", "/news/{slug}", story, "author=Yaw&email=yaw%40example.com&comment=Held+for+a+look.",
                    "203.0.113.8").status(), "a duplicate, refused by the early read of the marks");
            assertTrue(front.contains(SLUG) || front.contains("second-story"));
        }

        private String article(String slug, long version) {
            return "{\"slug\":\"" + slug + "\",\"title\":\"Title\",\"excerpt\":\"Short.\",\"body\":[\"One.\"],"
                    + "\"categories\":[\"News\"],\"status\":\"published\",\"commentsOpen\":true"
                    + (version > 0 ? ",\"version\":" + version : "") + "}";
        }

        void everyRoute() {
            String thread = "/articles/" + SLUG + "/comments";
            assertEquals(201, moderator("POST", "/admin/articles", article(SLUG, 0)).status());
            assertEquals(201, moderator("POST", "/admin/articles", article("second-story", 0)).status());
            assertEquals(200, moderator("GET", "/admin/articles/" + SLUG, null).status());
            assertEquals(200, moderator("PUT", "/admin/articles/" + SLUG, article(SLUG, 1)).status());

            var keyed = Events.fromIp(Events.request("POST", thread, comment("Ama", "ama@example.com", "First!")), "203.0.113.1");
            keyed.getHeaders().put("Idempotency-Key", "policy-key");
            String first = call("CommentsFunction", keyed).json().path("id").asText();
            call("CommentsFunction", keyed);
            assertEquals(429, reader("POST", thread, comment("Ama", "ama@example.com", "Again"), "203.0.113.1").status());
            api.advance(Duration.ofSeconds(20));
            assertEquals(409, reader("POST", thread, comment("Ama", "ama@example.com", "First!"), "203.0.113.2").status());
            String second = reader("POST", thread, comment("Kojo", "kojo@example.com", "Second."), "203.0.113.3").json().path("id").asText();

            for (String status : List.of("pending", "approved", "spam", "trash")) {
                moderator("GET", "/admin/comments?status=" + status, null);
            }
            String cursor = moderator("GET", "/admin/comments?limit=1", null).json().path("nextCursor").asText();
            moderator("GET", "/admin/comments?limit=1&cursor=" + cursor, null);
            moderator("GET", "/admin/comments?article=" + SLUG, null);
            moderator("GET", "/admin/comments/counts", null);
            moderator("GET", "/admin/comments/counts?article=" + SLUG, null);
            assertEquals(200, moderator("GET", "/admin/comments/" + first, null).status());
            assertEquals(200, moderator("PATCH", "/admin/comments/" + first, "{\"status\":\"approved\",\"version\":1}").status());
            assertEquals(200, moderator("PATCH", "/admin/comments/" + first, "{\"content\":\"First, edited.\",\"version\":2}").status());
            assertEquals(201, moderator("POST", "/admin/comments/" + first + "/reply", "{\"content\":\"Thanks.\"}").status());
            api.advance(Duration.ofSeconds(20));
            assertEquals(201, reader("POST", thread, comment("Ama", "ama@example.com", "Known now."), "203.0.113.1").status());
            api.advance(Duration.ofSeconds(20));
            assertEquals(202, reader("POST", thread, "{\"authorName\":\"Esi\",\"authorEmail\":\"esi@example.com\","
                    + "\"content\":\"A reply.\",\"parentId\":\"" + first + "\"}", "203.0.113.4").status());
            assertEquals(200, moderator("POST", "/admin/comments/bulk", "{\"action\":\"spam\",\"ids\":[\"" + second + "\"]}").status());
            assertEquals(204, moderator("DELETE", "/admin/comments/" + second + "?version=2", null).status());

            reader("GET", "/articles", null, "198.51.100.9");
            String more = reader("GET", "/articles?category=News&limit=1", null, "198.51.100.9").json().path("nextCursor").asText();
            reader("GET", "/articles?category=News&limit=1&cursor=" + more, null, "198.51.100.9");
            assertEquals(200, reader("GET", "/articles/" + SLUG, null, "198.51.100.9").status());
            reader("GET", "/comments/counts?articles=" + SLUG + ",second-story", null, "198.51.100.9");
            String page = reader("GET", thread + "?limit=1", null, "198.51.100.9").json().path("nextCursor").asText();
            reader("GET", thread + "?limit=1&cursor=" + page, null, "198.51.100.9");

            assertEquals(200, moderator("GET", "/admin/articles", null).status());
            assertEquals(200, moderator("GET", "/admin/articles?status=draft", null).status());
            moderator("GET", "/admin/comments?status=pending&q=ama", null);
            everyPage();

            moderator("GET", "/admin/settings", null);
            long version = moderator("GET", "/admin/settings", null).json().path("version").asLong();
            assertEquals(200, moderator("PUT", "/admin/settings", "{\"floodSeconds\":15,\"version\":" + version + "}").status());
            assertEquals(200, moderator("POST", "/admin/articles/" + SLUG + "/recount", null).status());
            assertEquals(200, moderator("GET", "/admin/privacy/export?email=ama%40example.com&limit=1", null).status());
            assertEquals(200, moderator("POST", "/admin/privacy/erase", "{\"email\":\"ama@example.com\"}").status());
            assertEquals(204, moderator("DELETE", "/admin/articles/second-story", null).status());
            // SnapStart priming runs before each snapshot, under the same role: a refused call would fail the deploy.
            log.actingAs("ArticlesFunction");
            Priming.prime(api.articles);
            log.actingAs("CommentsFunction");
            Priming.prime(api.comments);
            log.actingAs("AdminFunction");
            Priming.prime(api.admin);
            log.actingAs("");
        }
    }
}
