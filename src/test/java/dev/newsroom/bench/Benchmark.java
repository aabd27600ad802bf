package dev.newsroom.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.newsroom.adapter.in.api.ArticlesFunction;
import dev.newsroom.adapter.in.api.CommentsFunction;
import dev.newsroom.adapter.out.dynamodb.TableSetup;
import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.ArticleDraft;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.local.LocalApi;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.zip.ZipFile;

/**
 * The performance benchmark: cold starts in fresh JVMs with Lambda's JVM flags, warm handler latency beside
 * the bare SDK calls, the capacity units each kind of request costs ({@link CapacityUnits}), the deployment
 * package, and the local runner's throughput, all against one DynamoDB Local over HTTP, printed side by side as
 * medians and ratios. Run: {@code mvn -q -Pbench package}; only the capacity units: {@code -Dbench.capacityOnly=true}; only the WordPress import: {@code -Dbench.importOnly=true}; only the served page beside the JSON thread: {@code -Dbench.pagesOnly=true}; only the comment formatter and key lists ({@link FormatterBench}, C1 only): {@code -Dbench.formatterOnly=true}.
 */
public final class Benchmark {
    private static final String SLUG = "bench-story";
    private static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
    private final int coldRuns = Integer.getInteger("bench.coldRuns", 7);
    private final int warmRuns = Integer.getInteger("bench.warmRuns", 2000);
    private final int loadSeconds = Integer.getInteger("bench.loadSeconds", 8);
    private String endpoint;
    private int unique;

