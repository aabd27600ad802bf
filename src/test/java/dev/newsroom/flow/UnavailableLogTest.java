package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.support.StandardOutput;
import dev.newsroom.adapter.in.api.ArticlesFunction;
import dev.newsroom.adapter.in.api.CommentsFunction;
import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.ArticleDraft;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.DynamoDbLocal;
import dev.newsroom.support.Events;
import dev.newsroom.support.FaultInjector;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A 503 says why in its log line: the SDK exception's class and DynamoDB's error code, and nothing personal. */
class UnavailableLogTest {
    private static final String UNRECOGNIZED = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#UnrecognizedClientException\","
            + "\"message\":\"The security token included in the request is invalid.\"}";
    private static final String EMAIL = "private.reader@example.com";
    private static final String IP = "198.51.100.77";
    private static final String NAME = "Private Name";
    private static final String TEXT = "A private sentence about the story";

    private final FaultInjector faults = new FaultInjector();

    private AppContext appOver(FaultInjector http) {
        var client = AppContext.dynamoClientBuilder(AppConfig.from(DynamoDbLocal.httpSettings()::get))
                .httpClientBuilder(null).httpClient(http).build();
        AppContext app = DynamoDbLocal.context(Clock.systemUTC(), Map.of(), client);
        app.articles().create(new ArticleDraft("logged-outage", "Outage", "", List.of("p"), List.of(), null, List.of(),
                List.of(), "published", true, null));
        return app;
    }

    @Test
    void rejectedRequest_logsExceptionClassAndAwsErrorCode() {
        ArticlesFunction articles = new ArticlesFunction(appOver(faults));
        faults.fail("GetItem", 1, UNRECOGNIZED);
        JsonNode line = onlyRequestLine(() -> ApiHarness.reply(articles.handleRequest(
                Events.request("GET", "/articles/logged-outage?utm_source=" + EMAIL, null), null)));
        assertEquals(503, line.path("status").asInt(), line.toString());
        assertEquals("ERROR", line.path("level").asText());
        assertEquals("unavailable", line.path("error").asText());
        assertEquals("software.amazon.awssdk.services.dynamodb.model.DynamoDbException", line.path("exception").asText());
        assertEquals("UnrecognizedClientException", line.path("awsErrorCode").asText());
        assertEquals("400", line.path("awsStatus").asText());
    }

    @Test
    void throttlingPastRetries_logsTheThrottlingCode() {
        ArticlesFunction articles = new ArticlesFunction(appOver(faults));
        faults.fail("GetItem", 10, FaultInjector.THROTTLED);
        JsonNode line = onlyRequestLine(() -> articles.handleRequest(
                Events.request("GET", "/articles/logged-outage", null), null));
        assertEquals(503, line.path("status").asInt(), line.toString());
        assertEquals("software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException",
                line.path("exception").asText());
        assertEquals("ProvisionedThroughputExceededException", line.path("awsErrorCode").asText());
    }

    @Test
    void conflictsPastRetries_logTheCancellationReasons() {
        CommentsFunction comments = new CommentsFunction(appOver(faults));
        faults.fail("TransactWriteItems", 50, FaultInjector.CONFLICT);
        JsonNode line = onlyRequestLine(() -> comments.handleRequest(Events.fromIp(Events.request("POST",
                "/articles/logged-outage/comments", ApiHarness.comment(NAME, EMAIL, TEXT)), IP), null));
        assertEquals(503, line.path("status").asInt(), line.toString());
        assertEquals("TransactionCanceledException", line.path("awsErrorCode").asText());
        assertEquals("TransactionConflict,None,None", line.path("cancellationReasons").asText());
    }

    @Test
    void missingCredentials_logFailedAtCredentials_andNoPersonalData() {
        AppContext working = appOver(faults);
        ProfileFile empty = ProfileFile.builder().type(ProfileFile.Type.CREDENTIALS)
                .content(new ByteArrayInputStream(new byte[0])).build();
        var noCredentials = AppContext.dynamoClientBuilder(AppConfig.from(DynamoDbLocal.httpSettings()::get))
                .credentialsProvider(ProfileCredentialsProvider.builder().profileFile(empty).profileName("none").build())
                .build();
        CommentsFunction comments = new CommentsFunction(new AppContext(working.config(), noCredentials, Clock.systemUTC()));
        JsonNode line = onlyRequestLine(() -> comments.handleRequest(Events.fromIp(Events.request("POST",
                "/articles/logged-outage/comments", ApiHarness.comment(NAME, EMAIL, TEXT)), IP), null));
        assertEquals(503, line.path("status").asInt(), line.toString());
        assertEquals("software.amazon.awssdk.core.exception.SdkClientException", line.path("exception").asText());
        assertEquals("credentials", line.path("failedAt").asText());
        assertFalse(line.has("awsErrorCode"));
    }

    /** Runs {@code call} with standard output captured; checks it logged nothing personal; its one request line. */
    private static JsonNode onlyRequestLine(Supplier<?> call) {
        String log = StandardOutput.of(call::get);
        for (String secret : List.of(EMAIL, IP, NAME, TEXT, "security token", "utm_source")) {
            assertFalse(log.contains(secret), "log contains " + secret + ":\n" + log);
        }
        List<JsonNode> lines = log.lines().filter(l -> !l.isBlank()).map(l -> {
            try {
                return ApiHarness.JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).filter(l -> "request".equals(l.path("message").asText())).toList();
        assertEquals(1, lines.size(), log);
        return lines.get(0);
    }
}
