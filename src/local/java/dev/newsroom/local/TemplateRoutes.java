package dev.newsroom.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The API routes as {@code template.yaml} declares them: every {@code Api} event of every
 * {@code AWS::Serverless::Function}, with its path, method, handler class and whether it needs the
 * Cognito authorizer. The local runner serves exactly these, so it cannot drift from what deploys.
 */
public final class TemplateRoutes {
    /** API Gateway's method of a route that takes every method no other route of its path declares. */
    public static final String ANY = "ANY";

    private TemplateRoutes() {
    }

    /** One declared route. {@code handlerClass} is the part of {@code Handler} before {@code ::}. */
    public record DeclaredRoute(String function, String method, String path, String handlerClass, boolean authorized) {
    }

    /** The CORS preflight's method: declared on its own where the path's {@code ANY} route needs sign-in. */
    public static final String PREFLIGHT = "OPTIONS";

    /**
     * The API operations the template declares, as sorted {@code "METHOD /path"} strings; the {@code ANY} routes
     * (preflight and every other method, which the function answers 204 or 405) and the preflight routes left out.
     */
    public static java.util.SortedSet<String> operations(Path template) throws IOException {
        java.util.SortedSet<String> operations = new java.util.TreeSet<>();
        for (DeclaredRoute route : read(template)) {
            if (!route.method().equals(ANY) && !route.method().equals(PREFLIGHT)) {
                operations.add(route.method() + " " + route.path());
            }
        }
        return operations;
    }

    public static List<DeclaredRoute> read(Path template) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(template.toFile());
        List<DeclaredRoute> routes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> resources = root.path("Resources").fields();
        while (resources.hasNext()) {
            Map.Entry<String, JsonNode> resource = resources.next();
            JsonNode node = resource.getValue();
            if (!"AWS::Serverless::Function".equals(node.path("Type").asText())) {
                continue;
            }
            String handler = node.path("Properties").path("Handler").asText();
            String handlerClass = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
            Iterator<JsonNode> events = node.path("Properties").path("Events").elements();
            while (events.hasNext()) {
                JsonNode event = events.next();
                if (!"Api".equals(event.path("Type").asText())) {
                    continue;
                }
                JsonNode p = event.path("Properties");
                routes.add(new DeclaredRoute(resource.getKey(), p.path("Method").asText().toUpperCase(),
                        p.path("Path").asText(), handlerClass, p.path("Auth").has("Authorizer")));
            }
        }
        return routes;
    }
}
