package dev.newsroom.flow;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.local.SampleData;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.ApiHarness.Reply;
import dev.newsroom.support.Events;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Hundreds of generated bad requests against every route: malformed and truncated JSON, wrong types, huge
 * and deeply nested bodies, invalid UTF-8, control characters, fields one byte too long, unknown fields,
 * forged cursors, wrong content types, traversal and injection strings in slugs and ids, header abuse.
 * None may produce a 5xx, an error body outside the contract's shape, a stack trace or a class name, or a
 * partial write. Each request is its own reported case, named by its input (long inputs shortened); one table and
 * one set of handlers serve them all, and a last case checks, after every request ran and the counts caught up with
 * the change stream, that nothing was half-written.
 */
class BadInputCampaignTest {
    private static final String SLUG = SampleData.LEAD_SLUG;
    private static final String C1 = SampleData.sampleId(1);
    private static final List<String> HOSTILE_SEGMENTS = List.of("..%2F..%2Fetc%2Fpasswd", "../../etc/passwd", "%00",
            "' OR '1'='1", "<script>alert(1)</script>", "A".repeat(5000), "ARTICLE#x", "COMMENT#" + C1, "%E2%80%AE",
            "caf\u00e9", "x%23y", "${jndi:ldap://x}", " ", "null", "-1", "01M818K4H0SAMPLE0000000001'");
    private static final List<String> MALFORMED = List.of("", "{", "}", "[", "null", "true", "42", "\"text\"", "{\"a\":}",
            "{'single':'quotes'}", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":1}{\"b\":2}", "{\"a\":1,\"a\":2}", "\u0000",
            "{\"content\":\"unterminated}", "NaN", "{\"a\":NaN}", "{\"a\":1e999999}", "\uFEFF{}");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded", "application/json; charset=utf-16", "", "application/jsonp", "*/*");
    private static final List<String> BAD_QUERIES = List.of("limit=0", "limit=101", "limit=-5", "limit=1e3", "limit=",
            "limit=99999999999999", "limit=NaN", "cursor=forged", "cursor=" + "x".repeat(3000), "cursor=abc.def",
            "order=sideways", "status=deleted", "category=" + "c".repeat(100), "article=..%2Fx", "email=%00",
            "articles=" + ",".repeat(50), "version=-1", "version=abc");

    /** One hostile request and what it is, for its case's name: {@code label}, method, path and body. */
    private record Sent(String label, APIGatewayProxyRequestEvent event, String path) {
        Sent(String label, APIGatewayProxyRequestEvent event) {
            this(label, event, event.getPath());
        }

        String name(int index) {
            String body = event.getBody() == null ? "" : " " + shortened(event.getBody());
            return "#" + index + " " + label + ": " + event.getHttpMethod() + " " + shortened(path) + body;
        }
    }

    @TestFactory
    Stream<DynamicTest> badInputCampaign_neverCrashesLeaksOrHalfWrites() {
        ApiHarness api = new ApiHarness();
        SampleData.seedIfEmpty(api.app);
        List<Sent> campaign = campaign(api);
        assertTrue(campaign.size() >= 500, "campaign has " + campaign.size() + " requests");
        Set<String> createdIds = new HashSet<>();
        Stream<DynamicTest> requests = IntStream.range(0, campaign.size()).mapToObj(i -> {
            String name = campaign.get(i).name(i + 1);
            return dynamicTest(name, () -> sendAndCheck(api, campaign.get(i).event(), name, createdIds));
        });
        return Stream.concat(requests, Stream.of(dynamicTest("nothing half-written after all " + campaign.size()
                + " requests", () -> assertNothingHalfWritten(api, createdIds))));
    }

