package dev.newsroom.adapter.in.api;

import dev.newsroom.application.port.Page;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.ServiceException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The public articles function: the article list, one article, and comment counts for many articles. */
public final class ArticlesFunction extends ApiFunction {

    /** Lambda's entry point: wiring happens here, once per container. */
    public ArticlesFunction() {
        this(AppContext.shared());
    }

    public ArticlesFunction(AppContext app) {
        super(app, true);
        Priming.register(this);
    }

    @Override
    protected List<Route> routes() {
        return List.of(
                new Route("GET", "/articles", this::list),
                new Route("GET", "/articles/{slug}", this::get),
                new Route("GET", "/comments/counts", this::counts));
    }

    private ApiResponse list(ApiRequest request) {
        String category = request.query("category");
        if (category != null && (category.isBlank() || category.length() > 60)) {
            throw ServiceException.invalidParameter("category must be 1 to 60 characters.");
        }
        int limit = intParameter(request, "limit", 1, 100, 10);
        Page<Article> page = app.articles().listPublished(category, limit, request.query("cursor"));
        return json(200, Views.page(page.items().stream().map(a -> Views.articleSummary(a, open(a))).toList(),
                page.nextCursor()));
    }

    private ApiResponse get(ApiRequest request) {
        Article article = app.articles().publishedArticle(request.pathParameter("slug"));
        return json(200, Views.article(article, open(article)));
    }

    private ApiResponse counts(ApiRequest request) {
        String raw = request.query("articles");
        if (raw == null || raw.isBlank()) {
            throw ServiceException.invalidParameter("articles must list 1 to 100 slugs, separated by commas.");
        }
        List<String> slugs = Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return json(200, Map.of("counts", app.articles().commentCounts(slugs)));
    }

    private boolean open(Article article) {
        return app.articles().acceptsComments(article, app.settings().current());
    }
}
