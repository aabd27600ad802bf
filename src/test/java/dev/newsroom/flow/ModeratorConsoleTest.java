package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.local.LocalApi;
import dev.newsroom.local.SampleData;
import dev.newsroom.support.HttpApi;
import dev.newsroom.support.HttpApi.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.newsroom.local.LocalApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the console needs from the API, against the local runner over HTTP and DynamoDB Local: counts per status,
 * the author's history in the queue, the moderator's reply, and the runner's sign-in (authorization code with
 * PKCE S256, one-time codes, renewal and revocation, redirects only to its own origin).
 */
class ModeratorConsoleTest {
    private static final String SLUG = "cocoa-prices-climb-as-harvest-forecasts-fall";
    private static final String VERIFIER = "a-verifier-of-enough-length-0123456789-abcdefghijkl";
    private static HttpApi api;
    private static String console;

    @BeforeAll
    static void start() throws Exception {
        api = new HttpApi(null, Map.of());
        console = "http://127.0.0.1:" + api.server.port() + "/moderate.html";
        long version = api.admin("GET", "/admin/settings", null).json().path("version").asLong();
        assertEquals(200, api.admin("PUT", "/admin/settings", "{\"floodSeconds\":0,\"moderateAll\":false,"
                + "\"requirePreviouslyApproved\":true,\"version\":" + version + "}").status());
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void counts_perStatus_onAllArticlesAndOnOne() {
        JsonNode before = api.admin("GET", "/admin/comments/counts", null).json();
        String a = held("Abena", "abena@example.com", "First held.");
        held("Abena", "abena@example.com", "Second held.");
        api.admin("POST", "/admin/comments/bulk", "{\"action\":\"spam\",\"ids\":[\"" + a + "\"]}");
        JsonNode all = api.admin("GET", "/admin/comments/counts", null).json();
        assertEquals(before.path("pending").asLong() + 1, all.path("pending").asLong());
        assertEquals(before.path("spam").asLong() + 1, all.path("spam").asLong());
        Answer lead = api.admin("GET", "/admin/comments/counts?article=" + SampleData.LEAD_SLUG, null);
        assertEquals(200, lead.status());
        assertEquals(3, lead.json().path("approved").asLong(), "the sample thread");
        assertEquals(4, lead.json().size(), "pending, approved, spam and trash only");
        assertEquals("invalid_parameter", api.admin("GET", "/admin/comments/counts?article=Not%20A%20Slug", null).errorCode());
        assertEquals(401, api.get("/admin/comments/counts").status());
    }

    @Test
    void theQueueShowsHowManyApprovedCommentsTheAuthorHas() {
        String first = held("Kojo", "kojo@example.com", "One.");
        String second = held("Kojo", "KOJO@example.com", "Two: the same author, however the email is cased.");
        approve(first);
        assertEquals(201, api.send("POST", "/articles/" + SLUG + "/comments",
                "{\"authorName\":\"Kojo\",\"authorEmail\":\"kojo@example.com\",\"content\":\"Three, published at once.\"}").status());
        String third = held("Kojo Other", "kojo@example.com", "Another name: WordPress counts name and email together.");
        Map<String, Long> history = new HashMap<>();
        for (JsonNode c : api.admin("GET", "/admin/comments?status=pending&article=" + SLUG, null).json().path("items")) {
            history.put(c.path("id").asText(), c.path("authorApprovedCount").asLong());
        }
        assertEquals(2L, history.get(second));
        assertEquals(0L, history.get(third));
        assertEquals(2L, api.admin("GET", "/admin/comments/" + first, null).json().path("authorApprovedCount").asLong());
    }

    @Test
    void search_findsTheWholeTextInAuthorEmailUrlIpOrContent_andGoesOnFromItsCursor() {
        String byName = held("Nana Quaye", "nq@example.com", "First words.");
        String byText = held("Adwoa", "adwoa@example.com", "Quaye said the opposite yesterday.");
        String byUrl = api.send("POST", "/articles/" + SLUG + "/comments", "{\"authorName\":\"Yao\",\"authorEmail\":"
                + "\"yao@example.com\",\"authorUrl\":\"https://quaye-watch.example\",\"content\":\"Site linked.\"}")
                .json().path("id").asText();
        held("Other", "other@example.com", "Nothing to find here.");
        String query = "/admin/comments?status=pending&article=" + SLUG + "&q=";
        Answer found = api.admin("GET", query + "QUAYE", null);
        assertEquals(200, found.status(), found.raw().body());
        assertEquals(java.util.Set.of(byName, byText, byUrl), ids(found.json()));
        assertTrue(found.json().path("examined").asInt() >= 4, found.json().toString());
        assertTrue(found.json().path("nextCursor").isNull(), "the whole (small) queue was searched");
        assertEquals(java.util.Set.of(byName), ids(api.admin("GET", query + "NQ%40EXAMPLE", null).json()), "by email");
        assertEquals(java.util.Set.of(byText), ids(api.admin("GET", query + "the%20opposite", null).json()), "by text");
        assertTrue(ids(api.admin("GET", query + "127.0.0.1", null).json()).containsAll(java.util.Set.of(byName, byText)), "by IP");
        assertTrue(ids(api.admin("GET", query + "opposite%20quaye", null).json()).isEmpty(), "the whole text, not each word");

        java.util.Set<String> paged = new java.util.HashSet<>();
        String cursor = null;
        do {
            JsonNode page = api.admin("GET", query + "quaye&limit=1" + (cursor == null ? "" : "&cursor=" + cursor), null).json();
            assertTrue(page.path("items").size() <= 1, "fewer than twice the limit");
            paged.addAll(ids(page));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        assertEquals(java.util.Set.of(byName, byText, byUrl), paged);

        assertEquals("invalid_parameter", api.admin("GET", query + "%20%20", null).errorCode());
        assertEquals("invalid_parameter", api.admin("GET", query + "x".repeat(201), null).errorCode());
        assertEquals(401, api.get("/admin/comments?q=quaye").status());
    }

    @Test
    void adminViewsOfAReply_sayWhomItAnswers() {
        String parent = held("Kweku", "kweku@example.com", "The parent.");
        approve(parent);
        Answer reply = api.send("POST", "/articles/" + SLUG + "/comments", "{\"authorName\":\"Akua\",\"authorEmail\":"
                + "\"akua@example.com\",\"content\":\"A held answer.\",\"parentId\":\"" + parent + "\"}");
        assertEquals(202, reply.status(), reply.raw().body());
        String id = reply.json().path("id").asText();
        JsonNode view = api.admin("GET", "/admin/comments/" + id, null).json();
        assertEquals(parent, view.path("inReplyTo").path("id").asText());
        assertEquals("Kweku", view.path("inReplyTo").path("authorName").asText());
        JsonNode listed = null;
        for (JsonNode c : api.admin("GET", "/admin/comments?status=pending&article=" + SLUG, null).json().path("items")) {
            if (c.path("id").asText().equals(id)) {
                listed = c;
            }
        }
        assertEquals("Kweku", listed.path("inReplyTo").path("authorName").asText(), "in the queue too");
        assertTrue(api.admin("GET", "/admin/comments/" + parent, null).json().path("inReplyTo").isNull(), "a top-level comment");
    }

    @Test
    void theArticlesList_givesEachArticlesPendingCount_andListsDraftsApart() {
        held("Pending One", "p1@example.com", "Waiting.");
        long pending = api.admin("GET", "/admin/comments/counts?article=" + SLUG, null).json().path("pending").asLong();
        Answer published = api.admin("GET", "/admin/articles", null);
        assertEquals(200, published.status(), published.raw().body());
        JsonNode cocoa = null;
        for (JsonNode a : published.json().path("items")) {
            assertEquals("published", a.path("status").asText());
            if (a.path("slug").asText().equals(SLUG)) {
                cocoa = a;
            }
        }
        assertEquals(pending, cocoa.path("pendingCount").asLong());

        String draft = "{\"slug\":\"console-draft\",\"title\":\"A draft\",\"body\":[\"Unfinished.\"],\"categories\":[],"
                + "\"status\":\"draft\",\"commentsOpen\":true";
        assertEquals(201, api.admin("POST", "/admin/articles", draft + "}").status());
        assertEquals(java.util.List.of("console-draft"), slugs(api.admin("GET", "/admin/articles?status=draft", null).json()));
        assertFalse(slugs(published(api)).contains("console-draft"));
        assertEquals(200, api.admin("PUT", "/admin/articles/console-draft",
                draft.replace("\"draft\",\"commentsOpen", "\"published\",\"commentsOpen") + ",\"version\":1}").status());
        assertTrue(slugs(api.admin("GET", "/admin/articles?status=draft", null).json()).isEmpty(), "published: no longer a draft");
        assertTrue(slugs(published(api)).contains("console-draft"));
        assertEquals(200, api.admin("PUT", "/admin/articles/console-draft", draft + ",\"version\":2}").status());
        assertEquals(java.util.List.of("console-draft"), slugs(api.admin("GET", "/admin/articles?status=draft", null).json()),
                "back to draft");
        int deleted = api.admin("DELETE", "/admin/articles/console-draft", null).status();
        assertTrue(deleted == 204 || deleted == 202, "deleted (202: its comments are still being removed): " + deleted);
        assertTrue(slugs(api.admin("GET", "/admin/articles?status=draft", null).json()).isEmpty(), "deleted: gone from the list");

        assertEquals("invalid_parameter", api.admin("GET", "/admin/articles?status=scheduled", null).errorCode());
        assertEquals(401, api.get("/admin/articles").status());
    }

    private static JsonNode published(HttpApi api) {
        return api.admin("GET", "/admin/articles?limit=100", null).json();
    }

    private static java.util.List<String> slugs(JsonNode page) {
        java.util.List<String> slugs = new java.util.ArrayList<>();
        page.path("items").forEach(a -> slugs.add(a.path("slug").asText()));
        return slugs;
    }

    private static java.util.Set<String> ids(JsonNode page) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        page.path("items").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    @Test
    void aModeratorsReply_isApprovedAtOnce_markedAndNamedFromTheToken() throws Exception {
        String parent = held("Esi", "esi@example.com", "Is this confirmed?");
        approve(parent);
        api.settleCounts();
        long count = api.get("/articles/" + SLUG).json().path("commentCount").asLong();
        Answer reply = api.send("POST", "/admin/comments/" + parent + "/reply", "{\"content\":\"Yes, confirmed by two sources.\"}",
                "Authorization", "Bearer " + signIn());
        assertEquals(201, reply.status(), reply.raw().body());
        assertEquals("approved", reply.json().path("status").asText());
        assertTrue(reply.json().path("byModerator").asBoolean());
        assertEquals("Local moderator", reply.json().path("authorName").asText());
        assertEquals(parent, reply.json().path("parentId").asText());
        assertEquals(2, reply.json().path("depth").asInt());
        JsonNode shown = null;
        for (JsonNode c : api.get("/articles/" + SLUG + "/comments").json().path("items")) {
            if (c.path("id").asText().equals(reply.json().path("id").asText())) {
                shown = c;
            }
        }
        assertTrue(shown != null && shown.path("byModerator").asBoolean(), "public at once, as the moderator's");
        assertEquals(count + 1, api.awaitNumber("/articles/" + SLUG, "commentCount", count + 1, 5), "counted as approved");

        Answer withoutName = api.admin("POST", "/admin/comments/" + parent + "/reply", "{\"content\":\"From the token without a name.\"}");
        assertEquals("moderator", withoutName.json().path("authorName").asText(), "the email before @");

        String pending = held("Yaa", "yaa@example.com", "Still held.");
        assertEquals("reply_to_unapproved", api.admin("POST", "/admin/comments/" + pending + "/reply", "{\"content\":\"No.\"}").errorCode());
        assertEquals("comment_not_found", api.admin("POST", "/admin/comments/no-such-comment/reply", "{\"content\":\"No.\"}").errorCode());
        Answer empty = api.admin("POST", "/admin/comments/" + parent + "/reply", "{\"content\":\"  \"}");
        assertEquals(400, empty.status());
        assertEquals("validation_failed", empty.errorCode());
        assertEquals(401, api.send("POST", "/admin/comments/" + parent + "/reply", "{\"content\":\"Anonymous.\"}").status());
    }

    @Test
    void localSignIn_redeemsACodeOnce_andOnlyWithTheVerifierOfItsChallenge() throws Exception {
        String wrongFirst = code(challenge(VERIFIER), "s1");
        assertEquals("invalid_grant", token(wrongFirst, VERIFIER.replace('a', 'b')).json().path("error").asText());
        assertEquals("invalid_grant", token(wrongFirst, VERIFIER).json().path("error").asText(), "spent by the failed attempt");

        String code = code(challenge(VERIFIER), "s2");
        Answer tokens = token(code, VERIFIER);
        assertEquals(200, tokens.status(), tokens.raw().body());
        assertEquals("invalid_grant", token(code, VERIFIER).json().path("error").asText(), "a code works once");
        String idToken = tokens.json().path("id_token").asText();
        assertEquals(200, api.send("GET", "/admin/comments", null, "Authorization", "Bearer " + idToken).status());
        assertEquals(401, api.send("GET", "/admin/comments", null, "Authorization", "Bearer " + idToken + "x").status(),
                "a token whose signature does not match");

        String refresh = tokens.json().path("refresh_token").asText();
        Answer renewed = form("/local-auth/token", "grant_type=refresh_token&client_id=newsroom-console-local&refresh_token=" + refresh);
        assertEquals(200, renewed.status());
        assertFalse(renewed.json().has("refresh_token"), "the refresh token stays the same, as Cognito's");
        assertEquals(200, form("/local-auth/revoke", "client_id=newsroom-console-local&token=" + refresh).status());
        assertEquals("invalid_grant", form("/local-auth/token",
                "grant_type=refresh_token&client_id=newsroom-console-local&refresh_token=" + refresh).json().path("error").asText());
    }

    @Test
    void localSignIn_survivesARestartWithTheSameToken_only() throws Exception {
        Answer tokens = token(code(challenge(VERIFIER), "s3"), VERIFIER);
        String idToken = tokens.json().path("id_token").asText();
        String refresh = tokens.json().path("refresh_token").asText();
        assertEquals(401, api.send("GET", "/admin/comments", null, "Authorization", "Bearer " + refresh).status(),
                "a refresh token is no ID token");
        try (HttpApi restarted = new HttpApi(null, Map.of())) {
            assertEquals(200, restarted.send("GET", "/admin/comments", null, "Authorization", "Bearer " + idToken).status(),
                    "the console's ID token still signs it in");
            Answer renewed = restarted.send("POST", "/local-auth/token", "grant_type=refresh_token&client_id=newsroom-console-local"
                    + "&refresh_token=" + refresh, "Content-Type", "application/x-www-form-urlencoded");
            assertEquals(200, renewed.status(), "and its refresh token still renews it");
        }
        try (LocalApi other = LocalApi.start(new LocalApi.Options(0, "another-admin-token", null, null, Path.of("."), false, Map.of()))) {
            HttpResponse<Void> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + other.port() + "/admin/comments")).header("Authorization", "Bearer " + idToken).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(401, refused.statusCode(), "a runner with another admin token does not take it");
        }
    }

