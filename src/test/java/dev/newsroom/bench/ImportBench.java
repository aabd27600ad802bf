package dev.newsroom.bench;

import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.local.StreamCounter;
import dev.newsroom.local.wordpress.ImportDatabase;
import dev.newsroom.local.wordpress.WordPressImport;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The WordPress import's numbers, against DynamoDB Local over HTTP. Its speed: a generated export
 * ({@code bench.importComments}, 20,000 comments) imported by the command's code from the first byte read to
 * exact counts (the command adds its counts itself, so its end is that point), beside bare {@code BatchWriteItem}
 * calls storing exactly the items the import left in the table (read back after each run, 25 a call, as many
 * calls at once as the import's writer makes), each run into a fresh DynamoDB Local; after a warm-up pair of
 * runs, {@code bench.importRounds} (3) alternating pairs, each pair's ratio and their median printed. Then a
 * generated export of {@code bench.importLargeComments} (200,000) imported by the command itself in a child JVM
 * with the heap capped at 256 MB. Each import's counts are checked against the export's approved comments, and
 * the change stream read afterwards to show it adds nothing more. Only this section: {@code -Dbench.importOnly=true}.
 */
final class ImportBench {
    private static final int PER_POST = 100;
    private static final String TABLE = "import-speed";

    private ImportBench() {
    }

    /** One import's time, what it left in the table, and its counts' check. */
    private record Imported(double seconds, List<Map<String, AttributeValue>> items, String counts) {
    }

    static void run() throws Exception {
        int comments = Integer.getInteger("bench.importComments", 20_000);
        int rounds = Integer.getInteger("bench.importRounds", 3);
        int large = Integer.getInteger("bench.importLargeComments", 200_000);
        Path dir = Files.createDirectories(Path.of("target/bench-import"));
        System.out.printf("WordPress import into DynamoDB Local over HTTP (generated exports, %d comments a post; every"
                + " run into a fresh DynamoDB Local)%n", PER_POST);

        Path warm = dir.resolve("export-warm-up.xml");
        long warmApproved = WxrGenerator.write(warm, 2_000, PER_POST);
        Imported warmUp = importInto(warm, 2_000, warmApproved);
        ImportBare.seconds(warmUp.items(), TABLE);
        Path file = dir.resolve("export-" + comments + ".xml");
        long approved = WxrGenerator.write(file, comments, PER_POST);
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Imported ours = importInto(file, comments, approved);
            double bare = ImportBare.seconds(ours.items(), TABLE);
            ratios.add(bare / ours.seconds());
            System.out.printf("  round %d: %,d comments (%,d items) imported in %.1f s (%,.0f comments/s), bare"
                            + " BatchWriteItem of the same items %.1f s; ours / bare = %.2f%n    %s%n", round, comments,
                    ours.items().size(), ours.seconds(), comments / ours.seconds(), bare, bare / ours.seconds(), ours.counts());
        }
        ratios.sort(null);
        System.out.printf("  median ours / bare over %d rounds: %.2f (the whole command from the first byte to exact counts;"
                + " there is no counting phase after the writing)%n", rounds, ratios.get(ratios.size() / 2));

        Path largeFile = dir.resolve("export-" + large + ".xml");
        long largeApproved = WxrGenerator.write(largeFile, large, PER_POST);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", classpath(), "dev.newsroom.local.LocalApi",
                "import-wordpress", largeFile.toString()));
        try (FreshDynamoDbLocal db = FreshDynamoDbLocal.start()) {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("import-large.err").toFile());
            builder.environment().putAll(Map.of("AWS_ENDPOINT_URL_DYNAMODB", db.endpoint(), "TABLE_NAME", "import-large"));
            long start = System.nanoTime();
            Process child = builder.start();
            String summary = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int childStatus = child.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("  %,d comments, the command in a child JVM with -Xmx256m (%.1f MB file): exit %d, %.1f s%s%n"
                            + "    summary: %s%n    %s%n", large, Files.size(largeFile) / 1e6, childStatus, seconds,
                    childStatus == 0 ? String.format(", %,.0f comments/s", large / seconds)
                            : " (did not finish: see " + dir.resolve("import-large.err") + ")", summary,
                    countsCheck(context(db.endpoint(), "import-large"), large, largeApproved));
        }
    }

    /** Imports {@code file} into a fresh DynamoDB Local, timed; then reads back what it stored. */
    private static Imported importInto(Path file, int comments, long approved) throws Exception {
        try (FreshDynamoDbLocal db = FreshDynamoDbLocal.start()) {
            AppContext app = context(db.endpoint(), TABLE);
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            long start = System.nanoTime();
            int status = new WordPressImport(app, quiet, quiet).importFile(file, false);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (status != 0) {
                throw new IllegalStateException("the import ended with exit status " + status);
            }
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            app.dynamo().scanPaginator(b -> b.tableName(TABLE)).items().forEach(items::add);
            return new Imported(seconds, items, countsCheck(app, comments, approved));
        }
    }

    private static AppContext context(String endpoint, String table) {
        AppConfig config = AppConfig.from(Map.of("AWS_ENDPOINT_URL_DYNAMODB", endpoint, "TABLE_NAME", table)::get);
        AppContext app = new AppContext(config, ImportDatabase.batchJobClient(config), Clock.systemUTC());
        app.ensureTable();
        return app;
    }

    /**
     * The articles' counts beside the export's approved comments (every generated post is an article), then
     * the same after the change stream has been read to its end by the counting the runner does.
     */
    private static String countsCheck(AppContext app, int comments, long approved) {
        List<String> slugs = new ArrayList<>();
        for (int post = 1; post <= (comments + PER_POST - 1) / PER_POST; post++) {
            slugs.add("generated-story-" + post);
        }
        long counted = sum(app, slugs);
        StreamCounter counter = new StreamCounter(app.dynamo(), AppContext.streamsClient(app.config()),
                app.config().tableName(), app.countApprovals());
        long start = System.nanoTime();
        int fromStream = counter.drain();
        return String.format("counts: %,d approved in the export, %,d in the articles' counts (%s); the change stream read"
                        + " afterwards (%.1f s) added %,d, counts then %,d", approved, counted,
                counted == approved ? "exact" : "NOT EXACT", (System.nanoTime() - start) / 1e9, fromStream, sum(app, slugs));
    }

    private static long sum(AppContext app, List<String> slugs) {
        long sum = 0;
        for (int from = 0; from < slugs.size(); from += 100) {
            sum += app.articleRepository().commentCounts(slugs.subList(from, Math.min(slugs.size(), from + 100)))
                    .values().stream().mapToLong(Long::longValue).sum();
        }
        return sum;
    }

    /** The class path this benchmark runs on (exec:java's class loader), for the child JVM. */
    private static String classpath() throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (!(loader instanceof URLClassLoader urls)) {
            return System.getProperty("java.class.path");
        }
        List<String> entries = new ArrayList<>();
        for (URL url : urls.getURLs()) {
            try {
                entries.add(Path.of(url.toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        entries.add(Path.of("target/local-classes").toAbsolutePath().toString());
        return String.join(File.pathSeparator, entries);
    }
}
