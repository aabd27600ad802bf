package dev.newsroom.local;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import software.amazon.dynamodb.services.local.main.CommandLineInput;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The database the local runner and the WordPress import use: the endpoint named by {@code AWS_ENDPOINT_URL_DYNAMODB}
 * or {@code AWS_ENDPOINT_URL}, or else DynamoDB Local started in this process over HTTP on a free port, its data in
 * a folder ({@code null}: in memory), telemetry off; on the port {@code LOCAL_DB_PORT} names, for {@code sam local}
 * (env.json), else on a free one. It listens on the loopback address only (it has no authentication: on every
 * interface, anyone on the network could read and write the data), so its HTTP server is built here rather than by
 * {@code ServerRunner}, which has no option for the address and binds all of them. It starts silently: the request
 * handler is built from the parsed options, and nothing prints its configuration.
 */
public final class LocalDatabase implements AutoCloseable {
    private final String endpoint;
    private final String[] args;
    private Server server;
    private LocalDynamoDBServerHandler handler;

    private LocalDatabase(String endpoint, String[] args) {
        this.endpoint = endpoint;
        this.args = args;
    }

    /** The endpoint the environment names, or null (then {@link #open} starts DynamoDB Local). */
    public static String endpointFrom(Map<String, String> env) {
        return env.get("AWS_ENDPOINT_URL_DYNAMODB") != null ? env.get("AWS_ENDPOINT_URL_DYNAMODB") : env.get("AWS_ENDPOINT_URL");
    }

    /** {@code LOCAL_DB} as a folder ({@code .local-db} by default), or null for {@code memory}. */
    public static Path dataFolderFrom(Map<String, String> env) {
        String db = env.getOrDefault("LOCAL_DB", ".local-db");
        return db.equals("memory") ? null : Path.of(db);
    }

    /** Uses {@code endpoint} when given; otherwise starts DynamoDB Local with its data in {@code dbPath}. */
    public static LocalDatabase open(String endpoint, Path dbPath, Path projectRoot) throws Exception {
        if (endpoint != null) {
            return new LocalDatabase(endpoint, null);
        }
        if (System.getProperty("sqlite4java.library.path") == null) {
            System.setProperty("sqlite4java.library.path", projectRoot.resolve("target/native-libs").toString());
        }
        String fixed = System.getenv("LOCAL_DB_PORT");
        int port = fixed == null || fixed.isBlank() ? LocalApi.freePort() : Integer.parseInt(fixed.trim());
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-sharedDb", "-disableTelemetry"));
        if (dbPath == null) {
            args.add("-inMemory");
        } else {
            Files.createDirectories(dbPath);
            args.addAll(List.of("-dbPath", dbPath.toString()));
        }
        LocalDatabase database = new LocalDatabase("http://127.0.0.1:" + port, args.toArray(String[]::new));
        database.start();
        return database;
    }

    public String endpoint() {
        return endpoint;
    }

    /**
     * The loopback address, unless {@code LOCAL_DB_HOST} names another one of this machine's (for {@code sam local}'s
     * containers on Linux: the Docker bridge's address, e.g. 172.17.0.1), which is said on stderr: whoever reaches
     * that address can read and write the data.
     */
    private static String bindAddress() {
        String host = System.getenv("LOCAL_DB_HOST");
        if (host == null || host.isBlank()) {
            return InetAddress.getLoopbackAddress().getHostAddress();
        }
        System.err.println("DynamoDB Local listens on " + host.trim() + " (LOCAL_DB_HOST): it has no authentication, "
                + "so anyone who reaches that address can read and write its data");
        return host.trim();
    }

    /** Starts the in-process DynamoDB Local again on the same port (with a data folder, the data is still there). */
    public synchronized void start() throws Exception {
        if (server == null && args != null) {
            CommandLineInput options = new CommandLineInput(args);
            if (!options.init()) {
                throw new IllegalArgumentException("DynamoDB Local refused its options " + String.join(" ", args));
            }
            LocalDynamoDBServerHandler requests = new LocalDynamoDBServerHandler(new LocalDynamoDBRequestHandler(0,
                    options.isInMemory(), options.getDbPath(), options.getSharedDb(), options.shouldDelayTransientStatuses()),
                    options.getCorsParams());
            Server loopback = new Server();
            ServerConnector connector = new ServerConnector(loopback);
            connector.setHost(bindAddress());
            connector.setPort(options.getPort());
            loopback.addConnector(connector);
            ContextHandler root = new ContextHandler("/");
            root.setHandler(requests);
            loopback.setHandler(root);
            try {
                loopback.start();
            } catch (Exception e) {
                loopback.stop();
                requests.close();
                throw e;
            }
            server = loopback;
            handler = requests;
        }
    }

    /** Stops the in-process DynamoDB Local, if this process started one. */
    public synchronized void stop() throws Exception {
        if (server != null) {
            try {
                server.stop();
            } finally {
                handler.close();
                server = null;
                handler = null;
            }
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (Exception e) {
            // already stopped
        }
    }
}
