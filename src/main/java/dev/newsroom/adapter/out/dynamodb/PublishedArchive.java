package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.application.port.ArticleDates;
import dev.newsroom.application.port.PublishedMonth;
import dev.newsroom.domain.ArticleStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The published articles by month of publication (UTC), for sitemaps of any size. The months come from the keys
 * of the list of all articles (publication time and slug, newest first: a few bytes an article, 1 MB a call); a
 * month's articles are its list entries, then only the slug, dates and status of each article item (a projection,
 * 100 keys a {@code BatchGetItem}, unprocessed keys asked again), never a body. An article being deleted or made
 * a draft while its entry is still listed is left out.
 */
final class PublishedArchive {
    private static final int GET_BATCH = 100;
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private final DynamoDbClient client;
    private final String table;

    PublishedArchive(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    List<PublishedMonth> months() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        DynamoCalls.run(() -> client.queryPaginator(entries(null)).items().forEach(entry -> {
            String key = entry.get(TableLayout.GSI1_SK).s(); // publication time, then the slug
            String month = key.length() < 7 ? key : key.substring(0, 7);
            if (MONTH.matcher(month).matches()) {
                counts.merge(month, 1, Integer::sum);
            }
        }));
        List<PublishedMonth> months = new ArrayList<>();
        counts.forEach((month, articles) -> months.add(new PublishedMonth(YearMonth.parse(month), articles)));
        return months;
    }

    List<ArticleDates> in(YearMonth month, int skip, int max) {
        List<String> slugs = DynamoCalls.call(() -> client.queryPaginator(entries(month.toString())).items().stream()
                .skip(skip).limit(max).map(entry -> entry.get("slug").s()).toList());
        Map<String, ArticleDates> bySlug = new HashMap<>();
        for (int from = 0; from < slugs.size(); from += GET_BATCH) {
            List<Map<String, AttributeValue>> keys = slugs.subList(from, Math.min(slugs.size(), from + GET_BATCH)).stream()
                    .map(slug -> Writes.key(TableLayout.articlePk(slug), TableLayout.ARTICLE_SK)).toList();
            Map<String, KeysAndAttributes> asking = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .projectionExpression("slug, publishedAt, updatedAt, #status")
                    .expressionAttributeNames(Map.of("#status", "status")).build());
            while (!asking.isEmpty()) {
                Map<String, KeysAndAttributes> request = asking;
                var response = DynamoCalls.call(() -> client.batchGetItem(b -> b.requestItems(request)));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    if (item.containsKey("publishedAt") && item.containsKey("status")
                            && ArticleStatus.parse(item.get("status").s()).orElse(null) == ArticleStatus.PUBLISHED) {
                        bySlug.put(item.get("slug").s(), new ArticleDates(item.get("slug").s(),
                                Instant.parse(item.get("publishedAt").s()),
                                item.containsKey("updatedAt") ? Instant.parse(item.get("updatedAt").s()) : null));
                    }
                }
                KeysAndAttributes left = response.unprocessedKeys().get(table);
                asking = left == null || left.keys().isEmpty() ? Map.of() : Map.of(table, left);
            }
        }
        return slugs.stream().map(bySlug::get).filter(Objects::nonNull).toList();
    }

    /** The list of all articles' entries, newest first, in {@code month} ("yyyy-MM") or all: their sort keys and slugs. */
    private QueryRequest entries(String month) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":list", AttributeValue.fromS(TableLayout.listName(null)));
        if (month != null) {
            values.put(":month", AttributeValue.fromS(month));
        }
        return QueryRequest.builder().tableName(table).indexName(TableLayout.GSI1)
                .keyConditionExpression("#pk = :list" + (month == null ? "" : " AND begins_with(#sk, :month)"))
                .expressionAttributeNames(Map.of("#pk", TableLayout.GSI1_PK, "#sk", TableLayout.GSI1_SK))
                .expressionAttributeValues(values).projectionExpression("#sk, slug").scanIndexForward(false).build();
    }
}
