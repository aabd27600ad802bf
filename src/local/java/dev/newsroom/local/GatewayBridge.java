package dev.newsroom.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.newsroom.adapter.in.api.Route;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays API Gateway (REST, proxy integration) in front of the Lambda handlers: turns an HTTP request into the
 * {@link APIGatewayProxyRequestEvent} the gateway would send (resource, path parameters, single- and
 * multi-value query strings and headers, {@code requestContext.identity.sourceIp}, request id, authorizer
 * claims) and the handler's response back into HTTP. Unknown paths and methods get the contract's 404/405.
 * The runner's own sign-in ({@link LocalSignIn}) answers under {@code /local-auth/}, the web files elsewhere.
 */
final class GatewayBridge implements HttpHandler {
    private static final int MAX_BODY = 1024 * 1024;
    private final List<TemplateRoutes.DeclaredRoute> routes;
    private final Map<String, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> handlers;
    private final LocalAuthorizer authorizer;
    private final StaticFiles statics;
    private final LocalSignIn signIn;
    private final AnswerDelays delays = new AnswerDelays();

    GatewayBridge(List<TemplateRoutes.DeclaredRoute> routes,
                  Map<String, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> handlers,
                  LocalAuthorizer authorizer, StaticFiles statics, LocalSignIn signIn) {
        this.routes = routes;
        this.handlers = handlers;
        this.authorizer = authorizer;
        this.statics = statics;
        this.signIn = signIn;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            String method = exchange.getRequestMethod().toUpperCase();
            List<TemplateRoutes.DeclaredRoute> onPath = routes.stream().filter(r -> Route.match(r.path(), path) != null).toList();
            if (onPath.isEmpty()) {
                if (path.startsWith(LocalSignIn.PREFIX) && signIn.handle(exchange, path)) {
                    return;
                }
                if (method.equals("GET") && statics.serve(exchange, path)) {
                    return;
                }
                send(exchange, LocalErrors.notFound());
                return;
            }
            TemplateRoutes.DeclaredRoute route = choose(onPath, method);
            if (route == null) {
                send(exchange, LocalErrors.methodNotAllowed(onPath.stream().map(TemplateRoutes.DeclaredRoute::method).distinct().toList()));
                return;
            }
            APIGatewayProxyRequestEvent event = toEvent(exchange, route, Route.match(route.path(), path));
            if (route.authorized()) {
                Map<String, Object> claims = authorizer.claimsFor(exchange.getRequestHeaders().getFirst("Authorization"));
                if (claims == null) {
                    send(exchange, LocalErrors.unauthorized(event.getRequestContext().getRequestId()));
                    return;
                }
                event.getRequestContext().setAuthorizer(new HashMap<>(Map.of("claims", claims)));
            }
            APIGatewayProxyResponseEvent response = handlers.get(route.handlerClass()).handleRequest(event, null);
            delays.waitFor(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            send(exchange, response);
        } catch (RuntimeException e) {
            send(exchange, LocalErrors.internal());
        }
    }

    /** The test-only fault of {@link LocalApi#delayNextAnswer}. */
    AnswerDelays delays() {
        return delays;
    }

    /**
     * As API Gateway chooses: the most specific resource matching the path (fewest path parameters), then its
     * route for this method, else its {@code ANY} route; null when it has neither.
     */
    private static TemplateRoutes.DeclaredRoute choose(List<TemplateRoutes.DeclaredRoute> onPath, String method) {
        String resource = onPath.stream().map(TemplateRoutes.DeclaredRoute::path)
                .min(java.util.Comparator.comparingLong(p -> p.chars().filter(c -> c == '{').count())).orElseThrow();
        List<TemplateRoutes.DeclaredRoute> onResource = onPath.stream().filter(r -> r.path().equals(resource)).toList();
        return onResource.stream().filter(r -> r.method().equals(method)).findFirst()
                .or(() -> onResource.stream().filter(r -> r.method().equals(TemplateRoutes.ANY)).findFirst())
                .orElse(null);
    }

    private static APIGatewayProxyRequestEvent toEvent(HttpExchange exchange, TemplateRoutes.DeclaredRoute route,
                                                        Map<String, String> pathParameters) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, List<String>> multiHeaders = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            headers.put(name, values.get(values.size() - 1));
            multiHeaders.put(name, new ArrayList<>(values));
        });
        Map<String, List<String>> multiQuery = QueryFields.parse(exchange.getRequestURI().getRawQuery());
        Map<String, String> query = new LinkedHashMap<>();
        multiQuery.forEach((name, values) -> query.put(name, values.get(values.size() - 1)));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        String contentType = headers.getOrDefault("Content-type", "");
        boolean textType = contentType.isEmpty() || contentType.toLowerCase().matches(".*(json|text|x-www-form-urlencoded).*");
        boolean base64 = !textType || !isUtf8(body);
        var identity = new APIGatewayProxyRequestEvent.RequestIdentity()
                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                .withUserAgent(headers.get("User-agent"));
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext()
                .withRequestId(UUID.randomUUID().toString())
                .withResourcePath(route.path())
                .withHttpMethod(exchange.getRequestMethod().toUpperCase())
                .withPath(exchange.getRequestURI().getRawPath())
                .withStage("local")
                .withIdentity(identity);
        return new APIGatewayProxyRequestEvent()
                .withResource(route.path())
                .withPath(exchange.getRequestURI().getRawPath())
                .withHttpMethod(exchange.getRequestMethod().toUpperCase())
                .withHeaders(headers)
                .withMultiValueHeaders(multiHeaders)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withMultiValueQueryStringParameters(multiQuery.isEmpty() ? null : multiQuery)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withRequestContext(context)
                .withIsBase64Encoded(base64)
                .withBody(body.length == 0 ? null
                        : base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    static void send(HttpExchange exchange, APIGatewayProxyResponseEvent response) throws IOException {
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        }
        byte[] body = response.getBody() == null ? new byte[0]
                : Boolean.TRUE.equals(response.getIsBase64Encoded()) ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        int status = response.getStatusCode() == null ? 500 : response.getStatusCode();
        boolean noBody = status == 204 || status == 304 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : (body.length == 0 ? -1 : body.length));
        if (!noBody && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