    @Test
    void localSignIn_refusesForeignRedirects_missingPkce_andTheWrongToken() {
        String challenge = challenge(VERIFIER);
        Answer foreign = authorize("https://evil.example/steal", challenge, HttpApi.TOKEN, "xyz");
        assertEquals(400, foreign.status());
        assertNull(foreign.header("Location"));
        Answer plain = api.get("/local-auth/authorize?response_type=code&client_id=newsroom-console-local&redirect_uri="
                + enc(console) + "&code_challenge=" + challenge + "&code_challenge_method=plain");
        assertEquals(400, plain.status());
        assertEquals(200, api.get("/local-auth/authorize?response_type=code&client_id=newsroom-console-local&redirect_uri="
                + enc(console) + "&code_challenge=" + challenge + "&code_challenge_method=S256").status());
        Answer wrong = authorize(console, challenge, "not-the-token", "xyz");
        assertEquals(401, wrong.status());
        assertNull(wrong.header("Location"));
        assertEquals(400, api.get("/local-auth/logout?client_id=newsroom-console-local&logout_uri=" + enc("https://evil.example/")).status());
        assertEquals(console, api.get("/local-auth/logout?client_id=newsroom-console-local&logout_uri=" + enc(console)).header("Location"));
    }

    /** Signs in through the runner's sign-in and returns the ID token. */
    private static String signIn() throws Exception {
        return token(code(challenge(VERIFIER), "s"), VERIFIER).json().path("id_token").asText();
    }

