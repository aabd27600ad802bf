package dev.newsroom.local;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves the static files (the folder {@code web/}: widget, pages' styles, console) for GETs no route claims, each with the
 * strict Content-Security-Policy: scripts, styles and connections only from this origin (the local runner serves
 * the API here too), no inline scripts or event handlers, no plugins, no {@code <base>}, not framed anywhere;
 * images also over https, as article bodies may show them, and audio and video over https. The stack's CloudFront response-headers policy sends the
 * same headers (SiteHeadersTest holds them equal).
 */
final class StaticFiles {
    static final String CONTENT_SECURITY_POLICY = dev.newsroom.adapter.in.pages.PagesFunction.CONTENT_SECURITY_POLICY;
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
    static final String FRAME_OPTIONS = "DENY";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json; charset=utf-8", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");
    private final Path root;

    StaticFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    boolean serve(HttpExchange exchange, String rawPath) throws IOException {
        String relative = rawPath.equals("/") ? "index.html" : rawPath.substring(1);
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return false;
        }
        String name = file.getFileName().toString();
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        byte[] bytes = Files.readAllBytes(file);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().set("Referrer-Policy", REFERRER_POLICY);
        exchange.getResponseHeaders().set("X-Frame-Options", FRAME_OPTIONS);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        return true;
    }
}
