package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.application.port.Page;
import dev.newsroom.application.port.PageBudget;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

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

    /**
     * One page of a partition: at most {@code limit} items and within {@code budget}'s bytes by {@code size} (a
     * stored size), read once and in order; it stops reading once the next item is known not to fit.
     */
    <T> Page<T> page(DynamoDbIndex<T> index, TableSchema<T> schema, IndexKeys keys, String partition,
                     boolean ascending, int limit, String cursor, ToLongFunction<T> size) {
        String listId = keys.indexName() + "|" + partition + "|" + (ascending ? "asc" : "desc");
        Map<String, AttributeValue> start = cursors.decode(listId, cursor, keys.all());
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(partition)))
                .scanIndexForward(ascending)
                .limit(limit + 1)
                .exclusiveStartKey(start)
                .build();
        List<T> items = new ArrayList<>();
        T left = DynamoCalls.call(() -> takeWhileFits(index.query(request).stream().flatMap(p -> p.items().stream()),
                PageBudget.forViews(limit), size, items));
        if (left == null) {
            return new Page<>(items, null);
        }
        T last = items.get(items.size() - 1);
        String next = cursors.encode(listId, schema.itemToMap(last, List.copyOf(keys.all())));
        return new Page<>(items, next);
    }

    /**
     * Moves items from {@code stream} into {@code page} while {@code budget} takes them; returns the first item it
     * refused, or null when none was left (the stream is lazy: DynamoDB is not asked for items after that one).
     */
    private static <T> T takeWhileFits(Stream<T> stream, PageBudget budget, ToLongFunction<T> size, List<T> page) {
        Iterator<T> items = stream.iterator();
        while (items.hasNext()) {
            T item = items.next();
            if (!budget.take(size.applyAsLong(item))) {
                return item;
            }
            page.add(item);
        }
        return null;
    }

    /**
     * Keyset pagination over several partitions of an index that share one sort order (ascending): each is read
     * from just after the cursor's sort key, only while its own items could fit the page (plus one), and the
     * results are merged and cut to the page's limit and bytes. The cursor holds only the last sort key, bound to
     * {@code listId}; a cursor is issued only when at least one more item remains.
     */
    <T> Page<T> mergedPage(DynamoDbIndex<T> index, TableSchema<T> schema, IndexKeys keys, String listId,
                           List<String> partitions, int limit, String cursor, ToLongFunction<T> size) {
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
            // A partition's items after one its own page refuses cannot be on the merged page: that one is kept
            // only to show that more remain.
            List<T> fitting = new ArrayList<>();
            T left = DynamoCalls.call(() -> takeWhileFits(index.query(request).stream().flatMap(p -> p.items().stream()),
                    PageBudget.forViews(limit), size, fitting));
            merged.addAll(fitting);
            if (left != null) {
                merged.add(left);
            }
        }
        // While an entry moves between partitions the index may briefly show it in both: keep it once.
        merged = new java.util.ArrayList<>(merged.stream().collect(java.util.stream.Collectors.toMap(sortKey,
                item -> item, (a, b) -> a, java.util.TreeMap::new)).values());
        List<T> page = new ArrayList<>();
        if (takeWhileFits(merged.stream(), PageBudget.forViews(limit), size, page) == null) {
            return new Page<>(page, null);
        }
        String next = cursors.encode(listId, Map.of(keys.sortAttribute(), AttributeValue.fromS(sortKey.apply(page.get(page.size() - 1)))));
        return new Page<>(page, next);
    }
}
