package dev.newsroom.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpServer;
import dev.newsroom.adapter.out.dynamodb.TableSetup;
import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.local.disqus.DisqusImport;
import dev.newsroom.local.wordpress.WordPressImport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs the whole API locally, in one process: DynamoDB Local (HTTP, in-process) unless an endpoint is given,
 * the table, sample data on an empty database, and an HTTP server that plays API Gateway in front of the
 * handlers named in {@code template.yaml}.
 *
 * <p>Environment: {@code PORT} (3000), {@code ADMIN_TOKEN} (when absent: kept in the data folder, see
 * {@link AdminToken}, and printed as an {@code export} line; the local sign-in asks for it),
 * {@code LOCAL_TOKEN_SECONDS} (lifetime of the ID tokens the local sign-in issues, 3600),
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
    private final AnswerDelays delays;

    /** How to start: {@code port} 0 picks a free one; {@code dbPath} null keeps data in memory. */
    public record Options(int port, String adminToken, Path dbPath, String endpoint, Path projectRoot, boolean seed,
                          Map<String, String> settings) {
    }

    private LocalApi(HttpServer server, ExecutorService executor, LocalDatabase database,
                     AppContext app, String adminToken, StreamCounter counter, AnswerDelays delays) {
        this.server = server;
        this.delays = delays;
        this.executor = executor;
        this.database = database;
        this.app = app;
        this.adminToken = adminToken;
        this.counter = counter;
    }

    /**
     * Starts the runner; {@code import-wordpress FILE [--pages] [--media-base URL] [--aws]} imports a WordPress
     * export instead and exits, {@code import-disqus FILE [--aws]} a Disqus export, as do
     * {@code invoke FunctionName EVENT.json} and {@code recount [SLUG...]} ({@link LocalCommands}).
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(WordPressImport.COMMAND)) {
            System.exit(WordPressImport.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv()));
        }
        if (args.length > 0 && args[0].equals(DisqusImport.COMMAND)) {
            System.exit(DisqusImport.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv()));
        }
        if (LocalCommands.handles(args)) {
            System.exit(LocalCommands.run(args, System.getenv(), Path.of("."), System.out, System.err));
        }
        Options options = optionsFromEnvironment();
        LocalApi api;
        try {
            api = start(options);
        } catch (RuntimeException e) {
            if (!DatabaseReach.isUnreachable(e)) {
                throw e;
            }
            System.err.println(DatabaseReach.message(options.endpoint(), e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(api::close));
        if (options.adminToken() == null || options.adminToken().isBlank()) {
            System.out.println(AdminToken.exportLine(api.adminToken()));
        }
        if (options.endpoint() != null) {
            StreamCheck.warning(new StreamCheck(api.app().dynamo(), AppContext.streamsClient(api.app().config()),
                    api.app().config().tableName()).problem(Duration.ofSeconds(3))).ifPresent(System.err::println);
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
        String token = AdminToken.choose(options.adminToken(), options.dbPath());
        List<TemplateRoutes.DeclaredRoute> routes = TemplateRoutes.read(options.projectRoot().resolve("template.yaml"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        ExecutorService executor = Executors.newFixedThreadPool(32);
        server.setExecutor(executor);
        LocalSignIn signIn = new LocalSignIn(token, Duration.ofSeconds(Long.parseLong(
                config(settings, "LOCAL_TOKEN_SECONDS", "3600"))), Clock.systemUTC());
        signIn.listenOn(port);
        GatewayBridge bridge = new GatewayBridge(routes, handlers(routes, app), new LocalAuthorizer(token, signIn),
                new StaticFiles(options.projectRoot().resolve("web")), signIn);
        server.createContext("/", bridge);
        server.start();
        return new LocalApi(server, executor, database, app, token, counter, bridge.delays());
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

    /**
     * A fault for tests: the answer to the next request whose path and query contain {@code pathContains} is sent
     * {@code delay} late (computed at once, so it describes the data as it was when asked). Used once.
     */
    public void delayNextAnswer(String pathContains, java.time.Duration delay) {
        delays.add(pathContains, delay);
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
