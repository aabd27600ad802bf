package dev.newsroom.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.adapter.in.api.AdminFunction;
import dev.newsroom.adapter.in.pages.PagesFunction;
import dev.newsroom.adapter.in.api.ArticlesFunction;
import dev.newsroom.adapter.in.api.CommentsFunction;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.ArticleDraft;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.domain.Source;
import dev.newsroom.local.StreamCounter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The three Lambda functions wired to a fresh table on embedded DynamoDB Local, with a hand-moved clock:
 * tests call them with API Gateway events exactly as Lambda would.
 */
public final class ApiHarness {
    public static final ObjectMapper JSON = new ObjectMapper();
    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T19:29:58Z"));
    public final AppContext app;
    public final ArticlesFunction articles;
    public final CommentsFunction comments;
    public final AdminFunction admin;
    public final PagesFunction pages;
    /**
     * Applies the change stream to the articles' counts before and after every call, as the counts function does
     * in AWS within a second, so a test reads counts as they are once writes settle.
     */
    public final StreamCounter counter;

    public ApiHarness() {
        this(Map.of());
    }

    /** The same, with these environment settings on top of the test defaults (e.g. a spam service's). */
    public ApiHarness(Map<String, String> settings) {
        this(settings, DynamoDbLocal.client());
    }

    /** The same, on a new table reached through {@code dynamo} (e.g. a client that records its calls). */
    public ApiHarness(Map<String, String> settings, software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo) {
        this.app = DynamoDbLocal.context(clock, settings, dynamo);
        this.articles = new ArticlesFunction(app);
        this.comments = new CommentsFunction(app);
        this.admin = new AdminFunction(app);
        this.pages = new PagesFunction(app);
        this.counter = DynamoDbLocal.counter(app);
    }

    /** A response with its body parsed (an HTML page, for a browser's form post, is left as text). */
    public record Reply(int status, Map<String, String> headers, String body, JsonNode json) {
        public String errorCode() {
            return json.path("error").path("code").asText(null);
        }
    }

    public Reply call(APIGatewayProxyRequestEvent event) {
        counter.drain();
        Reply reply = send(event);
        counter.drain();
        return reply;
    }

    /**
     * Calls the function of the event's route as {@link #call} does, but leaves the change stream unread: the
     * counts catch up at the next {@link #call} (for a long run of requests whose counts are checked at its end).
     */
    public Reply send(APIGatewayProxyRequestEvent event) {
        String path = event.getPath();
        APIGatewayProxyResponseEvent response;
        if (isPage(event.getResource())) {
            response = pages.handleRequest(event, null);
        } else if (path.startsWith("/admin")) {
            response = admin.handleRequest(event, null);
        } else if (path.matches("/articles/[^/]+/comments")) {
            response = comments.handleRequest(event, null);
        } else {
            response = articles.handleRequest(event, null);
        }
        return reply(response);
    }

    /** Whether {@code resource} is one of the served pages' (template.yaml's PagesFunction). */
    public static boolean isPage(String resource) {
        return resource != null && (resource.equals("/") || resource.startsWith("/news") || resource.startsWith("/category/")
                || resource.equals("/feed") || resource.equals("/robots.txt") || resource.endsWith(".xml")
                || resource.endsWith("/comments.html"));
    }

    public static Reply reply(APIGatewayProxyResponseEvent response) {
        try {
            String body = response.getBody() == null ? "" : response.getBody();
            String type = response.getHeaders() == null ? "" : String.valueOf(response.getHeaders().get("Content-Type"));
            boolean notJson = type.startsWith("text/") || type.contains("xml");
            JsonNode json = body.isEmpty() || notJson ? JSON.createObjectNode() : JSON.readTree(body);
            return new Reply(response.getStatusCode(), response.getHeaders(), body, json);
        } catch (Exception e) {
            throw new AssertionError("response is not JSON: " + response.getBody(), e);
        }
    }

    public Reply get(String path) {
        return call(Events.request("GET", path, null));
    }

    public Reply postComment(String slug, String json, String ip) {
        return call(Events.fromIp(Events.request("POST", "/articles/" + slug + "/comments", json), ip));
    }

    public Reply asModerator(String method, String path, String json) {
        return call(Events.asModerator(Events.request(method, path, json)));
    }

    /** Publishes an open article with the given slug. */
    public void publish(String slug, String... categories) {
        app.articles().create(new ArticleDraft(slug, "Title of " + slug, "Excerpt of " + slug, List.of("Paragraph."),
                List.of(categories), new Source("BBC", null), List.of(), List.of(), "published", true, clock.instant()));
    }

    /** Stores discussion settings (defaults with the given changes applied by the caller). */
    public void settings(DiscussionSettings settings) {
        app.settings().replace(settings, app.settings().current().version());
    }

    /** Turns off the "previously approved" rule and flood check so comments publish at once. */
    public void openModeration() {
        settings(new DiscussionSettings(true, 0, 2, List.of(), List.of(), false, false, 5, 0, 0));
    }

    public void advance(Duration by) {
        clock.advance(by);
    }

    public static String comment(String name, String email, String content) {
        try {
            return JSON.writeValueAsString(Map.of("authorName", name, "authorEmail", email, "content", content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
