package dev.newsroom.adapter.in.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SnapStart priming: before Lambda snapshots an initialised function, each function answers one harmless
 * request (a read of a slug that cannot exist) so the snapshot holds loaded classes, warmed Jackson and SDK
 * paths and an open connection pool. Outside SnapStart the hook is never called.
 */
final class Priming implements Resource {
    private static final List<Priming> REGISTERED = new ArrayList<>();
    private final ApiFunction function;

    private Priming(ApiFunction function) {
        this.function = function;
    }

    static synchronized void register(ApiFunction function) {
        Priming priming = new Priming(function);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
    }

    /** A hook for {@code function} that is not registered with CRaC (tests call it directly). */
    static Priming forTesting(ApiFunction function) {
        return new Priming(function);
    }

    /** The priming request: a public GET for an article that cannot exist (reserved slug). */
    static APIGatewayProxyRequestEvent primingEvent() {
        return new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/articles/snapstart-priming")
                .withResource("/articles/{slug}").withPathParameters(Map.of("slug", "snapstart-priming"))
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("priming"));
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        function.app.settings().current();
        function.handleRequest(primingEvent(), null);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: the SDK's credentials provider fetches new credentials when the cached ones are due
        // (they carry their expiry), and connections reopen on demand
    }
}
