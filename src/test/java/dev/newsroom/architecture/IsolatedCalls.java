package dev.newsroom.architecture;

import dev.newsroom.adapter.in.api.AdminFunction;
import dev.newsroom.adapter.in.api.ArticlesFunction;
import dev.newsroom.adapter.in.api.CommentsFunction;
import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.Events;

import java.time.Clock;
import java.util.Map;

/**
 * What {@link SanitizerClassLoadingTest} runs inside its own class loader: the real functions, wired as in Lambda,
 * against the given settings. Only JDK types cross in and out.
 */
public final class IsolatedCalls {
    private IsolatedCalls() {
    }

    /** The statuses of reading the article, the list and the article's thread, then of submitting a comment. */
    public static String readAndSubmit(Map<String, String> settings, String slug) {
        AppContext app = context(settings);
        var articles = new ArticlesFunction(app);
        int article = articles.handleRequest(Events.request("GET", "/articles/" + slug, null), null).getStatusCode();
        int list = articles.handleRequest(Events.request("GET", "/articles", null), null).getStatusCode();
        var comments = new CommentsFunction(app);
        int thread = comments.handleRequest(Events.request("GET", "/articles/" + slug + "/comments", null), null)
                .getStatusCode();
        int submitted = comments.handleRequest(Events.request("POST", "/articles/" + slug + "/comments",
                ApiHarness.comment("Ama", "ama@example.com", "See <b>this</b> https://example.org")), null).getStatusCode();
        return article + " " + list + " " + thread + " " + submitted;
    }

    /** The status of an editor's article written as HTML. */
    public static String writeHtml(Map<String, String> settings) {
        var admin = new AdminFunction(context(settings));
        return Integer.toString(admin.handleRequest(Events.asModerator(Events.request("POST", "/admin/articles",
                "{\"slug\":\"html-write\",\"title\":\"T\",\"bodyHtml\":\"<p>Hi</p>\",\"status\":\"draft\"}")), null)
                .getStatusCode());
    }

    private static AppContext context(Map<String, String> settings) {
        AppConfig config = AppConfig.from(settings::get);
        return new AppContext(config, AppContext.dynamoClient(config), Clock.systemUTC());
    }
}
