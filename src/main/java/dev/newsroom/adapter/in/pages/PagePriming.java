package dev.newsroom.adapter.in.pages;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.newsroom.adapter.in.SnapStartPriming;
import dev.newsroom.domain.Article;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SnapStart priming of the pages function: before Lambda snapshots it, the function renders what readers ask for
 * most, through its own handler: the newest published article's page with its thread (when there is one), the front
 * page, a category, the feeds and the sitemap, an article that cannot exist (the 404 page) and the comment form
 * posted to it (refused as not found before anything is written). Reads only, so the snapshot holds the renderer's
 * classes, the settings and an open connection, and the table is unchanged ({@code PagePrimingTest}).
 */
final class PagePriming extends SnapStartPriming {
    /** A slug no article can have (the API's priming uses the same). */
    static final String MISSING_SLUG = "snapstart-priming";
    private final PagesFunction function;

    private PagePriming(PagesFunction function) {
        this.function = function;
    }

    static void register(PagesFunction function) {
        SnapStartPriming.register(new PagePriming(function));
    }

    /** Runs the priming now and returns what each step answered ({@code "GET /news/{slug} 200"}). */
    static List<String> prime(PagesFunction function) {
        return new PagePriming(function).run();
    }

    @Override
    protected List<String> steps() {
        List<String> outcomes = new ArrayList<>();
        List<Article> newest = function.app().articles().listPublished(null, 1, null).items();
        if (!newest.isEmpty()) {
            Article article = newest.get(0);
            get(outcomes, "/news/{slug}", Map.of("slug", article.slug()));
            if (!article.categories().isEmpty()) {
                get(outcomes, "/category/{name}", Map.of("name", article.categories().get(0)));
            }
            if (article.publishedAt() != null) {
                outcomes.add(send("GET", "/sitemap.xml", Map.of(), Map.of("month",
                        YearMonth.from(article.publishedAt().atZone(ZoneOffset.UTC)).toString()), null));
            }
        }
        get(outcomes, "/", Map.of());
        get(outcomes, "/feed", Map.of());
        get(outcomes, "/sitemap.xml", Map.of());
        get(outcomes, "/news/{slug}", Map.of("slug", MISSING_SLUG));
        outcomes.add(send("POST", "/news/{slug}", Map.of("slug", MISSING_SLUG), Map.of(),
                "author=Priming&email=priming%40example.invalid&comment=Priming+a+form."));
        return outcomes;
    }

    private void get(List<String> outcomes, String resource, Map<String, String> pathParameters) {
        outcomes.add(send("GET", resource, pathParameters, Map.of(), null));
    }

    private String send(String method, String resource, Map<String, String> pathParameters, Map<String, String> query,
                        String form) {
        String path = resource;
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", SiteUrls.segment(parameter.getValue()));
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("Host", "priming.invalid");
        if (form != null) {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
        }
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("priming")
                .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp("192.0.2.1").withUserAgent("priming"));
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withHttpMethod(method).withResource(resource)
                .withPath(path).withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withHeaders(headers).withBody(form).withRequestContext(context);
        return method + " " + resource + " " + function.handleRequest(event, null).getStatusCode();
    }
}
