package dev.newsroom.adapter.in.pages;

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

/** The pages function's SnapStart priming renders the real pages through its handler and writes nothing. */
class PagePrimingTest {

    @Test
    void primingRendersTheNewestArticleAndTheListsAndWritesNothing() {
        AppContext app = app();
        SampleData.seedIfEmpty(app);
        List<Map<String, AttributeValue>> before = items(app);
        assertFalse(before.isEmpty());

        String output = StandardOutput.of(() -> assertEquals(List.of("GET /news/{slug} 200", "GET /category/{name} 200",
                "GET /sitemap.xml 200", "GET / 200", "GET /feed 200", "GET /sitemap.xml 200", "GET /news/{slug} 404",
                "POST /news/{slug} 404"), PagePriming.prime(new PagesFunction(app))));
        assertFalse(output.contains("CommentsRejected"), "priming's refused form is not a reader's comment");
        assertEquals(before, items(app), "priming changed the table");
    }

    @Test
    void primingOnAnEmptyTableRendersTheListsAndWritesNothing() {
        AppContext app = app();
        assertEquals(List.of("GET / 200", "GET /feed 200", "GET /sitemap.xml 200", "GET /news/{slug} 404",
                "POST /news/{slug} 404"), PagePriming.prime(new PagesFunction(app)));
        assertEquals(List.of(), items(app));
    }

    private static AppContext app() {
        DynamoDbClient client = AppContext.dynamoClient(AppConfig.from(DynamoDbLocal.httpSettings()::get));
        return DynamoDbLocal.context(Clock.systemUTC(), Map.of(), client);
    }

    private static List<Map<String, AttributeValue>> items(AppContext app) {
        return DynamoDbLocal.allItems(app);
    }
}
