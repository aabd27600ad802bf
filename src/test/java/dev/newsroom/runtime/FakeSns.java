package dev.newsroom.runtime;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** SNS's {@code Publish} as the notifier function calls it: keeps each form-encoded request, answers as SNS does. */
final class FakeSns implements AutoCloseable {
    private final HttpServer server;
    private final List<String> published = new CopyOnWriteArrayList<>();

    FakeSns() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                published.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] body = ("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                        + "<MessageId>m-" + published.size() + "</MessageId></PublishResult><ResponseMetadata>"
                        + "<RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/xml");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> published() {
        return List.copyOf(published);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
