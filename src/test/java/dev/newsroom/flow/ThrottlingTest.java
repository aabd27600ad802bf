package dev.newsroom.flow;

import dev.newsroom.adapter.in.api.ArticlesFunction;
import dev.newsroom.adapter.in.api.CommentsFunction;
import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.ArticleDraft;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.ApiHarness.Reply;
import dev.newsroom.support.DynamoDbLocal;
import dev.newsroom.support.Events;
import dev.newsroom.support.FaultInjector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Throttling and transaction conflicts, injected into the production client over HTTP: retried, then 503. */
class ThrottlingTest {
    private final FaultInjector faults = new FaultInjector();
    private AppContext app;
    private ArticlesFunction articles;
    private CommentsFunction comments;

    @BeforeEach
    void setUp() {
        var client = AppContext.dynamoClientBuilder(AppConfig.from(DynamoDbLocal.httpSettings()::get))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallAttemptTimeout(Duration.ofSeconds(5)).build())
                .httpClientBuilder(null)
                .httpClient(faults)
                .build();
        app = DynamoDbLocal.context(Clock.systemUTC(), Map.of(), client);
        app.articles().create(new ArticleDraft("busy-story", "Busy", "", List.of("p"), List.of(), null, List.of(),
                List.of(), "published", true, null));
        app.settings().replace(new DiscussionSettings(true, 0, 2, List.of(), List.of(), false, false, 5, 0, 0), 0);
        articles = new ArticlesFunction(app);
        comments = new CommentsFunction(app);
    }

    private Reply getArticle() {
        return ApiHarness.reply(articles.handleRequest(Events.request("GET", "/articles/busy-story", null), null));
    }

    private Reply post(String content) {
        return ApiHarness.reply(comments.handleRequest(Events.request("POST", "/articles/busy-story/comments",
                ApiHarness.comment("Ama", "ama@example.com", content)), null));
    }

    @Test
    void throttledRead_isRetriedBySdk_thenServed() {
        faults.fail("GetItem", 1, FaultInjector.THROTTLED);
        assertEquals(200, getArticle().status());
        assertEquals(1, faults.injected());
    }

    @Test
    void readThrottledPastRetries_isUnavailableWithRetryAfter() {
        faults.fail("GetItem", 100, FaultInjector.THROTTLED);
        Reply reply = getArticle();
        assertEquals(503, reply.status());
        assertEquals("unavailable", reply.errorCode());
        assertNotNull(reply.headers().get("Retry-After"));
        assertEquals(3, faults.injected());
    }

    @Test
    void transactionConflict_isRetried_andWritesOnce() {
        faults.fail("TransactWriteItems", 2, FaultInjector.CONFLICT);
        assertEquals(201, post("after two conflicts").status());
        assertEquals(2, faults.injected());
        assertEquals(1, app.moderation().queue(CommentStatus.APPROVED, "busy-story", 10, null).items().size());
        DynamoDbLocal.counter(app).drain();
        assertEquals(1, app.articles().publishedArticle("busy-story").commentCount());
    }

    @Test
    void transactionConflictPastRetries_isUnavailable_andNothingIsWritten() {
        faults.fail("TransactWriteItems", 100, FaultInjector.CONFLICT);
        Reply reply = post("never lands");
        assertEquals(503, reply.status());
        assertEquals("unavailable", reply.errorCode());
        faults.fail("TransactWriteItems", 0, "");
        assertEquals(0, app.moderation().queue(CommentStatus.APPROVED, "busy-story", 10, null).items().size());
        DynamoDbLocal.counter(app).drain();
        assertEquals(0, app.articles().publishedArticle("busy-story").commentCount());
        assertEquals(201, post("never lands").status());
    }
}
