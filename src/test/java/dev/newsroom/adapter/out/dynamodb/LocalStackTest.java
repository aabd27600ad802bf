package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.application.port.Page;
import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.ArticleDraft;
import dev.newsroom.domain.CommentForm;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.ModerationPolicy;
import dev.newsroom.application.Moderation;
import dev.newsroom.application.SubmitComment;
import dev.newsroom.local.StreamCounter;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The repositories, a submission and its approval against LocalStack's DynamoDB, through the endpoint override, and
 * the article's count following the approval through LocalStack's change stream (as the counts function). Runs where
 * Docker runs; elsewhere JUnit reports it skipped (disabledWithoutDocker), never failed.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackTest {
    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"));

    @Test
    void articlesAndCommentsWork_againstLocalStack() {
        Map<String, String> env = Map.of(
                "AWS_ENDPOINT_URL_DYNAMODB", LOCALSTACK.getEndpoint().toString(),
                "AWS_REGION", LOCALSTACK.getRegion(),
                "TABLE_NAME", "newsroom-localstack",
                "CURSOR_SECRET", "localstack-cursor-secret-0123456789");
        AppConfig config = AppConfig.from(env::get);
        AppContext app = new AppContext(config, AppContext.dynamoClient(config), Clock.systemUTC());
        TableSetup.ensureTable(app.dynamo(), config.tableName());

        app.articles().create(new ArticleDraft("on-localstack", "On LocalStack", "", List.of("p"), List.of("Latest News"),
                null, List.of(), List.of(), "published", true, null));
        Page<Article> page = app.articles().listPublished("Latest News", 10, null);
        assertEquals("on-localstack", page.items().get(0).slug());

        SubmitComment.Outcome outcome = app.submitComment().submit(new SubmitComment.Request("on-localstack",
                new CommentForm("Ama", "ama@example.com", null, "Hello LocalStack", null, null),
                new ModerationPolicy.Sender("203.0.113.1", "test"), null, null, null),
                c -> "{}");
        assertEquals(CommentStatus.PENDING, outcome.status());
        assertEquals(1, app.moderation().queue(CommentStatus.PENDING, null, 10, null).items().size());

        // Counts follow approvals from the change stream: the approval's transaction must reach it.
        StreamCounter counter = new StreamCounter(app.dynamo(), AppContext.streamsClient(config), config.tableName(), app.countApprovals());
        app.moderation().change(outcome.comment().id(), new Moderation.Change(CommentStatus.APPROVED, null,
                outcome.comment().version()), "moderator");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (app.articles().publishedArticleNow("on-localstack").commentCount() == 0 && System.nanoTime() < deadline) {
            counter.drain();
        }
        assertEquals(1, app.articles().publishedArticleNow("on-localstack").commentCount(),
                "the approval reached the change stream and was counted");
    }
}
