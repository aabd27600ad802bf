package dev.newsroom.flow;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.domain.ArticleDraft;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.ApiHarness.Reply;
import dev.newsroom.support.Events;
import dev.newsroom.support.OpenApiSchemas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A comment form posted by a browser without script (the contract's "Additions"), through the handler and
 * DynamoDB Local: 303 back to an allowed page at the comment, HTML pages for refusals, never an open redirect,
 * JSON clients unchanged; and forms in their page's charset, and a byte-order mark before JSON.
 */
class BrowserFormPostTest {
    private static final String SLUG = "wagner-to-withdraw-from-mali";
    private static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
    private static final String PAGE = "https://www.example.com/news/wagner?ref=home";
    private static final Pattern COMMENT_ANCHOR = Pattern.compile("#comment-([0-9A-Z]{26})$");
    private static OpenApiSchemas openApi;
    private ApiHarness api;

    @BeforeEach
    void setUp() {
        api = new ApiHarness();
        api.publish(SLUG, "Latest News");
    }

    private static String form(String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(fields[i]).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private static String valid(String... more) {
        String base = form("author", "Ama", "email", "ama@example.com", "url", "", "comment", "Thanks for this report.",
                "comment_parent", "0");
        return more.length == 0 ? base : base + "&" + form(more);
    }

    /** A form post as a browser sends it: form content type, its Accept, and a Referer unless null. */
    private static APIGatewayProxyRequestEvent browserPost(String slug, String body, String referer) {
        APIGatewayProxyRequestEvent event = Events.request("POST", "/articles/" + slug + "/comments", body);
        event.getHeaders().put("Content-Type", "application/x-www-form-urlencoded");
        event.getHeaders().put("Accept", BROWSER_ACCEPT);
        if (referer != null) {
            event.getHeaders().put("Referer", referer);
        }
        return event;
    }

    private Reply post(String body, String referer) {
        return api.call(browserPost(SLUG, body, referer));
    }

    private static String location(Reply reply) {
        return reply.headers().get("Location");
    }

    /** The answer docs/openapi.yaml declares for {@code status} of this route. */
    private static JsonNode declared(int status) throws IOException {
        if (openApi == null) {
            openApi = new OpenApiSchemas(Path.of("docs/openapi.yaml"));
        }
        JsonNode response = openApi.root().at("/paths/~1articles~1{slug}~1comments/post/responses/" + status);
        while (response.has("$ref")) {
            response = openApi.root().at(response.path("$ref").asText().substring(1));
        }
        return response;
    }

    private static void assertHtmlPage(Reply reply, int status) throws IOException {
        assertEquals(status, reply.status(), reply.body());
        assertFalse(declared(status).at("/content/text~1html").isMissingNode(), "openapi.yaml declares this page");
        assertEquals("text/html; charset=utf-8", reply.headers().get("Content-Type"));
        assertEquals("nosniff", reply.headers().get("X-Content-Type-Options"));
        assertEquals("no-store", reply.headers().get("Cache-Control"));
        assertTrue(reply.headers().get("Content-Security-Policy").startsWith("default-src 'none'"));
        assertTrue(reply.body().startsWith("<!doctype html>"), reply.body());
        assertFalse(reply.body().contains("<script"), reply.body());
    }

    private String onlyPendingId() {
        return api.asModerator("GET", "/admin/comments?status=pending", null).json().path("items").get(0).path("id").asText();
    }

    @Test
    void heldComment_redirectsToRedirectTo_atTheComment_markedHeld() throws IOException {
        Reply reply = post(valid("redirect_to", "https://www.example.com/news/wagner?ref=home#respond"), PAGE);
        assertEquals(303, reply.status());
        assertFalse(declared(303).at("/headers/Location").isMissingNode(), "openapi.yaml declares the redirect");
        assertEquals("https://www.example.com/news/wagner?ref=home&moderation=held#comment-" + onlyPendingId(), location(reply));
        assertEquals("", reply.body());
        assertNull(reply.headers().get("Content-Type"), "a redirect has no body to type");
        assertEquals("no-store", reply.headers().get("Cache-Control"));
    }

    @Test
    void publishedComment_redirectsToTheReferer_atTheComment() {
        api.openModeration();
        Reply reply = post(valid(), "https://www.example.com/?article=" + SLUG + "&moderation=held");
        assertEquals(303, reply.status());
        Matcher anchor = COMMENT_ANCHOR.matcher(location(reply));
        assertTrue(anchor.find(), location(reply));
        assertEquals("https://www.example.com/?article=" + SLUG + "#comment-" + anchor.group(1), location(reply),
                "an earlier submission's moderation mark is dropped");
        assertEquals("Thanks for this report.", api.get("/articles/" + SLUG + "/comments").json().path("items").get(0)
                .path("content").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "javascript:alert(1)", "https:\\\\evil.example",
            "https://www.example.com@evil.example/", "/news/wagner"})
    void forbiddenRedirectTo_fallsBackToTheReferer(String redirectTo) {
        Reply reply = post(valid("redirect_to", redirectTo), PAGE);
        assertEquals(303, reply.status());
        assertEquals(PAGE + "&moderation=held#comment-" + onlyPendingId(), location(reply));
    }

    @Test
    void noAllowedTarget_answersAPageOfTheServicesOwn() throws IOException {
        Reply reply = post(valid("redirect_to", "https://evil.example/"), "https://evil.example/page");
        assertHtmlPage(reply, 202);
        assertNull(location(reply));
        assertTrue(reply.body().contains("<p>Your comment is awaiting moderation.</p>"), reply.body());
        assertFalse(reply.body().contains("evil.example"), reply.body());

        api.openModeration();
        api.advance(Duration.ofSeconds(20));
        Reply published = post(valid("comment", "A second thought."), null);
        assertHtmlPage(published, 201);
        assertTrue(published.body().contains("<p>Your comment is published.</p>"), published.body());
    }

    @Test
    void validationError_isAnHtmlPage_withEveryMessageOnce_andALinkBack() throws IOException {
        Reply reply = post(form("author", "", "email", "", "comment", " ", "redirect_to", "https://www.example.com/a?x=1&y=2#respond"), PAGE);
        assertHtmlPage(reply, 400);
        assertTrue(reply.body().contains("<title>Comment Submission Failure</title>"), reply.body());
        assertEquals(1, reply.body().split("Please fill the required fields\\.", -1).length - 1, reply.body());
        assertTrue(reply.body().contains("<p><strong>Error:</strong> Please fill the required fields.</p>"), reply.body());
        assertTrue(reply.body().contains("<p><strong>Error:</strong> Please type your comment text.</p>"), reply.body());
        assertTrue(reply.body().contains("<a href=\"https://www.example.com/a?x=1&amp;y=2\">&laquo; Back</a>"), reply.body());
        assertEquals(0, api.asModerator("GET", "/admin/comments?status=pending", null).json().path("items").size());
    }

    @Test
    void errorPage_withoutAnAllowedTarget_hasNoLink() throws IOException {
        Reply reply = post(form("author", "Ama", "email", "not-an-email", "comment", "x"), "https://evil.example/\"><script>");
        assertHtmlPage(reply, 400);
        assertTrue(reply.body().contains("Please enter a valid email address."), reply.body());
        assertFalse(reply.body().contains("<a "), reply.body());
    }

    @Test
    void duplicateFloodClosedAndUnknown_areHtmlPages_withTheirStatus() throws IOException {
        api.settings(new DiscussionSettings(true, 60, 2, List.of(), List.of(), false, true, 5, 0, 0));
        assertEquals(303, post(valid(), PAGE).status());
        Reply duplicate = post(valid(), PAGE);
        assertHtmlPage(duplicate, 409);
        assertTrue(duplicate.body().contains("Duplicate comment detected; it looks as though you&#039;ve already said that!"),
                duplicate.body());
        assertTrue(duplicate.body().contains("<a href=\"https://www.example.com/news/wagner?ref=home\">"), duplicate.body());

        Reply flood = post(valid("comment", "Something else entirely."), PAGE);
        assertHtmlPage(flood, 429);
        assertTrue(flood.body().contains("You are posting comments too quickly. Slow down."), flood.body());
        assertTrue(Long.parseLong(flood.headers().get("Retry-After")) > 0);

        api.app.articles().create(new ArticleDraft("closed-story", "Closed", "", List.of("p"), List.of(), null,
                List.of(), List.of(), "published", false, null));
        Reply closed = api.call(browserPost("closed-story", valid(), PAGE));
        assertHtmlPage(closed, 403);
        assertHtmlPage(api.call(browserPost("no-such-story", valid(), PAGE)), 404);
    }

    @Test
    void jsonClients_seeNoChange() {
        APIGatewayProxyRequestEvent json = Events.request("POST", "/articles/" + SLUG + "/comments",
                ApiHarness.comment("Ama", "ama@example.com", "Sent as JSON."));
        json.getHeaders().put("Accept", BROWSER_ACCEPT);
        json.getHeaders().put("Referer", PAGE);
        Reply reply = api.call(json);
        assertEquals(202, reply.status());
        assertEquals("pending", reply.json().path("status").asText());

        for (String accept : new String[] {null, "*/*", "application/json", "application/json, text/html"}) {
            APIGatewayProxyRequestEvent form = browserPost(SLUG, valid("comment", "Form as JSON " + accept), PAGE);
            if (accept == null) {
                form.getHeaders().remove("Accept");
            } else {
                form.getHeaders().put("Accept", accept);
            }
            api.advance(Duration.ofSeconds(20));
            Reply answer = api.call(form);
            assertEquals(202, answer.status(), answer.body());
            assertEquals("application/json; charset=utf-8", answer.headers().get("Content-Type"));
        }
        APIGatewayProxyRequestEvent invalid = browserPost(SLUG, form("comment", "x"), PAGE);
        invalid.getHeaders().put("Accept", "application/json");
        assertEquals("validation_failed", api.call(invalid).errorCode());
    }

    @Test
    void retryWithTheSameKey_landsOnTheSameComment() {
        APIGatewayProxyRequestEvent first = browserPost(SLUG, valid(), PAGE);
        first.getHeaders().put("Idempotency-Key", "form-key-1");
        Reply one = api.call(first);
        api.advance(Duration.ofSeconds(1));
        Reply two = api.call(first);
        assertEquals(303, two.status());
        assertEquals(location(one), location(two));
        assertEquals(1, api.asModerator("GET", "/admin/comments?status=pending", null).json().path("items").size());
    }

    @Test
    void formInIso88591_isReadInThatCharset() {
        api.openModeration();
        // A field given twice keeps its last value.
        APIGatewayProxyRequestEvent event = browserPost(SLUG, valid() + "&comment=Caf%E9+cr%E8me%2C+%A35", null);
        event.getHeaders().put("Content-Type", "application/x-www-form-urlencoded; charset=ISO-8859-1");
        event.getHeaders().put("Accept", "application/json");
        Reply reply = api.call(event);
        assertEquals(201, reply.status(), reply.body());
        assertEquals("Caf\u00e9 cr\u00e8me, \u00a35", reply.json().path("content").asText());
    }

    @Test
    void formInWindows1252_unescapedBytesToo_isReadInThatCharset() {
        api.openModeration();
        byte[] body = "author=Ren\u00e9e&email=renee@example.com&comment=\u201cQuoted\u201d \u20ac5 \u2013 caf\u00e9"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        APIGatewayProxyRequestEvent event = browserPost(SLUG, Base64.getEncoder().encodeToString(body), null)
                .withIsBase64Encoded(true);
        event.getHeaders().put("Content-Type", "application/x-www-form-urlencoded;charset=\"windows-1252\"");
        event.getHeaders().put("Accept", "application/json");
        Reply reply = api.call(event);
        assertEquals(201, reply.status(), reply.body());
        assertEquals("Ren\u00e9e", reply.json().path("authorName").asText());
        assertEquals("\u201cQuoted\u201d \u20ac5 \u2013 caf\u00e9", reply.json().path("content").asText());
    }

    @Test
    void formNamingItsCharsetInTheCharsetField_isReadInThatCharset() {
        api.openModeration();
        // What a browser sends from a windows-1252 page whose form has <input type="hidden" name="_charset_">.
        APIGatewayProxyRequestEvent event = browserPost(SLUG, "_charset_=windows-1252&" + valid()
                + "&comment=%93Na%EFve%94+%80", null);
        event.getHeaders().put("Accept", "application/json");
        Reply reply = api.call(event);
        assertEquals(201, reply.status(), reply.body());
        assertEquals("\u201cNa\u00efve\u201d \u20ac", reply.json().path("content").asText());

        APIGatewayProxyRequestEvent declared = browserPost(SLUG, "_charset_=windows-1252&" + valid()
                + "&comment=Caf%C3%A9", null);
        declared.getHeaders().put("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
        declared.getHeaders().put("Accept", "application/json");
        api.advance(Duration.ofSeconds(20));
        assertEquals("Caf\u00e9", api.call(declared).json().path("content").asText(), "the declared charset wins");

        APIGatewayProxyRequestEvent unknown = browserPost(SLUG, valid() + "&_charset_=%3Cscript%3E", null);
        unknown.getHeaders().put("Accept", "application/json");
        assertEquals("unsupported_media_type", api.call(unknown).errorCode());
    }

    @Test
    void formNotInItsCharset_orInAnUnknownOne_isRefused() throws IOException {
        APIGatewayProxyRequestEvent latin1AsUtf8 = browserPost(SLUG, valid() + "&comment=Caf%E9", null);
        latin1AsUtf8.getHeaders().put("Accept", "application/json");
        assertEquals("malformed_body", api.call(latin1AsUtf8).errorCode());

        for (String charset : List.of("x-no-such-charset", "UTF-16", "utf-32BE", "IBM037", "\"\"", "bad name!")) {
            APIGatewayProxyRequestEvent event = browserPost(SLUG, valid(), null);
            event.getHeaders().put("Content-Type", "application/x-www-form-urlencoded; charset=" + charset);
            event.getHeaders().put("Accept", "application/json");
            Reply reply = api.call(event);
            assertEquals(415, reply.status(), charset);
            assertEquals("unsupported_media_type", reply.errorCode(), charset);
        }
        APIGatewayProxyRequestEvent html = browserPost(SLUG, valid(), PAGE);
        html.getHeaders().put("Content-Type", "application/x-www-form-urlencoded; charset=x-no-such-charset");
        assertHtmlPage(api.call(html), 415);
    }

    @Test
    void byteOrderMarkBeforeJson_isIgnored() {
        Reply reply = api.postComment(SLUG, "\uFEFF" + ApiHarness.comment("Ama", "ama@example.com", "With a BOM."), "203.0.113.9");
        assertEquals(202, reply.status(), reply.body());
        assertEquals("With a BOM.", api.asModerator("GET", "/admin/comments?status=pending", null).json()
                .path("items").get(0).path("content").asText());
        assertEquals("malformed_body", api.postComment(SLUG, "\uFEFF\uFEFF{}", "203.0.113.9").errorCode(),
                "one mark only, at the very start");
    }
}
