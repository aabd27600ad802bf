package dev.newsroom.bench;

import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.local.StreamCounter;
import dev.newsroom.local.wordpress.ImportDatabase;
import dev.newsroom.local.wordpress.WordPressImport;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The WordPress import's numbers, against DynamoDB Local over HTTP: comments per second for a generated export
 * ({@code bench.importComments}, 20,000), from the first byte read to exact counts (the change stream drained),
 * and a generated export of {@code bench.importLargeComments} (200,000) imported by the command itself in a child
 * JVM with the heap capped at 256 MB. Only this section: {@code -Dbench.importOnly=true}.
 */
final class ImportBench {
    private ImportBench() {
    }

    static void run(String endpoint) throws Exception {
        int comments = Integer.getInteger("bench.importComments", 20_000);
        int large = Integer.getInteger("bench.importLargeComments", 200_000);
        Path dir = Files.createDirectories(Path.of("target/bench-import"));
        System.out.printf("WordPress import into DynamoDB Local over HTTP (generated exports, 100 comments a post)%n");

        Path file = dir.resolve("export-" + comments + ".xml");
        WxrGenerator.write(file, comments, 100);
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL_DYNAMODB", endpoint, "TABLE_NAME", "import-speed");
        AppConfig config = AppConfig.from(env::get);
        AppContext app = new AppContext(config, ImportDatabase.batchJobClient(config), Clock.systemUTC());
        app.ensureTable();
        StreamCounter counter = new StreamCounter(app.dynamo(), AppContext.streamsClient(config), config.tableName(), app.countApprovals());
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        // the command's two phases timed apart: writing every post (no counter), then reading the stream into counts
        int status = new WordPressImport(app, null, quiet, quiet).importFile(file, false);
        long written = System.nanoTime();
        int counted = counter.drain();
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        System.out.printf("  %,d comments in this JVM: exit %d, %.1f s, %,.0f comments/s (target >= 2,000), counts exact at the end%n"
                        + "    writing %.1f s (%,.0f comments/s), then counting %,d approvals from the change stream %.1f s%n",
                comments, status, seconds, comments / seconds, (written - start) / 1e9, comments / ((written - start) / 1e9),
                counted, (end - written) / 1e9);
        double bare = ImportBare.commentsPerSecond(comments);
        System.out.printf("  bare BatchWriteItem of the same items (comment + duplicate mark, 24 a call, %d calls at once as"
                        + " the import makes, nothing read or counted), into a fresh DynamoDB Local: %,.0f comments/s;"
                        + " ours / bare = %.2f (writing alone: %.2f)%n", WordPressImport.WRITERS, bare,
                comments / seconds / bare, comments / ((written - start) / 1e9) / bare);

        Path largeFile = dir.resolve("export-" + large + ".xml");
        WxrGenerator.write(largeFile, large, 100);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", classpath(), "dev.newsroom.local.LocalApi",
                "import-wordpress", largeFile.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("import-large.err").toFile());
        Map<String, String> childEnv = new HashMap<>(Map.of("AWS_ENDPOINT_URL_DYNAMODB", endpoint, "TABLE_NAME", "import-large"));
        builder.environment().putAll(childEnv);
        start = System.nanoTime();
        Process child = builder.start();
        String summary = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int childStatus = child.waitFor();
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  %,d comments, the command in a child JVM with -Xmx256m (%.1f MB file): exit %d, %.1f s%s%n"
                        + "  summary: %s%n", large, Files.size(largeFile) / 1e6, childStatus, seconds,
                childStatus == 0 ? String.format(", %,.0f comments/s", large / seconds)
                        : " (did not finish: see " + dir.resolve("import-large.err") + ")", summary);
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
