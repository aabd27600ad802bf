package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.application.port.Page;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keyset pagination over one partition of an index. It reads one item beyond the page to know whether more
 * remain, so a cursor is only issued when the next page has at least one item, and keeps reading past
 * DynamoDB's 1 MB response limit until the page is full.
 */
final class IndexPager {
    private final CursorCodec cursors;

    IndexPager(CursorCodec cursors) {
        this.cursors = cursors;
    }

    /** Where to read: an index, its key attribute names, and the table's. */
    record IndexKeys(String indexName, String partitionAttribute, String sortAttribute) {
        Set<String> all() {
            return Set.of(TableLayout.PK, TableLayout.SK, partitionAttribute, sortAttribute);
        }
    }

    <T> Page<T> page(DynamoDbIndex<T> index, TableSchema<T> schema, IndexKeys keys, String partition,
                     boolean ascending, int limit, String cursor) {
        String listId = keys.indexName() + "|" + partition + "|" + (ascending ? "asc" : "desc");
        Map<String, AttributeValue> start = cursors.decode(listId, cursor, keys.all());
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(partition)))
                .scanIndexForward(ascending)
                .limit(limit + 1)
                .exclusiveStartKey(start)
                .build();
        List<T> items = DynamoCalls.call(() ->
                index.query(request).stream().flatMap(p -> p.items().stream()).limit(limit + 1L).toList());
        if (items.size() <= limit) {
            return new Page<>(items, null);
        }
        T last = items.get(limit - 1);
        String next = cursors.encode(listId, schema.itemToMap(last, List.copyOf(keys.all())));
        return new Page<>(items.subList(0, limit), next);
    }

    /**
     * Keyset pagination over several partitions of an index that share one sort order (ascending): each is read
     * from just after the cursor's sort key, and the results are merged. The cursor holds only the last sort key,
     * bound to {@code listId}; a cursor is issued only when at least one more item remains.
     */
    <T> Page<T> mergedPage(DynamoDbIndex<T> index, TableSchema<T> schema, IndexKeys keys, String listId,
                           List<String> partitions, int limit, String cursor) {
        Map<String, AttributeValue> after = cursors.decode(listId, cursor, Set.of(keys.sortAttribute()));
        String afterKey = after == null ? null : after.get(keys.sortAttribute()).s();
        java.util.function.Function<T, String> sortKey = item ->
                schema.itemToMap(item, List.of(keys.sortAttribute())).get(keys.sortAttribute()).s();
        List<T> merged = new java.util.ArrayList<>();
        for (String partition : partitions) {
            QueryConditional condition = afterKey == null
                    ? QueryConditional.keyEqualTo(k -> k.partitionValue(partition))
                    : QueryConditional.sortGreaterThan(k -> k.partitionValue(partition).sortValue(afterKey));
            QueryEnhancedRequest request = QueryEnhancedRequest.builder().queryConditional(condition)
                    .scanIndexForward(true).limit(limit + 1).build();
            merged.addAll(DynamoCalls.call(() ->
                    index.query(request).stream().flatMap(p -> p.items().stream()).limit(limit + 1L).toList()));
        }
        // While an entry moves between partitions the index may briefly show it in both: keep it once.
        merged = new java.util.ArrayList<>(merged.stream().collect(java.util.stream.Collectors.toMap(sortKey,
                item -> item, (a, b) -> a, java.util.TreeMap::new)).values());
        if (merged.size() <= limit) {
            return new Page<>(merged, null);
        }
        String next = cursors.encode(listId, Map.of(keys.sortAttribute(), AttributeValue.fromS(sortKey.apply(merged.get(limit - 1)))));
        return new Page<>(List.copyOf(merged.subList(0, limit)), next);
    }
}
