package dev.newsroom.local;

import dev.newsroom.adapter.out.dynamodb.TableSetup;
import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The runner's database and application without its HTTP server, opened as the runner opens them (the data folder
 * of {@code LOCAL_DB} or the endpoint of {@code AWS_ENDPOINT_URL}, the table, sample data on an empty database), for
 * the commands {@code invoke} and {@code recount}.
 */
final class LocalSession implements AutoCloseable {
    private final LocalDatabase database;
    private final AppContext app;

    private LocalSession(LocalDatabase database, AppContext app) {
        this.database = database;
        this.app = app;
    }

    /** Opens it from these environment variables; the SDK's exception when the database does not answer. */
    static LocalSession open(Map<String, String> env, Path projectRoot) throws Exception {
        LocalDatabase database = LocalDatabase.open(LocalDatabase.endpointFrom(env), LocalDatabase.dataFolderFrom(env), projectRoot);
        try {
            AppConfig config = AppConfig.from(name -> name.equals("AWS_ENDPOINT_URL_DYNAMODB") ? database.endpoint() : env.get(name));
            AppContext app = new AppContext(config, AppContext.dynamoClient(config), Clock.tickMillis(ZoneOffset.UTC));
            TableSetup.ensureTable(app.dynamo(), config.tableName());
            SampleData.seedIfEmpty(app);
            return new LocalSession(database, app);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    AppContext app() {
        return app;
    }

    @Override
    public void close() {
        database.close();
    }
}
