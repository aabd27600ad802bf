package dev.newsroom.bench;

import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * Cold start (b), the floor: only the SDK calls a held submission makes (settings and article reads, the early
 * read of its duplicate and flood marks, the author query, then one transaction with the comment, its duplicate
 * and flood marks), with the same
 * client setup and hand-built attribute maps; no handler, no Jackson, no validation.
 */
public final class ColdBare {
    private ColdBare() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        String table = System.getenv("TABLE_NAME");
        DynamoDbClient client = DynamoDbClient.builder().region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL_DYNAMODB"))).build();
        long initialised = System.nanoTime();
        int status = submit(client, table, args[0], args[1], args[2], true);
        ColdReport.print(start, initialised, System.nanoTime(), status);
    }

    /** The reads and the transaction of one held submission (settings only when not cached); returns 202. */
    static int submit(DynamoDbClient client, String table, String slug, String email, String ip, boolean readSettings) {
        if (readSettings) {
            client.getItem(b -> b.tableName(table).key(key("SETTINGS", "DISCUSSION")));
        }
        client.getItem(b -> b.tableName(table).key(key("ARTICLE#" + slug, "A")).consistentRead(true));
        // the refusals' marks, read before anything costly: both duplicate fingerprints and the two flood marks
        client.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder().keys(
                key("DUP#folded-" + email, "D"), key("DUP#" + email, "D"),
                key("FLOOD#ip#" + Integer.toHexString(ip.hashCode()), "F"), key("FLOOD#em#" + email, "F")).build())));
        client.query(b -> b.tableName(table).indexName("gsi3").keyConditionExpression("gsi3pk = :pk AND begins_with(gsi3sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s("E#" + email), ":prefix", s("approved#" + email + "#")))
                .select(Select.COUNT).limit(1));
        String id = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        Map<String, AttributeValue> comment = Map.of("pk", s("COMMENT#" + id), "sk", s("C"), "id", s(id),
                "articleSlug", s(slug), "authorName", s("Bench"), "authorEmail", s(email), "content", s("Cold " + email),
                "status", s("pending"), "gsi1pk", s("T#" + slug + "#pending"), "gsi1sk", s(id));
        client.transactWriteItems(b -> b.clientRequestToken(UUID.randomUUID().toString()).transactItems(
                put(table, comment, "attribute_not_exists(pk)"),
                put(table, Map.of("pk", s("DUP#" + id), "sk", s("D")), "attribute_not_exists(pk)"),
                put(table, Map.of("pk", s("FLOOD#ip#" + Integer.toHexString(ip.hashCode())), "sk", s("F"), "lastAt", AttributeValue.fromN(Long.toString(now))), null),
                put(table, Map.of("pk", s("FLOOD#em#" + email), "sk", s("F"), "lastAt", AttributeValue.fromN(Long.toString(now))), null)));
        return 202;
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item, String condition) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).conditionExpression(condition).build()).build();
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
