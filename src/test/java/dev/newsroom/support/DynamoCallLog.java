package dev.newsroom.support;

import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every DynamoDB call a client made, as IAM sees it: the action ({@code dynamodb:Query}…), the index it read (null
 * for the table), the partition keys it touched ({@code dynamodb:LeadingKeys}) and, for a Query, how many items came
 * back; each labelled with the {@link #actingAs function} the test says is calling. Add it to a client with
 * {@link #client()}.
 */
public final class DynamoCallLog implements ExecutionInterceptor {
    private static final Pattern PARTITION_CONDITION = Pattern.compile("(#?[A-Za-z0-9_]+)\\s*=\\s*(:[A-Za-z0-9_]+)");

    /** One call: {@code leadingKeys} are the {@code pk} (or an index's partition key) values it named. */
    public record Call(String function, String action, String index, List<String> leadingKeys, int itemsReturned) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile String function = "";

    /** A production client (over HTTP, to the shared DynamoDB Local server) that reports its calls here. */
    public DynamoDbClient client() {
        return AppContext.dynamoClientBuilder(AppConfig.from(DynamoDbLocal.httpSettings()::get))
                .overrideConfiguration(o -> o.addExecutionInterceptor(this)).build();
    }

    /** Labels the calls from now on with {@code name} (the function the test is calling). */
    public void actingAs(String name) {
        function = name;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public void clear() {
        calls.clear();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        SdkResponse response = context.response();
        if (request instanceof TransactWriteItemsRequest r) {
            // IAM authorises each item of a transaction as its own action, with its own key.
            for (TransactWriteItem item : r.transactItems()) {
                String action = item.put() != null ? "PutItem" : item.update() != null ? "UpdateItem"
                        : item.delete() != null ? "DeleteItem" : "ConditionCheckItem";
                Map<String, AttributeValue> key = item.put() != null ? item.put().item() : item.update() != null
                        ? item.update().key() : item.delete() != null ? item.delete().key() : item.conditionCheck().key();
                record("dynamodb:" + action, null, key(key), 0);
            }
        } else if (request instanceof TransactGetItemsRequest r) {
            r.transactItems().forEach(item -> record("dynamodb:GetItem", null, key(item.get().key()), 0));
        } else {
            String action = "dynamodb:" + request.getClass().getSimpleName().replace("Request", "");
            String index = request instanceof QueryRequest q ? q.indexName() : null;
            int returned = response instanceof QueryResponse r && r.count() != null ? r.count() : 0;
            record(action, index, leadingKeys(request), returned);
        }
    }

    private void record(String action, String index, List<String> keys, int returned) {
        calls.add(new Call(function, action, index, keys, returned));
    }

    private static List<String> leadingKeys(SdkRequest request) {
        List<String> keys = new ArrayList<>();
        if (request instanceof GetItemRequest r) {
            add(keys, r.key());
        } else if (request instanceof PutItemRequest r) {
            add(keys, r.item());
        } else if (request instanceof UpdateItemRequest r) {
            add(keys, r.key());
        } else if (request instanceof DeleteItemRequest r) {
            add(keys, r.key());
        } else if (request instanceof QueryRequest r) {
            Matcher m = PARTITION_CONDITION.matcher(r.keyConditionExpression());
            if (m.find()) {
                keys.add(r.expressionAttributeValues().get(m.group(2)).s());
            }
        } else if (request instanceof BatchGetItemRequest r) {
            r.requestItems().values().forEach(ka -> ka.keys().forEach(k -> add(keys, k)));
        } else if (request instanceof BatchWriteItemRequest r) {
            r.requestItems().values().forEach(writes -> writes.forEach(w -> add(keys, written(w))));
        }
        return keys;
    }

    private static List<String> key(Map<String, AttributeValue> item) {
        List<String> keys = new ArrayList<>();
        add(keys, item);
        return keys;
    }

    private static Map<String, AttributeValue> written(WriteRequest w) {
        return w.putRequest() != null ? w.putRequest().item() : w.deleteRequest().key();
    }

    private static void add(List<String> keys, Map<String, AttributeValue> item) {
        AttributeValue pk = item.get("pk");
        if (pk != null) {
            keys.add(pk.s());
        }
    }
}