    public static void main(String[] args) {
        int status = 0;
        try {
            new Benchmark().run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        Runtime.getRuntime().halt(status);
    }

    private void run() throws Exception {
        if (Boolean.getBoolean("bench.formatterOnly")) {
            formatter();
            return;
        }
        int port = LocalApiPort.free();
        DynamoDBProxyServer db = ServerRunner.createServerFromCommandLineArgs(
                new String[]{"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
        db.start();
        endpoint = "http://127.0.0.1:" + port;
        Map<String, String> env = benchEnvironment("bench");
        AppContext app = new AppContext(AppConfig.from(env::get), AppContext.dynamoClient(AppConfig.from(env::get)),
                Clock.systemUTC());
        TableSetup.ensureTable(app.dynamo(), "bench");
        app.articles().create(new ArticleDraft(SLUG, "Bench", "", List.of("p"), List.of("Latest News"), null,
                List.of(), List.of(), "published", true, null));
        app.settings().replace(new DiscussionSettings(true, 0, 2, List.of(), List.of(), true, true, 5, 0, 0), 0);

        System.out.printf("Machine: %d cores, Java %s (%s), %s%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"));
        boolean coldOnly = Boolean.getBoolean("bench.coldOnly");
        int capacityRuns = Integer.getInteger("bench.capacityRuns", 50);
        if (Boolean.getBoolean("bench.importOnly")) {
            db.stop();
            ImportBench.run();
            return;
        }
        if (Boolean.getBoolean("bench.pagesOnly")) {
            PageBench.run(app, Integer.getInteger("bench.pageRuns", 300));
            db.stop();
            return;
        }
        if (Boolean.getBoolean("bench.capacityOnly")) {
            CapacityUnits.print(CapacityUnits.measure(endpoint, capacityRuns), capacityRuns);
            db.stop();
            return;
        }
        coldStarts(env);
        if (!coldOnly) {
            warm(app);
            PageBench.run(app, Integer.getInteger("bench.pageRuns", 300));
            CapacityUnits.print(CapacityUnits.measure(endpoint, capacityRuns), capacityRuns);
            packageSize();
            throughput();
            formatter();
            ImportBench.run();
        }
        db.stop();
    }

    // ---- cold start ----

    /** A cold-start variant: the JVM and its flags, the class path and the main class. */
    private record Variant(List<String> jvm, String classpath, String main) {
    }

    private void coldStarts(Map<String, String> env) throws Exception {
        String classpath = classpath();
        List<String> java17 = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        java17.addAll(LAMBDA_FLAGS);
        // The common way ships Jackson data binding in its package; ours does not need it.
        String withDatabind = String.join(java.io.File.pathSeparator, classpath, jarOf(com.fasterxml.jackson.databind.ObjectMapper.class),
                jarOf(com.fasterxml.jackson.annotation.JsonProperty.class));
        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put("(a) ours: handler, init + first submission", new Variant(java17, classpath, ColdOurs.class.getName()));
        variants.put("(b) bare SDK calls of that submission", new Variant(java17, classpath, ColdBare.class.getName()));
        variants.put("(c) common way: fromBean, defaults, PutItem", new Variant(java17, withDatabind, ColdCommon.class.getName()));
        variants.put("(d) JVM that only prints", new Variant(java17, classpath, ColdPrint.class.getName()));
        String noJdk25 = aotVariants(variants);
        variants.put("(p) (a) primed first: init+priming, then 1st", new Variant(java17, classpath, ColdPrimed.class.getName()));
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        variants.keySet().forEach(k -> results.put(k, new ArrayList<>()));
        for (int run = 0; run < coldRuns; run++) {
            for (Map.Entry<String, Variant> variant : variants.entrySet()) {
                results.get(variant.getKey()).add(coldRun(variant.getValue(), env));
            }
        }
        double bare = median(results, "(b)", 0);
        double common = median(results, "(c)", 0);
        System.out.printf("Cold start: fresh JVM (%s), %d runs each, interleaved; medians in ms%n", String.join(" ", LAMBDA_FLAGS), coldRuns);
        System.out.printf("%-46s %9s %9s %9s %8s %8s%n", "variant", "process", "init", "1st call", "vs (b)", "vs (c)");
        for (String name : results.keySet()) {
            double wall = median(results, name, 0);
            System.out.printf("%-46s %9.0f %9.0f %9.0f %7.2fx %7.2fx%n", name, wall, median(results, name, 1),
                    median(results, name, 2), wall / bare, wall / common);
        }
        if (noJdk25 != null) {
            System.out.printf("%-46s %s%n", "(e) ours on JDK 25 with the AOT cache", noJdk25);
        }
        System.out.printf("(a)/(b) %.2fx", median(results, "(a)", 0) / bare);
        if (noJdk25 == null) {
            System.out.printf("   (e)/(b) %.2fx (target 0.45)   (e)/(a) %.2fx", median(results, "(e)", 0) / bare,
                    median(results, "(e)", 0) / median(results, "(a)", 0));
        }
        System.out.printf("%nPriming (SnapStart's beforeCheckpoint, measured in one JVM): first submission after it %.0f ms, "
                + "without it %.0f ms (the 1st call of (a)): %.2fx%n%n", median(results, "(p)", 2), median(results, "(a)", 2),
                median(results, "(p)", 2) / median(results, "(a)", 2));
    }

    /**
     * Adds (e) ours on JDK 25 with an AOT cache trained here ({@link AotCache}: the zip as jars, a training run
     * against this benchmark's DynamoDB Local) and (f) the same JVM and class path without the cache. Returns why
     * they are missing, or null.
     */
    private String aotVariants(Map<String, Variant> variants) throws Exception {
        Path java25 = AotCache.jdk25();
        if (java25 == null) {
            return "not measured: no JDK 25 found (-Daot.jdk=/path/to/jdk-25)";
        }
        Path zip = Path.of("target/newsroom-comments-lambda.zip");
        if (!Files.exists(zip)) {
            return "not measured: target/newsroom-comments-lambda.zip not built";
        }
        List<Path> cachePath = AotCache.layout(zip);
        System.out.print(AotCache.train(java25, cachePath, endpoint, "bench-aot-training"));
        System.out.printf("AOT cache trained: %.1f MB%n%n", Files.size(AotCache.CACHE) / 1e6);
        // The measured main classes in a jar of their own, appended after the cache's class path (jars only).
        Path classes = Path.of("target", "test-classes");
        Path benchJar = AotCache.jarOf(AotCache.DIR.resolve("bench-cold.jar"), classes, List.of(
                "dev/newsroom/bench/ColdOurs.class", "dev/newsroom/bench/ColdReport.class"));
        List<Path> withBench = new ArrayList<>(cachePath);
        withBench.add(benchJar.toAbsolutePath());
        List<String> cached = new ArrayList<>(List.of(java25.toString(), "-XX:AOTCache=" + AotCache.CACHE.toAbsolutePath(),
                "-XX:AOTMode=on"));
        cached.addAll(AotCache.FLAGS);
        List<String> plain = new ArrayList<>(List.of(java25.toString()));
        plain.addAll(AotCache.FLAGS);
        variants.put("(e) ours on JDK 25 with the AOT cache", new Variant(cached, AotCache.join(withBench), ColdOurs.class.getName()));
        variants.put("(f) ours on JDK 25, no cache", new Variant(plain, AotCache.join(withBench), ColdOurs.class.getName()));
        return null;
    }

    private double[] coldRun(Variant variant, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(variant.jvm());
        command.addAll(List.of("-cp", variant.classpath(), variant.main(), SLUG, "cold" + (++unique) + "@bench.example", "203.0.113." + (unique % 250)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        String result = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                all.append(line).append('\n');
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        process.waitFor();
        double wall = (System.nanoTime() - start) / 1_000_000.0;
        if (result == null || !(result.contains("status=20"))) {
            throw new IllegalStateException(variant.main() + " failed:\n" + all);
        }
        Map<String, String> values = new HashMap<>();
        for (String part : result.substring(7).split(" ")) {
            String[] kv = part.split("=");
            values.put(kv[0], kv[1]);
        }
        return new double[]{wall, Double.parseDouble(values.get("init")), Double.parseDouble(values.get("first"))};
    }

    /** {@link FormatterBench} in a fresh JVM with Lambda's flags (C1 only), its table printed as it runs. */
    private static void formatter() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(LAMBDA_FLAGS);
        command.addAll(List.of("-cp", classpath(), FormatterBench.class.getName()));
        System.out.println();
        int status = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("FormatterBench exited with " + status);
        }
    }

    private Map<String, String> benchEnvironment(String table) {
        return AotCache.environment(endpoint, table);
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String classpath() throws IOException {
        String deps = Files.readString(Path.of("target/runtime.classpath")).trim();
        return String.join(java.io.File.pathSeparator, "target/classes", "target/test-classes", deps);
    }

    // ---- warm ----

    private void warm(AppContext app) {
        ArticlesFunction articles = new ArticlesFunction(app);
        CommentsFunction comments = new CommentsFunction(app);
        DynamoDbClient client = app.dynamo();
        Map<String, AttributeValue> articleKey = Map.of("pk", AttributeValue.fromS("ARTICLE#" + SLUG), "sk", AttributeValue.fromS("A"));
        Map<String, IntConsumer[]> pairs = new LinkedHashMap<>();
        pairs.put("GET /articles/{slug}", new IntConsumer[]{
                i -> articles.handleRequest(event("GET", "/articles/{slug}", null, i), null),
                i -> client.getItem(b -> b.tableName("bench").key(articleKey))});
        pairs.put("GET /articles/{slug}/comments", new IntConsumer[]{
                i -> comments.handleRequest(event("GET", "/articles/{slug}/comments", null, i), null),
                i -> {
                    client.getItem(b -> b.tableName("bench").key(articleKey));
                    client.query(b -> b.tableName("bench").indexName("gsi1").keyConditionExpression("gsi1pk = :p")
                            .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("T#" + SLUG + "#approved"))).limit(51));
                }});
        pairs.put("POST /articles/{slug}/comments", new IntConsumer[]{
                i -> comments.handleRequest(event("POST", "/articles/{slug}/comments",
                        "{\"authorName\":\"W\",\"authorEmail\":\"w" + i + "@bench.example\",\"content\":\"warm " + i + "\"}", i), null),
                i -> ColdBare.submit(client, "bench", SLUG, "b" + i + "@bench.example", "198.51.100." + (i % 250), false)});
        System.out.printf("Warm handler latency, %d interleaved calls each after %d warm-up; microseconds%n", warmRuns, warmRuns / 4);
        System.out.printf("%-32s %9s %9s %9s %9s %8s %8s%n", "route", "ours p50", "bare p50", "ours p99", "bare p99", "p50 x", "p99 x");
        for (Map.Entry<String, IntConsumer[]> pair : pairs.entrySet()) {
            long[][] samples = interleave(pair.getValue()[0], pair.getValue()[1]);
            double oursP50 = percentile(samples[0], 50);
            double bareP50 = percentile(samples[1], 50);
            double oursP99 = percentile(samples[0], 99);
            double bareP99 = percentile(samples[1], 99);
            System.out.printf("%-32s %9.0f %9.0f %9.0f %9.0f %7.2fx %7.2fx%n", pair.getKey(), oursP50, bareP50, oursP99, bareP99,
                    oursP50 / bareP50, oursP99 / bareP99);
        }
        System.out.println();
    }

    private long[][] interleave(IntConsumer ours, IntConsumer bare) {
        for (int i = 0; i < warmRuns / 4; i++) {
            ours.accept(1_000_000 + unique++);
            bare.accept(1_000_000 + unique++);
        }
        long[][] samples = new long[2][warmRuns];
        for (int i = 0; i < warmRuns; i++) {
            long t0 = System.nanoTime();
            ours.accept(2_000_000 + unique++);
            long t1 = System.nanoTime();
            bare.accept(2_000_000 + unique++);
            long t2 = System.nanoTime();
            samples[0][i] = (t1 - t0) / 1_000;
            samples[1][i] = (t2 - t1) / 1_000;
        }
        return samples;
    }

    private static APIGatewayProxyRequestEvent event(String method, String resource, String body, int n) {
        Map<String, String> headers = new HashMap<>();
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return new APIGatewayProxyRequestEvent().withHttpMethod(method).withResource(resource)
                .withPath(resource.replace("{slug}", SLUG)).withPathParameters(Map.of("slug", SLUG)).withHeaders(headers)
                .withBody(body).withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("w" + n)
                        .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp("192.0.2." + (n % 250))));
    }

    // ---- package ----

    private static void packageSize() throws IOException {
        Path zip = Path.of("target/newsroom-comments-lambda.zip");
        if (!Files.exists(zip)) {
            System.out.println("Package: target/newsroom-comments-lambda.zip not built (run mvn package first)");
            return;
        }
        List<Map.Entry<String, Long>> jars = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            file.stream().filter(e -> e.getName().startsWith("lib/")).forEach(e -> jars.add(Map.entry(e.getName(), e.getSize())));
        }
        jars.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        System.out.printf("Deployment package: %.2f MB zipped, %d jars under lib/ (target 12 MB)%n", Files.size(zip) / 1e6, jars.size());
        jars.stream().limit(8).forEach(j -> System.out.printf("  %-52s %8.0f KB%n", j.getKey(), j.getValue() / 1e3));
        System.out.println();
    }

    // ---- local runner throughput ----

    private void throughput() throws Exception {
        Map<String, String> settings = Map.of("TABLE_NAME", "bench-runner", "CURSOR_SECRET", "bench-cursor-secret-0123456789abcdef");
        try (LocalApi api = LocalApi.start(new LocalApi.Options(0, "bench-token", null, endpoint, Path.of("."), true, settings))) {
            api.app().settings().replace(new DiscussionSettings(true, 0, 2, List.of(), List.of(), false, false, 5, 0, 0),
                    api.app().settings().current().version());
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + api.port();
            String article = "/articles/wagner-to-withdraw-from-mali-after-completing-mission";
            System.out.printf("Local runner over HTTP, 16 concurrent clients, %d s each%n", loadSeconds);
            System.out.printf("%-36s %10s %10s %10s %8s%n", "request", "req/s", "p50 ms", "p99 ms", "errors");
            load("GET " + article, http, n -> HttpRequest.newBuilder(URI.create(base + article)).build());
            load("POST " + article + "/comments", http, n -> HttpRequest.newBuilder(URI.create(base + article + "/comments"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"authorName\":\"L\",\"authorEmail\":\"l" + n
                            + "@bench.example\",\"content\":\"load " + n + "\"}")).build());
        }
    }

    private void load(String label, HttpClient http, java.util.function.IntFunction<HttpRequest> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger counter = new AtomicInteger();
        long end = System.nanoTime() + loadSeconds * 1_000_000_000L;
        for (int t = 0; t < 16; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        int status = http.send(request.apply(counter.incrementAndGet()), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status >= 300) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - t0);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(loadSeconds + 60L, java.util.concurrent.TimeUnit.SECONDS);
        long[] micros = latencies.stream().mapToLong(l -> l / 1_000).toArray();
        System.out.printf("%-36s %10.0f %10.1f %10.1f %8d%n", label.length() > 36 ? label.substring(0, 33) + "..." : label,
                micros.length / (double) loadSeconds, percentile(micros, 50) / 1000, percentile(micros, 99) / 1000, errors.get());
    }

    // ---- statistics ----

    private static double median(Map<String, List<double[]>> results, String prefix, int column) {
        List<Double> values = new ArrayList<>();
        results.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst().orElseThrow()
                .getValue().forEach(v -> values.add(v[column]));
        Collections.sort(values);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    static double percentile(long[] samples, double p) {
        long[] sorted = samples.clone();
        java.util.Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** A free loopback port. */
    private static final class LocalApiPort {
        static int free() throws IOException {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
