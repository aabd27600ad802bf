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
}
