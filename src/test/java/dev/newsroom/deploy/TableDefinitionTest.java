package dev.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsroom.adapter.out.dynamodb.TableSetup;
import dev.newsroom.support.DynamoDbLocal;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.io.IOException;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table {@link TableSetup} creates (locally, in tests, on LocalStack) is the table {@code template.yaml}
 * deploys: the same keys, attribute types, indexes with their keys and projections, stream view and TTL.
 */
class TableDefinitionTest {
    @Test
    void tableSetup_createsTheTableTheTemplateDeclares() throws IOException {
        JsonNode declared = new ObjectMapper(new YAMLFactory()).readTree(Path.of("template.yaml").toFile())
                .path("Resources").path("ContentTable").path("Properties");
        String table = "definition-" + System.nanoTime();
        TableSetup.ensureTable(DynamoDbLocal.client(), table);
        TableDescription created = DynamoDbLocal.client().describeTable(b -> b.tableName(table)).table();

        TreeMap<String, String> declaredAttributes = new TreeMap<>();
        declared.path("AttributeDefinitions").forEach(a -> declaredAttributes.put(a.path("AttributeName").asText(),
                a.path("AttributeType").asText()));
        TreeMap<String, String> createdAttributes = new TreeMap<>();
        created.attributeDefinitions().forEach(a -> createdAttributes.put(a.attributeName(), a.attributeTypeAsString()));
        assertEquals(declaredAttributes, createdAttributes, "attribute definitions");

        assertEquals(keys(declared.path("KeySchema")), new TreeSet<>(created.keySchema().stream()
                .map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList()), "table keys");

        TreeMap<String, String> declaredIndexes = new TreeMap<>();
        declared.path("GlobalSecondaryIndexes").forEach(i -> declaredIndexes.put(i.path("IndexName").asText(),
                keys(i.path("KeySchema")) + " " + i.path("Projection").path("ProjectionType").asText()));
        TreeMap<String, String> createdIndexes = new TreeMap<>();
        created.globalSecondaryIndexes().forEach(i -> createdIndexes.put(i.indexName(), new TreeSet<>(i.keySchema().stream()
                .map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList()) + " " + i.projection().projectionTypeAsString()));
        assertEquals(declaredIndexes, createdIndexes, "indexes");

        assertTrue(created.streamSpecification().streamEnabled(), "the counts function reads the stream");
        assertEquals(declared.path("StreamSpecification").path("StreamViewType").asText(),
                created.streamSpecification().streamViewTypeAsString(), "stream view");
        String ttl = DynamoDbLocal.client().describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription().attributeName();
        assertEquals(declared.path("TimeToLiveSpecification").path("AttributeName").asText(), ttl, "TTL attribute");
    }

    /** A table made before the notifier's due index (a kept local database) gets it, as CloudFormation adds it. */
    @Test
    void tableSetup_addsTheDueIndexToATableMadeWithoutIt() {
        String table = "before-due-index-" + System.nanoTime();
        DynamoDbLocal.client().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        TableSetup.ensureTable(DynamoDbLocal.client(), table);
        var due = DynamoDbLocal.client().describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes().stream()
                .filter(i -> i.indexName().equals("notifyDue")).findFirst().orElseThrow();
        assertEquals("KEYS_ONLY", due.projection().projectionTypeAsString());
    }

    private static TreeSet<String> keys(JsonNode schema) {
        TreeSet<String> keys = new TreeSet<>();
        schema.forEach(k -> keys.add(k.path("AttributeName").asText() + ":" + k.path("KeyType").asText()));
        return keys;
    }
}