    private static String code(String challenge, String state) {
        Answer approved = authorize(console, challenge, HttpApi.TOKEN, state);
        assertEquals(302, approved.status(), approved.raw().body());
        URI location = URI.create(approved.header("Location"));
        assertTrue(location.toString().startsWith(console + "?code="), location.toString());
        Map<String, String> query = new HashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        assertEquals(state, query.get("state"), "the state comes back with the code");
        return query.get("code");
    }

    private static Answer authorize(String redirect, String challenge, String token, String state) {
        return form("/local-auth/authorize", "response_type=code&client_id=newsroom-console-local&redirect_uri=" + enc(redirect)
                + "&state=" + state + "&scope=openid+email+profile&code_challenge=" + challenge + "&code_challenge_method=S256&token=" + enc(token));
    }

    private static Answer token(String code, String verifier) {
        return form("/local-auth/token", "grant_type=authorization_code&client_id=newsroom-console-local&code=" + code
                + "&redirect_uri=" + enc(console) + "&code_verifier=" + verifier);
    }

    private static Answer form(String path, String body) {
        return api.send("POST", path, body, "Content-Type", "application/x-www-form-urlencoded");
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A comment from a new author: held, since only previously approved authors are published at once. */
    private static String held(String name, String email, String content) {
        Answer answer = api.send("POST", "/articles/" + SLUG + "/comments", "{\"authorName\":\"" + name
                + "\",\"authorEmail\":\"" + email + "\",\"content\":\"" + content + "\"}");
        assertEquals(202, answer.status(), answer.raw().body());
        return answer.json().path("id").asText();
    }

    private static void approve(String id) {
        long version = api.admin("GET", "/admin/comments/" + id, null).json().path("version").asLong();
        assertEquals(200, api.admin("PATCH", "/admin/comments/" + id, "{\"status\":\"approved\",\"version\":" + version + "}").status());
    }
}
