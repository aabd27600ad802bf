package dev.newsroom.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.newsroom.adapter.in.api.CommentsFunction;
import dev.newsroom.adapter.in.pages.PagesFunction;
import dev.newsroom.application.port.CommentSubmission;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.ArticleDraft;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentHtml;
import dev.newsroom.domain.CommentStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Server time of the served article page with 50 approved comments, warm, beside the JSON thread's (the same 50
 * comments from {@code GET /articles/{slug}/comments}): both handlers called in one JVM against the same DynamoDB
 * Local, interleaved, medians and the ratio printed. The page also reads the article and settings and renders it all.
 */
final class PageBench {
    static final String SLUG = "bench-page-story";
    private static final int COMMENTS = 50;

    private PageBench() {
    }

    static void run(AppContext app, int runs) {
        app.articles().create(new ArticleDraft(SLUG, "A story with fifty comments", "What happened, in one sentence.",
                List.of("First paragraph of the story.", "Second paragraph.", "Third paragraph."), List.of("Latest News"),
                null, List.of(), List.of(), "published", true, null));
        Instant start = Instant.parse("2026-11-22T09:00:00Z");
        for (int n = 0; n < COMMENTS; n++) {
            Instant at = start.plusSeconds(60L * n);
            String content = "Comment " + n + ": a reader's view on the story, a few sentences long, as readers write them.";
            String id = String.format("01BENCHPAGE%015d", n);
            Comment c = new Comment(id, SLUG, null, 1, "Reader " + n, "reader" + n + "@bench.example", null, content,
                    CommentStatus.APPROVED, "192.0.2.1", "bench", at, at, "bench", at, 1, null, CommentHtml.format(content), false);
            app.commentRepository().submit(new CommentSubmission(c, 0, at, null));
        }
        PagesFunction pages = new PagesFunction(app);
        CommentsFunction comments = new CommentsFunction(app);
        IntConsumer page = i -> check(pages.handleRequest(event("/news/{slug}", "/news/" + SLUG, i), null).getBody());
        IntConsumer json = i -> comments.handleRequest(event("/articles/{slug}/comments", "/articles/" + SLUG + "/comments", i), null);
        for (int i = 0; i < runs / 4; i++) {
            page.accept(i);
            json.accept(i);
        }
        long[] pageTimes = new long[runs];
        long[] jsonTimes = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            page.accept(i);
            long t1 = System.nanoTime();
            json.accept(i);
            long t2 = System.nanoTime();
            pageTimes[i] = (t1 - t0) / 1_000;
            jsonTimes[i] = (t2 - t1) / 1_000;
        }
        double pageP50 = Benchmark.percentile(pageTimes, 50);
        double jsonP50 = Benchmark.percentile(jsonTimes, 50);
        System.out.printf("Served article page with %d comments, warm, %d interleaved calls each; microseconds%n", COMMENTS, runs);
        System.out.printf("%-36s %9s %9s %8s%n", "route", "p50", "p99", "vs JSON");
        System.out.printf("%-36s %9.0f %9.0f %7.2fx%n", "GET /news/{slug} (HTML page)", pageP50, Benchmark.percentile(pageTimes, 99), pageP50 / jsonP50);
        System.out.printf("%-36s %9.0f %9.0f %7.2fx%n%n", "GET /articles/{slug}/comments (JSON)", jsonP50, Benchmark.percentile(jsonTimes, 99), 1.0);
    }

    private static void check(String body) {
        if (body == null || !body.contains("Comment 49:")) {
            throw new IllegalStateException("the page does not show the 50 comments");
        }
    }

    private static APIGatewayProxyRequestEvent event(String resource, String path, int n) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("GET").withResource(resource).withPath(path)
                .withPathParameters(Map.of("slug", SLUG)).withHeaders(Map.of("Host", "bench.example"))
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("p" + n)
                        .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp("192.0.2.9")));
    }
}
