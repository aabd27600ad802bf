package dev.newsroom.support;

import dev.newsroom.adapter.out.dynamodb.TableSetup;
import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.local.LocalDatabase;
import dev.newsroom.local.StreamCounter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded DynamoDB Local per test JVM (no HTTP, no Docker) and a fresh table per call, so test classes
 * never see each other's data. {@link #context} wires the real application on top of it.
 */
public final class DynamoDbLocal {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynamoDbClient client;
    private static DynamoDbStreamsClient streams;
    private static String httpEndpoint;

    private DynamoDbLocal() {
    }

    /**
     * The shared client: embedded (in-process calls), or with {@code -Dtest.dynamodb=http} a DynamoDB Local
     * server on a free port of the loopback address, reached through the production client and its endpoint override.
     */
    public static synchronized DynamoDbClient client() {
        if (client == null) {
            if ("http".equals(System.getProperty("test.dynamodb"))) {
                client = overHttp();
                streams = AppContext.streamsClient(AppConfig.from(httpSettings()::get));
            } else {
                var embedded = DynamoDBEmbedded.create(true);
                client = embedded.dynamoDbClient();
                streams = embedded.dynamoDbStreamsClient();
            }
        }
        return client;
    }

    /** The change-stream client beside {@link #client()}: embedded, or over HTTP in the same mode. */
    public static synchronized DynamoDbStreamsClient streams() {
        client();
        return streams;
    }

    /**
     * The counting of approvals into articles' counts, as the counts function does it in AWS, for a table that
     * {@code app} uses on the shared database; call {@link StreamCounter#drain()} to count what was written.
     */
    public static StreamCounter counter(AppContext app) {
        boolean shared = app.dynamo() == client();
        DynamoDbStreamsClient reader = shared ? streams() : AppContext.streamsClient(AppConfig.from(httpSettings()::get));
        return new StreamCounter(app.dynamo(), reader, app.config().tableName(), app.countApprovals());
    }

    private static DynamoDbClient overHttp() {
        return AppContext.dynamoClient(AppConfig.from(httpSettings()::get));
    }

    /** Settings that point the production client at the shared DynamoDB Local HTTP server. */
    public static Map<String, String> httpSettings() {
        return Map.of("AWS_ENDPOINT_URL_DYNAMODB", httpEndpoint(), "CURSOR_SECRET", "test-cursor-secret-0123456789abcdef");
    }

    /** DynamoDB Local over HTTP, in memory, on a free port of the loopback address (as the runner's), once per JVM. */
    public static synchronized String httpEndpoint() {
        if (httpEndpoint == null) {
            try {
                httpEndpoint = LocalDatabase.open(null, null, java.nio.file.Path.of(".")).endpoint();
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start", e);
            }
        }
        return httpEndpoint;
    }

    /**
     * The application on a new table of the DynamoDB Local HTTP server, reached through the production client
     * with {@code http} (a test double in front of the real HTTP client) as its HTTP client.
     */
    public static AppContext contextThrough(software.amazon.awssdk.http.SdkHttpClient http) {
        var dynamo = AppContext.dynamoClientBuilder(AppConfig.from(httpSettings()::get))
                .httpClientBuilder(null).httpClient(http).build();
        return context(Clock.systemUTC(), Map.of(), dynamo);
    }

    /** The application wired to a new table on the embedded database, with the given clock. */
    public static AppContext context(Clock clock) {
        return context(clock, Map.of());
    }

    public static AppContext context(Clock clock, Map<String, String> overrides) {
        return context(clock, overrides, client());
    }

    /** The application on a new table reached through {@code dynamo} (a client the caller built). */
    public static AppContext context(Clock clock, Map<String, String> overrides, DynamoDbClient dynamo) {
        Map<String, String> settings = new HashMap<>();
        String table = "test-" + TABLES.incrementAndGet() + "-" + System.nanoTime();
        TableSetup.ensureTable(dynamo, table);
        settings.put("TABLE_NAME", table);
        settings.put("CURSOR_SECRET", "test-cursor-secret-0123456789abcdef");
        settings.put("CORS_ALLOWED_ORIGINS", "https://www.example.com");
        settings.put("SETTINGS_REFRESH_SECONDS", "0");
        // No comments function runs 15 s here: the cascade's last sweep need only wait out the index.
        settings.put("DELETION_SETTLE_SECONDS", "2");
        settings.putAll(overrides);
        return new AppContext(AppConfig.from(settings::get), dynamo, clock);
    }

    /** Every item of {@code app}'s table, in key order, read consistently (a test may scan; the functions never do). */
    public static List<Map<String, AttributeValue>> allItems(AppContext app) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(
                app.dynamo().scanPaginator(b -> b.tableName(app.config().tableName()).consistentRead(true)).items().stream().toList());
        items.sort(Comparator.comparing(i -> i.get("pk").s() + "\u0000" + i.get("sk").s()));
        return items;
    }
}
