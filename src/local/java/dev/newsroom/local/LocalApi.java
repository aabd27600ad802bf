package dev.newsroom.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpServer;
import dev.newsroom.adapter.out.dynamodb.TableSetup;
import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.local.wordpress.WordPressImport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs the whole API locally, in one process: DynamoDB Local (HTTP, in-process) unless an endpoint is given,
 * the table, sample data on an empty database, and an HTTP server that plays API Gateway in front of the
 * handlers named in {@code template.yaml}.
 *
 * <p>Environment: {@code PORT} (3000), {@code ADMIN_TOKEN} (generated and printed when absent; the local sign-in
 * asks for it), {@code LOCAL_TOKEN_SECONDS} (lifetime of the ID tokens the local sign-in issues, 3600),
 * {@code LOCAL_DB} (folder for DynamoDB Local's data, default {@code .local-db}; {@code memory} keeps
 * nothing), {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_DYNAMODB} (use that DynamoDB instead),
 * and everything {@link AppConfig} reads.
 */
public final class LocalApi implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final LocalDatabase database;
    private final AppContext app;
    private final String adminToken;
    private final StreamCounter counter;

    /** How to start: {@code port} 0 picks a free one; {@code dbPath} null keeps data in memory. */
    public record Options(int port, String adminToken, Path dbPath, String endpoint, Path projectRoot, boolean seed,
                          Map<String, String> settings) {
    }

    private LocalApi(HttpServer server, ExecutorService executor, LocalDatabase database,
                     AppContext app, String adminToken, StreamCounter counter) {
        this.server = server;
        this.executor = executor;
        this.database = database;
        this.app = app;
        this.adminToken = adminToken;
        this.counter = counter;
    }

    /** Starts the runner; {@code import-wordpress FILE [--pages] [--aws]} imports a WordPress export instead and exits. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(WordPressImport.COMMAND)) {
            System.exit(WordPressImport.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv()));
        }
        Options options = optionsFromEnvironment();
        LocalApi api = start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(api::close));
        if (options.adminToken() == null || options.adminToken().isBlank()) {
            System.out.println("Admin token (Authorization: Bearer ...): " + api.adminToken());
        }
        System.out.println("Listening on http://127.0.0.1:" + api.port());
    }

    public static Options optionsFromEnvironment() {
        Map<String, String> env = System.getenv();
        return new Options(Integer.parseInt(env.getOrDefault("PORT", "3000")), env.get("ADMIN_TOKEN"),
                LocalDatabase.dataFolderFrom(env), LocalDatabase.endpointFrom(env), Path.of("."), true, Map.of());
    }

    public static LocalApi start(Options options) throws Exception {
        LocalDatabase database = LocalDatabase.open(options.endpoint(), options.dbPath(), options.projectRoot());
        int port = options.port() == 0 ? freePort() : options.port();
        Map<String, String> settings = new HashMap<>(options.settings());
        settings.put("AWS_ENDPOINT_URL_DYNAMODB", database.endpoint());
        settings.put("CORS_ALLOWED_ORIGINS", allowedOrigins(config(settings, "CORS_ALLOWED_ORIGINS", null), port));
        settings.put("SITE_URL", config(settings, "SITE_URL", "http://127.0.0.1:" + port));
        AppConfig config = AppConfig.from(name -> config(settings, name, null));
        AppContext app = new AppContext(config, AppContext.dynamoClient(config), Clock.tickMillis(java.time.ZoneOffset.UTC));
        TableSetup.ensureTable(app.dynamo(), config.tableName());
        StreamCounter counter = new StreamCounter(app.dynamo(), AppContext.streamsClient(config), config.tableName(),
                app.countApprovals()).startPolling(200);
        if (options.seed()) {
            SampleData.seedIfEmpty(app);
        }
        String token = options.adminToken() != null && !options.adminToken().isBlank() ? options.adminToken() : newToken();
        List<TemplateRoutes.DeclaredRoute> routes = TemplateRoutes.read(options.projectRoot().resolve("template.yaml"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        ExecutorService executor = Executors.newFixedThreadPool(32);
        server.setExecutor(executor);
        LocalSignIn signIn = new LocalSignIn(token, Duration.ofSeconds(Long.parseLong(
                config(settings, "LOCAL_TOKEN_SECONDS", "3600"))), Clock.systemUTC());
        signIn.listenOn(port);
        server.createContext("/", new GatewayBridge(routes, handlers(routes, app), new LocalAuthorizer(token, signIn),
                new StaticFiles(options.projectRoot().resolve("web")), signIn));
        server.start();
        return new LocalApi(server, executor, database, app, token, counter);
    }

    /**
     * The origins given (in the options, a system property or the environment, as every setting) and the runner's
     * own, which its pages and console use: a given value adds to them, never hides behind a default.
     */
    static String allowedOrigins(String given, int port) {
        java.util.LinkedHashSet<String> origins = new java.util.LinkedHashSet<>();
        if (given != null) {
            java.util.Arrays.stream(given.split(",")).map(String::trim).filter(o -> !o.isEmpty()).forEach(origins::add);
        }
        origins.add("http://127.0.0.1:" + port);
        origins.add("http://localhost:" + port);
        return String.join(",", origins);
    }

    /** A setting given in the options, else a system property, else the environment, else {@code fallback}. */
    private static String config(Map<String, String> settings, String name, String fallback) {
        String value = settings.containsKey(name) ? settings.get(name) : System.getProperty(name, System.getenv(name));
        return value == null ? fallback : value;
    }

    private static Map<String, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> handlers(
            List<TemplateRoutes.DeclaredRoute> routes, AppContext app) throws ReflectiveOperationException {
        Map<String, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> handlers = new HashMap<>();
        for (TemplateRoutes.DeclaredRoute route : routes) {
            if (!handlers.containsKey(route.handlerClass())) {
                @SuppressWarnings("unchecked")
                var handler = (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                        Class.forName(route.handlerClass()).getConstructor(AppContext.class).newInstance(app);
                handlers.put(route.handlerClass(), handler);
            }
        }
        return handlers;
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String adminToken() {
        return adminToken;
    }

    public AppContext app() {
        return app;
    }

    /** The reader of the table's change stream that counts comments published at once (every 200 ms). */
    public StreamCounter counter() {
        return counter;
    }

    /** Stops the in-process DynamoDB Local while the API keeps serving (fault tests: the API must answer 503). */
    public void stopDatabase() throws Exception {
        database.stop();
    }

    /** Starts the in-process DynamoDB Local again on the same port (with a data folder, the data is still there). */
    public void restartDatabase() throws Exception {
        database.start();
    }

    @Override
    public void close() {
        counter.close();
        server.stop(0);
        executor.shutdownNow();
        database.close();
    }
}
