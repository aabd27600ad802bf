package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.application.port.ArticleDates;
import dev.newsroom.application.port.PublishedMonth;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The published articles by month of publication (UTC), for sitemaps of any size, read from the list of all
 * articles alone (its entries hold the publication time, slug and last change; a few hundred bytes an article,
 * 1 MB a call), never from the articles' own items: the months newest first with their counts (the whole list's
 * keys), and one month's articles oldest first (so a month's later parts only grow at their end).
 */
final class PublishedArchive {
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private final DynamoDbClient client;
    private final String table;

    PublishedArchive(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    List<PublishedMonth> months() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        DynamoCalls.run(() -> client.queryPaginator(entries(null, false)).items().forEach(entry -> {
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
        return DynamoCalls.call(() -> client.queryPaginator(entries(month.toString(), true)).items().stream()
                .skip(skip).limit(max).map(PublishedArchive::dates).toList());
    }

    private static ArticleDates dates(Map<String, AttributeValue> entry) {
        String key = entry.get(TableLayout.GSI1_SK).s();
        AttributeValue updated = entry.get("updatedAt");
        return new ArticleDates(entry.get("slug").s(), Instant.parse(key.substring(0, key.indexOf('#'))),
                updated == null ? null : Instant.parse(updated.s()));
    }

    /** The list of all articles' entries in {@code month} ("yyyy-MM") or all, in publication order or its reverse. */
    private QueryRequest entries(String month, boolean oldestFirst) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":list", AttributeValue.fromS(TableLayout.listName(null)));
        if (month != null) {
            values.put(":month", AttributeValue.fromS(month));
        }
        return QueryRequest.builder().tableName(table).indexName(TableLayout.GSI1)
                .keyConditionExpression("#pk = :list" + (month == null ? "" : " AND begins_with(#sk, :month)"))
                .expressionAttributeNames(Map.of("#pk", TableLayout.GSI1_PK, "#sk", TableLayout.GSI1_SK))
                .expressionAttributeValues(values)
                .projectionExpression(month == null ? "#sk" : "#sk, slug, updatedAt")
                .scanIndexForward(oldestFirst).build();
    }
}
