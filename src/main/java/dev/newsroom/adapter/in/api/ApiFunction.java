package dev.newsroom.adapter.in.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.newsroom.adapter.in.RequestLog;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The request pipeline every Lambda function shares: route by resource and method (404, 405 with
 * {@code Allow}, preflight), run the route, map any failure to the contract's error body, then add the
 * contract's headers (request id, nosniff, cache, CORS) and write one log line. Subclasses only list routes.
 */
public abstract class ApiFunction implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    /**
     * The container's one {@link Json}: the HTTP adapter builds its own wire format rather than take it from
     * {@link AppContext}, so the composition root does not depend on this package that depends on it.
     */
    static final Json JSON = new Json();
    protected final AppContext app;
    private final ErrorResponses errors;
    private final Cors cors;
    private final boolean publicReads;
    private final RequestLog log;
    private List<Route> routes;

    protected ApiFunction(AppContext app, boolean publicReads) {
        this.app = app;
        this.errors = new ErrorResponses(JSON);
        this.cors = new Cors(app.config().allowedOrigins());
        this.publicReads = publicReads;
        this.log = new RequestLog(JSON::write);
    }

    /** The routes this function serves. */
    protected abstract List<Route> routes();

    /** Checks run before any non-preflight route; the admin function requires a moderator here. */
    protected void authorize(ApiRequest request) {
    }

    /** The answer to a refused request: the contract's error body; a function may answer some requests otherwise. */
    protected ApiResponse refused(ApiRequest request, ServiceException e) {
        return errors.toResponse(e, request.requestId());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        long started = System.nanoTime();
        ApiRequest request = new ApiRequest(event, maxBodyBytes());
        ApiResponse response;
        ServiceException failure = null;
        try {
            response = dispatch(request);
        } catch (ServiceException e) {
            failure = e;
            response = refused(request, e);
        } catch (RuntimeException e) {
            log.failure(request.requestId(), e);
            response = errors.internal(request.requestId());
        }
        finish(request, response);
        log.request(request.requestId(), request.method(), request.resource(), response.status(),
                (System.nanoTime() - started) / 1_000_000, request.outcome(), failure);
        return response.toEvent();
    }

    private ApiResponse dispatch(ApiRequest request) {
        if (routes == null) {
            routes = List.copyOf(routes());
        }
        List<Route> matching = routes.stream().filter(r -> matches(r, request)).toList();
        if (matching.isEmpty()) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "No route matches this path.");
        }
        Route first = matching.get(0);
        Map<String, String> parameters = first.match(request.path());
        request.routed(first.resource(), parameters == null ? Map.of() : parameters);
        String allow = matching.stream().map(Route::method).collect(Collectors.joining(", ")) + ", OPTIONS";
        if (request.method().equals("OPTIONS")) {
            return cors.preflight(request, allow);
        }
        Route route = matching.stream().filter(r -> r.method().equals(request.method())).findFirst().orElse(null);
        if (route == null) {
            return errors.toResponse(new ServiceException(ErrorCode.METHOD_NOT_ALLOWED,
                    "This path does not support " + request.method() + "."), request.requestId()).header("Allow", allow);
        }
        authorize(request);
        return route.action().apply(request);
    }

    private static boolean matches(Route route, ApiRequest request) {
        if (request.resource() != null && !request.resource().isBlank()) {
            return route.resource().equals(request.resource());
        }
        return route.match(request.path()) != null;
    }

    private void finish(ApiRequest request, ApiResponse response) {
        response.header("X-Request-Id", request.requestId());
        response.header("X-Content-Type-Options", "nosniff");
        boolean cacheable = publicReads && request.method().equals("GET") && response.status() == 200;
        response.headerIfAbsent("Cache-Control", cacheable ? "public, max-age=" + app.config().publicMaxAge() : "no-store");
        if (response.body().isEmpty() && response.status() != 204 && response.status() != 303) {
            response.header("Content-Type", ApiResponse.JSON);
        }
        cors.decorate(request, response);
    }

    /** The largest request body this function takes. */
    protected int maxBodyBytes() {
        return ApiRequest.MAX_BODY_BYTES;
    }

    // ---- helpers for routes ----

    protected ApiResponse json(int status, Object body) {
        return ApiResponse.json(status, JSON.write(body));
    }

    /** A whole-number query parameter in {@code [min, max]}, or {@code fallback} when absent. */
    protected static int intParameter(ApiRequest request, String name, int min, int max, int fallback) {
        String raw = request.query(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ServiceException.invalidParameter(name + " must be a whole number from " + min + " to " + max + ".");
    }

    /** The JSON object body of a POST/PUT/PATCH; {@code unsupported_media_type} for any other content type. */
    protected JsonObject jsonBody(ApiRequest request) {
        if (!"application/json".equals(request.mediaType())) {
            throw new ServiceException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
        }
        return JSON.parseObject(request.bodyText());
    }
}
