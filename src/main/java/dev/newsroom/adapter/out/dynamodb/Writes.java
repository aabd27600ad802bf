package dev.newsroom.adapter.out.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builders for the items of one {@code TransactWriteItems} call, and the reading of its cancellation reasons
 * (which come back in the order the items were added).
 */
final class Writes {
    static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private final String table;

    Writes(String table) {
        this.table = table;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(TableLayout.PK, AttributeValue.fromS(pk), TableLayout.SK, AttributeValue.fromS(sk));
    }

    static Map<String, AttributeValue> values(Object... pairs) {
        Map<String, AttributeValue> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (AttributeValue) pairs[i + 1]);
        }
        return map;
    }

    TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    TransactWriteItem putIf(Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> vals) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression(condition)
                .expressionAttributeValues(vals.isEmpty() ? null : vals)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }

    TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return putIf(item, "attribute_not_exists(pk)", Map.of());
    }

    TransactWriteItem update(Map<String, AttributeValue> key, String expression, String condition,
                             Map<String, String> names, Map<String, AttributeValue> vals) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
                .updateExpression(expression).conditionExpression(condition)
                .expressionAttributeNames(names == null || names.isEmpty() ? null : names)
                .expressionAttributeValues(vals.isEmpty() ? null : vals)
                .build()).build();
    }

    TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).build()).build();
    }

    TransactWriteItem deleteIf(Map<String, AttributeValue> key, String condition, Map<String, AttributeValue> vals) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key)
                .conditionExpression(condition).expressionAttributeValues(vals.isEmpty() ? null : vals).build()).build();
    }

    TransactWriteItem check(Map<String, AttributeValue> key, String condition, Map<String, String> names,
                            Map<String, AttributeValue> vals) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key)
                .conditionExpression(condition)
                .expressionAttributeNames(names == null || names.isEmpty() ? null : names)
                .expressionAttributeValues(vals).build()).build();
    }

    /** True when the item at {@code index} of the cancelled transaction failed its condition. */
    static boolean failedAt(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return index >= 0 && index < reasons.size() && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    static Map<String, AttributeValue> oldItemAt(TransactionCanceledException e, int index) {
        return e.cancellationReasons().get(index).item();
    }
}
