package dev.newsroom.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.adapter.in.api.AdminFunction;
import dev.newsroom.adapter.in.api.ArticlesFunction;
import dev.newsroom.adapter.in.api.CommentsFunction;
import dev.newsroom.adapter.out.dynamodb.TableSetup;
import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.ArticleDraft;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.domain.Source;
import dev.newsroom.local.StreamCounter;
import dev.newsroom.support.Events;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each request costs in DynamoDB capacity units: a held submission, a submission published at once, a page
 * view (the article, then the first page of its thread) and a moderator's approval of a held comment, each run
 * {@code runs} times through the Lambda handlers on a seeded table of DynamoDB Local, with every call asking for
 * {@code ReturnConsumedCapacity} ({@link CapacityMeter}); medians per action. The counts consumer's writes (the
 * change stream's work for an approval) are included and shown apart; reading the stream is not metered (Lambda's
 * stream triggers are not charged for reads). Run alone: {@code mvn -q -Pbench package -Dbench.capacityOnly=true}.
 */
public final class CapacityUnits {
    static final String SLUG = "capacity-story";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Medians of one scenario: read units, write units, and the consumer's share of the write units. */
    public record Row(String scenario, double rcu, double wcu, double consumerWcu, double addedByRules,
                      Map<String, double[]> operations) {
    }

    private final AppContext app;
    private final CapacityMeter meter;
    private final ArticlesFunction articles;
    private final CommentsFunction comments;
    private final AdminFunction admin;
    private final Runnable consumer;
    private int unique;

    private CapacityUnits(String endpoint, String table) {
        Map<String, String> env = new HashMap<>();
        env.put("TABLE_NAME", table);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", endpoint);
        env.put("CURSOR_SECRET", "bench-cursor-secret-0123456789abcdef");
        AppConfig config = AppConfig.from(env::get);
        DynamoDbClient plain = AppContext.dynamoClient(config);
        TableSetup.ensureTable(plain, table);
        this.meter = new CapacityMeter((t, key) -> plain.getItem(b -> b.tableName(t).key(key).consistentRead(true)).item());
        DynamoDbClientBuilder builder = AppContext.dynamoClientBuilder(config);
        ClientOverrideConfiguration override = builder.overrideConfiguration();
        builder.overrideConfiguration(override.toBuilder().addExecutionInterceptor(meter).build());
        this.app = new AppContext(config, builder.build(), Clock.systemUTC());
        this.articles = new ArticlesFunction(app);
        this.comments = new CommentsFunction(app);
        this.admin = new AdminFunction(app);
        this.consumer = consumer(app, config);
    }

    /** The counts consumer: the change stream read (not metered) and its writes through the metered client. */
    private static Runnable consumer(AppContext app, AppConfig config) {
        StreamCounter counter = new StreamCounter(app.dynamo(), AppContext.streamsClient(config),
                config.tableName(), app.countApprovals());
        return counter::drain;
    }

    /** Seeds a table on {@code endpoint} and measures each scenario {@code runs} times. */
    public static List<Row> measure(String endpoint, int runs) {
        CapacityUnits units = new CapacityUnits(endpoint, "capacity-" + System.nanoTime());
        units.seed();
        return units.scenarios(runs);
    }

