package dev.newsroom.bench;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Added to a DynamoDB client ({@code overrideConfiguration(o -> o.addExecutionInterceptor(meter))}): asks every
 * request that can report it for {@code ReturnConsumedCapacity TOTAL} and sums the units the responses report,
 * read units and write units apart, per operation. DynamoDB Local reports units for every operation but two that
 * DynamoDB charges: a transaction's {@code ConditionCheck} and a {@code Query} that finds nothing; given a way to
 * read the checked item, the meter adds those by DynamoDB's published rules, under names beginning {@link #RULES}. Read operations' units count as reads and write operations'
 * as writes (a transaction's {@code ConditionCheck} is charged as a write, as DynamoDB charges it); where a
 * response splits its units itself, that split is kept.
 */
public final class CapacityMeter implements ExecutionInterceptor {
    /** Operations whose units DynamoDB's published rules add to what DynamoDB Local reported begin with this. */
    public static final String RULES = "+ rule: ";
    private final Map<String, double[]> byOperation = new TreeMap<>();
    private final BiFunction<String, Map<String, AttributeValue>, Map<String, AttributeValue>> lookup;

    /** Sums what DynamoDB reports, without corrections for checked items (no way to read them). */
    public CapacityMeter() {
        this(null);
    }

    /**
     * Sums what DynamoDB reports, and adds the units DynamoDB's rules charge where DynamoDB Local reports none: a
     * {@code ConditionCheck} (sized by reading the checked item through {@code lookup}, a client without this
     * meter) and a {@code Query} that finds nothing.
     */
    public CapacityMeter(BiFunction<String, Map<String, AttributeValue>, Map<String, AttributeValue>> lookup) {
        this.lookup = lookup;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        return withCapacity(context.request());
    }

    /** The request asking for {@code ReturnConsumedCapacity TOTAL} where it can; others as they are. */
    static SdkRequest withCapacity(SdkRequest request) {
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (request instanceof GetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof QueryRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof PutItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof UpdateItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof DeleteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof TransactWriteItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof TransactGetItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof BatchGetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof BatchWriteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(context.request(), context.response());
    }

    /** Counts one call's units, and what DynamoDB's published rules add where DynamoDB Local reports none. */
    void record(SdkRequest request, SdkResponse response) {
        if (response instanceof QueryResponse r && request instanceof QueryRequest q && units(r.consumedCapacity()) == 0) {
            // DynamoDB charges a Query that finds nothing the minimum read; DynamoDB Local reports 0.
            add(RULES + "Query finding nothing", false, ConsumedCapacity.builder()
                    .capacityUnits(Boolean.TRUE.equals(q.consistentRead()) ? 1.0 : 0.5).build());
        }
        if (request instanceof TransactWriteItemsRequest t && lookup != null) {
            // DynamoDB bills a ConditionCheck as a transactional write of the checked item (2 units per KB);
            // DynamoDB Local reports 0 for it.
            for (TransactWriteItem item : t.transactItems()) {
                if (item.conditionCheck() != null) {
                    Map<String, AttributeValue> checked = lookup.apply(item.conditionCheck().tableName(), item.conditionCheck().key());
                    double kb = Math.max(1, Math.ceil(itemSize(checked == null ? item.conditionCheck().key() : checked) / 1024.0));
                    add(RULES + "ConditionCheck", true, ConsumedCapacity.builder().capacityUnits(2 * kb).build());
                }
            }
        }
        if (response instanceof GetItemResponse r) {
            add("GetItem", false, r.consumedCapacity());
        } else if (response instanceof QueryResponse r) {
            add("Query", false, r.consumedCapacity());
        } else if (response instanceof PutItemResponse r) {
            add("PutItem", true, r.consumedCapacity());
        } else if (response instanceof UpdateItemResponse r) {
            add("UpdateItem", true, r.consumedCapacity());
        } else if (response instanceof DeleteItemResponse r) {
            add("DeleteItem", true, r.consumedCapacity());
        } else if (response instanceof TransactWriteItemsResponse r) {
            addAll("TransactWriteItems", true, r.consumedCapacity());
        } else if (response instanceof TransactGetItemsResponse r) {
            addAll("TransactGetItems", false, r.consumedCapacity());
        } else if (response instanceof BatchGetItemResponse r) {
            addAll("BatchGetItem", false, r.consumedCapacity());
        } else if (response instanceof BatchWriteItemResponse r) {
            addAll("BatchWriteItem", true, r.consumedCapacity());
        }
    }

    private void addAll(String operation, boolean write, List<ConsumedCapacity> capacities) {
        if (capacities == null || capacities.isEmpty()) {
            add(operation, write, null);
        }
        for (ConsumedCapacity capacity : capacities == null ? List.<ConsumedCapacity>of() : capacities) {
            add(operation, write, capacity);
        }
    }

    /** Counts one response's units; a response without them (none reported) counts as a call with 0 units. */
    synchronized void add(String operation, boolean write, ConsumedCapacity capacity) {
        double[] sums = byOperation.computeIfAbsent(operation, o -> new double[3]);
        sums[2]++;
        if (capacity == null) {
            return;
        }
        Double reads = capacity.readCapacityUnits();
        Double writes = capacity.writeCapacityUnits();
        if (reads != null || writes != null) {
            sums[0] += reads == null ? 0 : reads;
            sums[1] += writes == null ? 0 : writes;
        } else if (capacity.capacityUnits() != null) {
            sums[write ? 1 : 0] += capacity.capacityUnits();
        }
    }

    private static double units(ConsumedCapacity capacity) {
        if (capacity == null) {
            return 0;
        }
        double sum = capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
        if (sum == 0) {
            sum = (capacity.readCapacityUnits() == null ? 0 : capacity.readCapacityUnits())
                    + (capacity.writeCapacityUnits() == null ? 0 : capacity.writeCapacityUnits());
        }
        return sum;
    }

    /** An item's size as DynamoDB counts it: attribute names plus values (numbers about half their digits). */
    static int itemSize(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + valueSize(attribute.getValue());
        }
        return size;
    }

    private static int valueSize(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        } else if (value.n() != null) {
            return numberSize(value.n());
        } else if (value.b() != null) {
            return value.b().asByteArray().length;
        } else if (value.hasSs()) {
            return value.ss().stream().mapToInt(CapacityMeter::utf8).sum();
        } else if (value.hasNs()) {
            return value.ns().stream().mapToInt(CapacityMeter::numberSize).sum();
        } else if (value.hasBs()) {
            return value.bs().stream().mapToInt(b -> b.asByteArray().length).sum();
        } else if (value.hasL()) {
            return 3 + value.l().stream().mapToInt(v -> 1 + valueSize(v)).sum();
        } else if (value.hasM()) {
            return 3 + value.m().entrySet().stream().mapToInt(e -> 1 + utf8(e.getKey()) + valueSize(e.getValue())).sum();
        }
        return 1;
    }

    private static int numberSize(String number) {
        long digits = number.chars().filter(Character::isDigit).count();
        return (int) ((digits + 1) / 2 + 1);
    }

    private static int utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** Units that DynamoDB's rules added (see {@link #RULES}) since the last {@link #reset}: read, write. */
    public synchronized double[] addedByRules() {
        double[] added = new double[2];
        byOperation.forEach((operation, sums) -> {
            if (operation.startsWith(RULES)) {
                added[0] += sums[0];
                added[1] += sums[1];
            }
        });
        return added;
    }

    /** Read units summed since the last {@link #reset}. */
    public synchronized double readUnits() {
        return byOperation.values().stream().mapToDouble(s -> s[0]).sum();
    }

    /** Write units summed since the last {@link #reset}. */
    public synchronized double writeUnits() {
        return byOperation.values().stream().mapToDouble(s -> s[1]).sum();
    }

    /** Per operation: read units, write units, calls; since the last {@link #reset}. */
    public synchronized Map<String, double[]> byOperation() {
        Map<String, double[]> copy = new TreeMap<>();
        byOperation.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    public synchronized void reset() {
        byOperation.clear();
    }
}
