package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.adapter.in.api.AdminFunction;
import dev.newsroom.application.port.ArticleDates;
import dev.newsroom.application.port.PublishedMonth;
import dev.newsroom.config.AppContext;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.DynamoDbLocal;
import dev.newsroom.support.Events;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The published articles by month, as the sitemap reads them, against DynamoDB Local. */
class PublishedArchiveTest {
    private final AppContext app = DynamoDbLocal.context(Clock.systemUTC());
    private final AdminFunction admin = new AdminFunction(app);

    private void article(String slug, String publishedAt, String status) {
        String json = "{\"slug\":\"" + slug + "\",\"title\":\"T\",\"body\":[\"One.\"],\"categories\":[\"News\"],"
                + "\"status\":\"" + status + "\",\"commentsOpen\":true"
                + (publishedAt == null ? "" : ",\"publishedAt\":\"" + publishedAt + "\"") + "}";
        var reply = ApiHarness.reply(admin.handleRequest(Events.asModerator(Events.request("POST", "/admin/articles", json)), null));
        assertEquals(201, reply.status(), reply.body());
    }

    @Test
    void monthsAreCountedFromTheListsKeys_newestFirst_andAMonthIsReadInParts_withoutDraftsOrDeletedArticles() {
        for (int day = 1; day <= 5; day++) {
            article("march-" + day, "2019-03-0" + day + "T08:00:00Z", "published");
        }
        article("may-day", "2019-05-01T00:00:00Z", "published");
        article("new-year", "2020-01-01T00:00:00Z", "published"); // in UTC, January; never December
        article("a-draft", null, "draft");

        assertEquals(List.of(new PublishedMonth(YearMonth.of(2020, 1), 1), new PublishedMonth(YearMonth.of(2019, 5), 1),
                new PublishedMonth(YearMonth.of(2019, 3), 5)), app.articleRepository().publishedMonths());
        List<ArticleDates> march = app.articleRepository().publishedIn(YearMonth.of(2019, 3), 0, 10);
        assertEquals(List.of("march-1", "march-2", "march-3", "march-4", "march-5"), march.stream().map(ArticleDates::slug).toList());
        assertEquals(java.time.Instant.parse("2019-03-01T08:00:00Z"), march.get(0).publishedAt());
        assertEquals(app.articleRepository().find("march-1").orElseThrow().updatedAt(), march.get(0).updatedAt(),
                "the entry carries the article's last change");
        assertEquals(List.of("march-2", "march-3"), app.articleRepository().publishedIn(YearMonth.of(2019, 3), 1, 2)
                .stream().map(ArticleDates::slug).toList(), "the second part starts after the first");
        assertEquals(List.of(), app.articleRepository().publishedIn(YearMonth.of(2019, 4), 0, 10));

        // an entry written before entries carried the article's last change: read from the article itself
        DynamoDbLocal.client().updateItem(b -> b.tableName(app.config().tableName())
                .key(Writes.key(TableLayout.articlePk("march-2"), TableLayout.listName(null))).updateExpression("REMOVE updatedAt"));
        assertEquals(app.articleRepository().find("march-2").orElseThrow().updatedAt(), app.articleRepository()
                .publishedIn(YearMonth.of(2019, 3), 1, 1).get(0).updatedAt());

        var deleted = ApiHarness.reply(admin.handleRequest(Events.asModerator(Events.request("DELETE", "/admin/articles/march-3", null)), null));
        assertEquals(204, deleted.status(), deleted.body());
        assertEquals(List.of("march-1", "march-2", "march-4", "march-5"), app.articleRepository()
                .publishedIn(YearMonth.of(2019, 3), 0, 10).stream().map(ArticleDates::slug).toList());
    }
}