    private static List<Sent> campaign(ApiHarness api) {
        List<Sent> campaign = new ArrayList<>();
        String validComment = ApiHarness.comment("Ama", "ama@example.com", "A valid comment");
        String validArticle = "{\"slug\":\"campaign-story\",\"title\":\"T\",\"body\":[\"p\"],\"status\":\"published\"}";
        List<String[]> writes = List.of(
                new String[]{"POST", "/articles/" + SLUG + "/comments", validComment},
                new String[]{"PATCH", "/admin/comments/" + C1, "{\"status\":\"spam\",\"version\":1}"},
                new String[]{"POST", "/admin/comments/bulk", "{\"action\":\"spam\",\"ids\":[\"" + C1 + "\"]}"},
                new String[]{"PUT", "/admin/settings", "{\"floodSeconds\":10,\"version\":0}"},
                new String[]{"POST", "/admin/articles", validArticle},
                new String[]{"PUT", "/admin/articles/" + SLUG, validArticle.replace("campaign-story", SLUG).replace("}", ",\"version\":1}")},
                new String[]{"POST", "/admin/privacy/erase", "{\"email\":\"ama@example.com\"}"});
        for (String[] w : writes) {
            for (String body : MALFORMED) {
                campaign.add(admin(w[0], w[1], body, "malformed"));
            }
            for (int cut = 1; cut < w[2].length(); cut += Math.max(1, w[2].length() / 12)) {
                campaign.add(admin(w[0], w[1], w[2].substring(0, cut), "truncated"));
            }
            for (String type : CONTENT_TYPES) {
                APIGatewayProxyRequestEvent e = Events.asModerator(Events.request(w[0], w[1], w[2]));
                e.getHeaders().put("Content-Type", type);
                campaign.add(new Sent("content-type " + type, e));
            }
            campaign.addAll(wrongTypes(w[0], w[1], w[2]));
            campaign.add(admin(w[0], w[1], "{\"x\":\"" + "y".repeat(200_000) + "\"}", "huge"));
            campaign.add(admin(w[0], w[1], "[".repeat(20_000) + "]".repeat(20_000), "deep arrays"));
            campaign.add(admin(w[0], w[1], "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), "deep objects"));
            campaign.add(invalidUtf8(w[0], w[1]));
            campaign.add(admin(w[0], w[1], w[2].replace("{", "{\"unknownField\":[1,{\"x\":null}],"), "unknown fields"));
            campaign.add(admin(w[0], w[1], w[2].replace("\"A valid comment\"", "\"bad \\u0007 bell\""), "control"));
            campaign.add(admin(w[0], w[1], w[2].replace("\"A valid comment\"", "\"lone \\ud800\""), "surrogate"));
            campaign.add(base64Garbage(w[0], w[1]));
        }
        campaign.addAll(oneByteTooLong());
        for (String route : List.of("/articles/%s", "/articles/%s/comments", "/admin/comments/%s", "/admin/articles/%s")) {
            for (String segment : HOSTILE_SEGMENTS) {
                for (String method : List.of("GET", "PUT", "PATCH", "DELETE", "POST")) {
                    campaign.add(admin(method, String.format(route, segment), validComment, "hostile segment"));
                }
            }
        }
        for (String path : List.of("/articles", "/articles/" + SLUG + "/comments", "/admin/comments", "/comments/counts",
                "/admin/privacy/export", "/admin/comments/" + C1, "/admin/articles/" + SLUG)) {
            for (String query : BAD_QUERIES) {
                campaign.add(admin("GET", path + "?" + query, null, "query"));
            }
            for (String version : List.of("version=-1", "version=abc", "version=", "version=99999999999999", "version=1.5")) {
                campaign.add(admin("DELETE", path + "?" + version, null, "bad version"));
            }
        }
        campaign.addAll(headerAbuse(validComment));
        campaign.addAll(forgedCursors(api));
        for (int i = 0; i < 40; i++) {
            campaign.add(new Sent("anonymous admin", Events.request("GET", "/admin/comments", null)));
        }
        return campaign;
    }

    /**
     * Sends one request and checks its answer. The request's log line is kept for the failure message instead of
     * going to the test output: the test runner captures output per reported case, at a cost that more than doubled
     * the campaign's time when each request's line went there.
     */
    private static void sendAndCheck(ApiHarness api, APIGatewayProxyRequestEvent event, String name, Set<String> createdIds) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream output = System.out;
        System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
        Reply reply;
        try {
            reply = api.send(event);
        } finally {
            System.setOut(output);
        }
        String answer = name + " -> " + reply.status() + " " + reply.body() + "\nlog: " + log.toString(StandardCharsets.UTF_8);
        assertTrue(reply.status() < 500, answer);
        assertTrue(!reply.body().contains("Exception") && !reply.body().contains("java.")
                && !reply.body().contains("dev.newsroom") && !reply.body().contains("\tat "), "leaks: " + answer);
        if (reply.status() >= 400) {
            JsonNode error = reply.json().path("error");
            assertTrue(error.path("code").isTextual() && error.path("message").isTextual()
                    && reply.json().path("requestId").isTextual(), "error shape: " + answer);
        }
        boolean commentPost = event.getHttpMethod().equals("POST") && event.getPath().endsWith("/comments");
        if (commentPost && (reply.status() == 201 || reply.status() == 202)) {
            createdIds.add(reply.json().path("id").asText());
        }
    }

    /** {@code text} for a case's name: control and non-ASCII characters escaped, long runs cut with their length. */
    private static String shortened(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(60).forEach(c -> out.append(c >= 0x20 && c < 0x7F ? Character.toString(c)
                : String.format("\\u%04X", c)));
        return text.length() > 60 ? out + "...(" + text.length() + " chars)" : out.toString();
    }

    private static void assertNothingHalfWritten(ApiHarness api, Set<String> createdIds) {
        for (JsonNode article : api.get("/articles?limit=100").json().path("items")) {
            String slug = article.path("slug").asText();
            int approved = api.get("/articles/" + slug + "/comments?limit=100").json().path("items").size();
            assertEquals(approved, article.path("commentCount").asInt(), slug);
        }
        Set<String> stored = new HashSet<>();
        for (String status : List.of("pending", "approved", "spam", "trash")) {
            api.asModerator("GET", "/admin/comments?status=" + status + "&limit=100", null).json().path("items")
                    .forEach(c -> stored.add(c.path("id").asText()));
        }
        Set<String> expected = new HashSet<>(createdIds);
        for (int n = 1; n <= 3; n++) {
            expected.add(SampleData.sampleId(n));
        }
        assertEquals(expected, stored);
    }

    private static Sent admin(String method, String path, String body, String label) {
        return new Sent(label, Events.asModerator(Events.request(method, path, body)), path);
    }

    private static List<Sent> wrongTypes(String method, String path, String valid) {
        List<Sent> out = new ArrayList<>();
        JsonNode node;
        try {
            node = ApiHarness.JSON.readTree(valid);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            for (String value : List.of("42", "-1", "1.5", "true", "[]", "[1,2]", "{}", "{\"a\":1}", "null", "\"\"", "\"   \"",
                    "99999999999999999999999", "\"" + "z".repeat(70_000) + "\"")) {
                out.add(admin(method, path, valid.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\[[^\\]]*\\]|[0-9]+)",
                        "\"" + field + "\":" + java.util.regex.Matcher.quoteReplacement(value)), "wrong type " + field));
            }
        }
        return out;
    }

    private static Sent invalidUtf8(String method, String path) {
        byte[] bytes = {'{', '"', 'c', 'o', 'n', 't', 'e', 'n', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
        APIGatewayProxyRequestEvent e = Events.asModerator(Events.request(method, path, Base64.getEncoder().encodeToString(bytes)));
        e.setIsBase64Encoded(true);
        return new Sent("invalid utf-8", e);
    }

    private static Sent base64Garbage(String method, String path) {
        APIGatewayProxyRequestEvent e = Events.asModerator(Events.request(method, path, "!!!not base64!!!"));
        e.setIsBase64Encoded(true);
        return new Sent("broken base64", e);
    }

    private static List<Sent> oneByteTooLong() {
        List<Sent> out = new ArrayList<>();
        Map<String, Integer> limits = Map.of("authorName", 245, "authorEmail", 100, "authorUrl", 200, "content", 65_525);
        limits.forEach((field, limit) -> {
            String value = switch (field) {
                case "authorEmail" -> "a".repeat(60) + "@" + "b".repeat(limit - 64) + ".com";
                case "authorUrl" -> "https://example.com/" + "p".repeat(limit - 19);
                default -> "\u00e9".repeat((limit + 1) / 2) + ((limit + 1) % 2 == 1 ? "x" : "");
            };
            String body = "{\"authorName\":\"Ama\",\"authorEmail\":\"ama@example.com\",\"content\":\"hi\",\"" + field + "\":\"" + value + "\"}";
            for (int i = 0; i < 3; i++) {
                out.add(new Sent("too long " + field, Events.fromIp(Events.request("POST", "/articles/" + SLUG + "/comments", body), "192.0.2." + i)));
            }
            assertEquals(limit + 1, value.getBytes(StandardCharsets.UTF_8).length, field);
        });
        return out;
    }

    private static List<Sent> headerAbuse(String body) {
        List<Sent> out = new ArrayList<>();
        List<Map.Entry<String, String>> abuses = List.of(
                Map.entry("Idempotency-Key", "k".repeat(129)),
                Map.entry("Idempotency-Key", ""),
                Map.entry("Idempotency-Key", "caf\u00e9"),
                Map.entry("Idempotency-Key", "line\nbreak"),
                Map.entry("Origin", "https://" + "o".repeat(10_000) + ".example"),
                Map.entry("Content-Type", "application/json; charset=\"" + "x".repeat(1000)),
                Map.entry("Content-Type", ";;;"),
                Map.entry("User-Agent", "\u0000\u0001" + "u".repeat(20_000)),
                Map.entry("Authorization", "Bearer " + "t".repeat(10_000)),
                Map.entry("X-Forwarded-For", "' OR 1=1 --"));
        for (Map.Entry<String, String> abuse : abuses) {
            for (String path : List.of("/articles/" + SLUG + "/comments", "/admin/comments/bulk", "/articles")) {
                APIGatewayProxyRequestEvent e = Events.request("POST", path, body);
                e.getHeaders().put(abuse.getKey(), abuse.getValue());
                out.add(new Sent("header " + abuse.getKey() + ": " + shortened(abuse.getValue()), e));
            }
        }
        return out;
    }

    private static List<Sent> forgedCursors(ApiHarness api) {
        List<Sent> out = new ArrayList<>();
        String real = api.get("/articles?limit=1").json().path("nextCursor").asText();
        Random random = new Random(1);
        for (int i = 0; i < 30; i++) {
            char[] chars = real.toCharArray();
            chars[random.nextInt(chars.length)] = "ABCxyz019-_".charAt(random.nextInt(11));
            String forged = new String(chars);
            for (String path : List.of("/articles?cursor=", "/articles/" + SLUG + "/comments?cursor=", "/admin/comments?cursor=")) {
                out.add(admin("GET", path + forged, null, "forged cursor"));
            }
        }
        return out;
    }
}
