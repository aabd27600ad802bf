package dev.newsroom.adapter.in.api;

import dev.newsroom.support.StandardOutput;
import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.local.SampleData;
import dev.newsroom.support.DynamoDbLocal;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SnapStart priming runs each function's real paths (reads, a submission's transaction, a moderation's
 * transaction) against DynamoDB Local over HTTP, and writes nothing: the table's items are the same before and
 * after, on a seeded table and on an empty one (no settings item either).
 */
class PrimingTest {

    @Test
    void primingRunsTheRealPathsOfEachFunctionAndWritesNothing() {
        AppContext app = app();
        SampleData.seedIfEmpty(app);
        List<Map<String, AttributeValue>> before = items(app);
        assertFalse(before.isEmpty());

        String log = StandardOutput.of(() -> {
            assertEquals(List.of("GET /articles/{slug} 404", "GET /articles 200", "GET /comments/counts 200"),
                    Priming.prime(new ArticlesFunction(app)));
            assertEquals(List.of("GET /articles/{slug}/comments 404", "POST /articles/{slug}/comments 404",
                    "submit refused: validation_failed"), Priming.prime(new CommentsFunction(app)));
            assertEquals(List.of("GET /admin/comments 200", "GET /admin/settings 200", "GET /admin/comments/{id} 404",
                    "PATCH /admin/comments/{id} 404", "GET /admin/articles/{slug} 404", "GET /admin/privacy/export 200",
                    "POST /admin/articles 400", "moderation refused: comment_not_found"), Priming.prime(new AdminFunction(app)));
        });

        assertEquals(before, items(app), "priming changed the table");
        assertTrue(log.contains("\"requestId\":\"priming\"") && log.contains("\"status\":404"), log);
        assertFalse(log.contains("CommentsRejected"), "priming counted a rejected comment: " + log);
        assertFalse(log.contains("\"status\":5"), log);
    }

    @Test
    void primingWritesNothingToAnEmptyTable() {
        AppContext app = app();
        StandardOutput.of(() -> {
            Priming.prime(new ArticlesFunction(app));
            Priming.prime(new CommentsFunction(app));
            Priming.prime(new AdminFunction(app));
        });
        assertEquals(List.of(), items(app));
    }

    @Test
    void beforeCheckpoint_runsThePriming() {
        AppContext app = app();
        String log = StandardOutput.of(() -> Priming.forTesting(new CommentsFunction(app)).beforeCheckpoint(null));
        assertTrue(log.contains("\"requestId\":\"priming\"") && log.contains("/articles/{slug}/comments"), log);
    }

    private static AppContext app() {
        DynamoDbClient client = AppContext.dynamoClient(AppConfig.from(DynamoDbLocal.httpSettings()::get));
        return DynamoDbLocal.context(Clock.systemUTC(), Map.of(), client);
    }

    private static List<Map<String, AttributeValue>> items(AppContext app) {
        return DynamoDbLocal.allItems(app);
    }
}
