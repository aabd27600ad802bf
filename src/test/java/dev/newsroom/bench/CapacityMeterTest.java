package dev.newsroom.bench;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class CapacityMeterTest {
    private static ConsumedCapacity units(double n) {
        return ConsumedCapacity.builder().tableName("t").capacityUnits(n).build();
    }

    @Test
    void asksForTotalsOnlyWhereARequestCanReportThem() {
        var get = (GetItemRequest) CapacityMeter.withCapacity(GetItemRequest.builder().tableName("t").build());
        assertEquals(ReturnConsumedCapacity.TOTAL, get.returnConsumedCapacity());
        var list = ListTablesRequest.builder().build();
        assertSame(list, CapacityMeter.withCapacity(list));
    }

    @Test
    void sumsReadsAndWritesApartIncludingEveryEntryOfATransaction() {
        CapacityMeter meter = new CapacityMeter();
        meter.record(GetItemRequest.builder().build(), GetItemResponse.builder().consumedCapacity(units(0.5)).build());
        meter.record(GetItemRequest.builder().build(), GetItemResponse.builder().consumedCapacity(units(1)).build());
        meter.record(TransactWriteItemsRequest.builder().build(), TransactWriteItemsResponse.builder()
                .consumedCapacity(units(6), units(4)).build());
        meter.record(TransactWriteItemsRequest.builder().build(), TransactWriteItemsResponse.builder()
                .consumedCapacity(ConsumedCapacity.builder().capacityUnits(3.0).readCapacityUnits(1.0).writeCapacityUnits(2.0).build())
                .build());
        assertEquals(2.5, meter.readUnits());
        assertEquals(12.0, meter.writeUnits());
        assertEquals(2.0, meter.byOperation().get("GetItem")[2]);
        meter.reset();
        assertEquals(0.0, meter.readUnits() + meter.writeUnits());
    }

    @Test
    void addsWhatDynamoDbChargesAndDynamoDbLocalDoesNotReport() {
        Map<String, AttributeValue> article = Map.of("pk", AttributeValue.fromS("ARTICLE#a"), "sk", AttributeValue.fromS("A"),
                "body", AttributeValue.fromS("x".repeat(2500)));
        CapacityMeter meter = new CapacityMeter((table, key) -> article);
        meter.record(QueryRequest.builder().build(), QueryResponse.builder().consumedCapacity(units(0)).build());
        meter.record(QueryRequest.builder().consistentRead(true).build(), QueryResponse.builder().build());
        var check = TransactWriteItem.builder().conditionCheck(c -> c.tableName("t").key(Map.of())).build();
        meter.record(TransactWriteItemsRequest.builder().transactItems(check).build(),
                TransactWriteItemsResponse.builder().consumedCapacity(units(4)).build());
        assertEquals(1.5, meter.readUnits());
        assertEquals(4.0 + 2 * 3, meter.writeUnits());
        assertEquals(1.5, meter.addedByRules()[0]);
        assertEquals(6.0, meter.addedByRules()[1]);
    }

    @Test
    void sizesItemsAsDynamoDbDoes() {
        assertEquals(2 + 5, CapacityMeter.itemSize(Map.of("pk", AttributeValue.fromS("hello"))));
        assertEquals(1 + 3, CapacityMeter.itemSize(Map.of("n", AttributeValue.fromN("1234"))));
    }
}
