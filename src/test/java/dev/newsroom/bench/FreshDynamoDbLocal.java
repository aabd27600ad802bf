package dev.newsroom.bench;

import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.net.ServerSocket;

/**
 * A DynamoDB Local of its own, in memory, on a free loopback port, for one measurement: DynamoDB Local's writes
 * slow down as the database holds more (its change streams above all), so runs that are compared each start
 * from an empty server.
 */
final class FreshDynamoDbLocal implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final String endpoint;

    private FreshDynamoDbLocal(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = "http://127.0.0.1:" + port;
    }

    static FreshDynamoDbLocal start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                new String[]{"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
        server.start();
        return new FreshDynamoDbLocal(server, port);
    }

    String endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
