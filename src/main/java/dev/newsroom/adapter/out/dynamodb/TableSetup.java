package dev.newsroom.adapter.out.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates the table with its indexes and TTL when it is missing (local runs, LocalStack, tests). In AWS the
 * same definition lives in {@code template.yaml}; a test keeps the two in step.
 *
 * <p>It stays in main code (and so in the zip) because main code uses it: the AOT training entry point
 * ({@code Training}, through {@code AppContext.ensureTable}) creates its table in DynamoDB Local during the image
 * build. No Lambda handler calls it.
 */
public final class TableSetup {
    private static final StreamSpecification STREAM = StreamSpecification.builder().streamEnabled(true)
            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build();
    private static final Projection KEYS_ONLY = Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build();

    private TableSetup() {
    }

    /**
     * Creates {@code tableName} unless it exists, with its change stream (old and new images: the counts function
     * reads it); turns the stream on, and adds the notifier's due index, for a table made before it had them;
     * waits until it is active.
     */
    public static void ensureTable(DynamoDbClient client, String tableName) {
        try {
            var existing = client.describeTable(b -> b.tableName(tableName)).table();
            if (existing.streamSpecification() == null || !Boolean.TRUE.equals(existing.streamSpecification().streamEnabled())) {
                client.updateTable(b -> b.tableName(tableName).streamSpecification(STREAM));
                client.waiter().waitUntilTableExists(b -> b.tableName(tableName));
            }
            if (existing.globalSecondaryIndexes().stream().noneMatch(i -> i.indexName().equals(TableLayout.DUE_INDEX))) {
                client.updateTable(b -> b.tableName(tableName).attributeDefinitions(string(TableLayout.PK), string(TableLayout.DUE_PK))
                        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(TableLayout.DUE_INDEX)
                                .keySchema(dueKeys()).projection(KEYS_ONLY))));
                client.waiter().waitUntilTableExists(b -> b.tableName(tableName));
            }
            return;
        } catch (ResourceNotFoundException missing) {
            // create it below
        }
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (String name : List.of(TableLayout.PK, TableLayout.SK, TableLayout.GSI1_PK, TableLayout.GSI1_SK,
                TableLayout.GSI2_PK, TableLayout.GSI2_SK, TableLayout.GSI3_PK, TableLayout.GSI3_SK, TableLayout.DUE_PK)) {
            attributes.add(string(name));
        }
        try {
            client.createTable(b -> b.tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(STREAM)
                    .attributeDefinitions(attributes)
                    .keySchema(key(TableLayout.PK, KeyType.HASH), key(TableLayout.SK, KeyType.RANGE))
                    .globalSecondaryIndexes(
                            index(TableLayout.GSI1, TableLayout.GSI1_PK, TableLayout.GSI1_SK),
                            index(TableLayout.GSI2, TableLayout.GSI2_PK, TableLayout.GSI2_SK),
                            index(TableLayout.GSI3, TableLayout.GSI3_PK, TableLayout.GSI3_SK),
                            GlobalSecondaryIndex.builder().indexName(TableLayout.DUE_INDEX)
                                    .keySchema(dueKeys()).projection(KEYS_ONLY).build()));
        } catch (ResourceInUseException raced) {
            // another process created it meanwhile
        }
        client.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        try {
            client.updateTimeToLive(b -> b.tableName(tableName)
                    .timeToLiveSpecification(t -> t.attributeName(TableLayout.TTL).enabled(true)));
        } catch (RuntimeException unsupported) {
            // some emulators lack TTL; records also carry expiresAt and are checked on read
        }
    }

    /** The notifier's due list: sparse (only ledger items with comments waiting carry its key), sorted by pk. */
    private static List<KeySchemaElement> dueKeys() {
        return List.of(key(TableLayout.DUE_PK, KeyType.HASH), key(TableLayout.PK, KeyType.RANGE));
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static GlobalSecondaryIndex index(String name, String pk, String sk) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key(pk, KeyType.HASH), key(sk, KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }
}