    /**
     * A published article of about 2.5 KB (a news story's size here), 60 approved comments on it (so the first page
     * of its thread is full), and one returning author whose comments publish at once.
     */
    private void seed() {
        List<String> body = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            body.add(("Paragraph " + i + " of the story, as long as a news paragraph usually is. ").repeat(5));
        }
        app.articles().create(new ArticleDraft(SLUG, "A story people comment on", "What happened, in one sentence.",
                body, List.of("Latest News"), new Source("BBC", null), List.of(), List.of(), "published", true, null));
        settings(false);
        for (int i = 0; i < 60; i++) {
            submit("Seed " + i, "seed" + i + "@bench.example", 201);
        }
        submit("Returning Reader", "returning@bench.example", 201);
        consumer.run();
        settings(true);
    }

    /** WordPress's defaults but no flood window: held unless the author has an approved comment. */
    private void settings(boolean previouslyApproved) {
        app.settings().replace(new DiscussionSettings(true, 0, 2, List.of(), List.of(), false, previouslyApproved, 5, 0, 0),
                app.settings().current().version());
    }

    private List<Row> scenarios(int runs) {
        List<String> held = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        rows.add(run("held submission", runs, () -> held.add(submit("New Reader", "new" + (unique++) + "@bench.example", 202))));
        rows.add(run("at-once approval (published at once)", runs,
                () -> submit("Returning Reader", "returning@bench.example", 201)));
        rows.add(run("page view (article + first page of thread)", runs, () -> {
            expect(200, articles.handleRequest(Events.request("GET", "/articles/" + SLUG, null), null));
            expect(200, comments.handleRequest(Events.request("GET", "/articles/" + SLUG + "/comments", null), null));
        }));
        // Not printed: batched(...) for the consumer counting 10 approvals at once, since DynamoDB Local's units for
        // a transaction of many items are understated (see print), which makes that row meaningless until corrected.
        int[] next = {0};
        rows.add(run("moderation: approve a held comment", runs, () -> expect(200, admin.handleRequest(Events.asModerator(
                Events.request("PATCH", "/admin/comments/" + held.get(next[0]++), "{\"status\":\"approved\",\"version\":1}")), null))));
        return rows;
    }

    /** Runs the action, then the consumer, {@code runs} times after one unmeasured round; medians. */
    private Row run(String scenario, int runs, Runnable action) {
        action.run();
        consumer.run();
        double[][] samples = new double[4][runs];
        Map<String, List<double[]>> operations = new TreeMap<>();
        for (int i = 0; i < runs; i++) {
            meter.reset();
            action.run();
            double rcu = meter.readUnits();
            double wcu = meter.writeUnits();
            double added = meter.addedByRules()[0] + meter.addedByRules()[1];
            meter.byOperation().forEach((op, sums) -> operations.computeIfAbsent(op, o -> new ArrayList<>()).add(sums));
            meter.reset();
            consumer.run();
            double consumerWcu = meter.writeUnits();
            rcu += meter.readUnits();
            meter.byOperation().forEach((op, sums) -> operations.computeIfAbsent("consumer " + op, o -> new ArrayList<>()).add(sums));
            samples[0][i] = rcu;
            samples[1][i] = wcu + consumerWcu;
            samples[2][i] = consumerWcu;
            samples[3][i] = added + meter.addedByRules()[0] + meter.addedByRules()[1];
        }
        Map<String, double[]> perAction = new LinkedHashMap<>();
        operations.forEach((op, list) -> {
            double[] sum = new double[3];
            list.forEach(s -> {
                sum[0] += s[0];
                sum[1] += s[1];
                sum[2] += s[2];
            });
            perAction.put(op, new double[]{sum[0] / runs, sum[1] / runs, sum[2] / runs});
        });
        return new Row(scenario, median(samples[0]), median(samples[1]), median(samples[2]), median(samples[3]), perAction);
    }

    /**
     * As {@link #run}, but the consumer counts {@code batch} actions at once (one article update per batch, as a
     * busy article's stream batches deliver them); units per action.
     */
    private Row batched(String scenario, int runs, int batch, Runnable action) {
        int rounds = Math.max(1, runs / batch);
        double[][] samples = new double[4][rounds];
        for (int i = 0; i < rounds; i++) {
            meter.reset();
            for (int j = 0; j < batch; j++) {
                action.run();
            }
            double rcu = meter.readUnits();
            double wcu = meter.writeUnits();
            double added = meter.addedByRules()[0] + meter.addedByRules()[1];
            meter.reset();
            consumer.run();
            samples[0][i] = (rcu + meter.readUnits()) / batch;
            samples[1][i] = (wcu + meter.writeUnits()) / batch;
            samples[2][i] = meter.writeUnits() / batch;
            samples[3][i] = (added + meter.addedByRules()[0] + meter.addedByRules()[1]) / batch;
        }
        return new Row(scenario, median(samples[0]), median(samples[1]), median(samples[2]), median(samples[3]), Map.of());
    }

    private String submit(String name, String email, int status) {
        int n = unique++;
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("authorName", name, "authorEmail", email,
                    "content", "Comment number " + n + " on this story, of an ordinary length for a reader's comment."));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        APIGatewayProxyResponseEvent response = comments.handleRequest(Events.fromIp(
                Events.request("POST", "/articles/" + SLUG + "/comments", body), "203.0.113." + (n % 250)), null);
        expect(status, response);
        try {
            return JSON.readTree(response.getBody()).path("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void expect(int status, APIGatewayProxyResponseEvent response) {
        if (response.getStatusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.getStatusCode() + ": " + response.getBody());
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Prints the rows as a table, and per scenario the mean units of each operation. */
    public static void print(List<Row> rows, int runs) {
        System.out.printf("Capacity units per action (ReturnConsumedCapacity TOTAL, DynamoDB Local), median of %d runs; "
                + "the counts consumer's writes included (stream reads by a Lambda trigger are not charged)%n", runs);
        System.out.printf("%-44s %8s %8s %14s %14s%n", "scenario", "RCU", "WCU", "of it consumer", "by rules (+)");
        for (Row row : rows) {
            System.out.printf("%-44s %8.1f %8.1f %14.1f %14.1f%n", row.scenario(), row.rcu(), row.wcu(), row.consumerWcu(),
                    row.addedByRules());
        }
        System.out.println("Caution: DynamoDB Local sizes a TransactWriteItems by the total of its items per table (10 small"
                + " Puts report 2 WCU; DynamoDB charges 2 per item, 20), so transaction WCU here are lower than DynamoDB's");
        System.out.println("(+) units DynamoDB charges that DynamoDB Local does not report (a ConditionCheck, a Query finding"
                + " nothing), added by DynamoDB's published rules; included in RCU/WCU");
        for (Row row : rows) {
            System.out.printf("  %s, mean per action:%n", row.scenario());
            row.operations().forEach((op, s) -> System.out.printf("    %-40s %5.2f calls %6.2f RCU %6.2f WCU%n", op, s[2], s[0], s[1]));
        }
        System.out.println();
    }

    /** Standalone: its own DynamoDB Local; {@code -Dbench.capacityRuns=50}. */
    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            int port;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            DynamoDBProxyServer db = ServerRunner.createServerFromCommandLineArgs(
                    new String[]{"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
            db.start();
            int runs = Integer.getInteger("bench.capacityRuns", 50);
            print(measure("http://127.0.0.1:" + port, runs), runs);
            db.stop();
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        Runtime.getRuntime().halt(status);
    }
}
