package dev.newsroom.local.wordpress;

import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.local.LocalDatabase;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The database an import command writes to: the one the local runner would use ({@code LOCAL_DB}, or
 * {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_DYNAMODB}; {@code TABLE_NAME}),
 * or with {@code --aws} the stack's table in AWS through the default credential chain; one import at a time
 * ({@link ImportLease}).
 */
public final class ImportDatabase {
    /** The exit status when another import into the same table is running (nothing was read or written). */
    public static final int ANOTHER_IMPORT_RUNNING = 4;
    /** An import run against the opened database; returns the command's exit status. */
    @FunctionalInterface
    public interface Work {
        int run(AppContext app);
    }

    private ImportDatabase() {
    }

    /** Opens the database, runs {@code work}, closes it; 1 (said on stderr) when it cannot be opened. */
    public static int open(String command, Map<String, String> env, boolean aws, Work work) {
        try (LocalDatabase database = aws ? null
                : LocalDatabase.open(LocalDatabase.endpointFrom(env), LocalDatabase.dataFolderFrom(env), Path.of("."))) {
            Map<String, String> settings = new HashMap<>(env);
            if (database != null) {
                settings.put("AWS_ENDPOINT_URL_DYNAMODB", database.endpoint());
            }
            AppConfig config = AppConfig.from(settings::get);
            AppContext app = new AppContext(config, batchJobClient(config), Clock.systemUTC());
            if (database != null) {
                app.ensureTable();
            }
            try (ImportLease lease = ImportLease.take(app.dynamo(), config.tableName(), command, Clock.systemUTC())) {
                return work.run(app);
            } catch (ImportLease.Held held) {
                System.err.println(command + ": " + held.getMessage());
                return ANOTHER_IMPORT_RUNNING;
            }
        } catch (Exception e) {
            System.err.println(command + ": the database could not be opened: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The service's client with the patience of a batch job rather than of a request: the API's timeouts (5 s a
     * try, 12 s a call) fit a Lambda behind API Gateway, but an import may meet a busy database for longer.
     */
    public static DynamoDbClient batchJobClient(AppConfig config) {
        return AppContext.dynamoClientBuilder(config).overrideConfiguration(c -> c
                .retryStrategy(b -> b.maxAttempts(10))
                .apiCallAttemptTimeout(Duration.ofSeconds(30))
                .apiCallTimeout(Duration.ofMinutes(3))).build();
    }
}
