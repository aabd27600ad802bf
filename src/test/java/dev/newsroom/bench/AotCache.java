package dev.newsroom.bench;

import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The JDK 25 AOT cache of the functions ({@code mvn -q -Paot package}): the deployment zip laid out with jars only
 * (an AOT cache's class path may hold no directories, so the zip's root classes become
 * {@code lib/newsroom-classes.jar}), then a training run ({@code Training}: every function's real requests
 * through its handler, against DynamoDB Local over HTTP) on JDK 25 with {@code -XX:AOTCacheOutput}. One cache
 * for the three functions, as the image serves all three: they share nearly every class. Writes
 * {@code target/aot/task/} (the image's task root), {@code target/aot/newsroom.aot} and
 * {@code target/aot/classpath} (the class path the cache belongs to).
 */
public final class AotCache {
    public static final Path DIR = Path.of("target", "aot");
    public static final Path TASK = DIR.resolve("task");
    public static final Path CACHE = DIR.resolve("newsroom.aot");
    public static final String CLASSES_JAR = "newsroom-classes.jar";
    /** The JVM flags of the training run; runs that load the cache use the same ones. */
    public static final List<String> FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private AotCache() {
    }

    public static void main(String[] args) throws Exception {
        // The image's task folder first, whichever JDK runs this: the image build trains on its own JDK 25.
        List<Path> classpath = layout(Path.of("target", "newsroom-comments-lambda.zip"));
        Path java = jdk25();
        if (java == null) {
            System.out.println("AOT cache: no JDK 25 found (set -Daot.jdk=/path/to/jdk-25); " + TASK
                    + " laid out for the image build, no cache trained here");
            Runtime.getRuntime().halt(0);
        }
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DynamoDBProxyServer db = ServerRunner.createServerFromCommandLineArgs(
                new String[]{"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
        db.start();
        int status = 0;
        try {
            long started = System.nanoTime();
            String output = train(java, classpath, "http://127.0.0.1:" + port, "aot-training");
            System.out.print(output);
            System.out.printf("AOT cache: %s, %.1f MB, trained in %d ms on %s%n", CACHE, Files.size(CACHE) / 1e6,
                    (System.nanoTime() - started) / 1_000_000, java);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            db.stop();
        }
        System.out.flush();
        Runtime.getRuntime().halt(status);
    }

    /** A JDK 25's {@code bin/java}: {@code -Daot.jdk}, {@code JAVA25_HOME}, or one under /usr/lib/jvm; null if none. */
    public static Path jdk25() throws IOException {
        List<Path> candidates = new ArrayList<>();
        for (String configured : new String[]{System.getProperty("aot.jdk"), System.getenv("JAVA25_HOME")}) {
            if (configured != null && !configured.isBlank()) {
                candidates.add(Path.of(configured));
            }
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> all = Files.list(jvms)) {
                all.filter(p -> p.getFileName().toString().matches(".*-25([.-].*)?")).sorted().forEach(candidates::add);
            }
        }
        for (Path home : candidates) {
            Path java = home.resolve("bin").resolve("java");
            if (Files.isExecutable(java) && Files.isRegularFile(home.resolve("release"))
                    && Files.readString(home.resolve("release")).contains("JAVA_VERSION=\"25")) {
                return java;
            }
        }
        return null;
    }

    /**
     * The zip as a task root of jars only: {@code lib/*.jar} as they are, the root classes in
     * {@code lib/newsroom-classes.jar}. Returns the class path, our classes first, then the jars by name.
     */
    public static List<Path> layout(Path zip) throws IOException {
        if (Files.exists(TASK)) {
            try (Stream<Path> old = Files.walk(TASK)) {
                old.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Path lib = Files.createDirectories(TASK.resolve("lib"));
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
             JarOutputStream classes = new JarOutputStream(Files.newOutputStream(lib.resolve(CLASSES_JAR)))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (name.startsWith("lib/") && name.endsWith(".jar") && name.indexOf('/', 4) < 0) {
                    Files.copy(in, TASK.resolve(name));
                } else if (!name.startsWith("lib/")) {
                    classes.putNextEntry(new JarEntry(name));
                    in.transferTo(classes);
                    classes.closeEntry();
                }
            }
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(lib.resolve(CLASSES_JAR).toAbsolutePath());
        try (Stream<Path> jars = Files.list(lib)) {
            jars.filter(p -> !p.getFileName().toString().equals(CLASSES_JAR)).sorted()
                    .forEach(p -> classpath.add(p.toAbsolutePath()));
        }
        Files.writeString(DIR.resolve("classpath"), join(classpath) + "\n");
        return classpath;
    }

    /** Runs {@code Training} on {@code java} with {@code -XX:AOTCacheOutput}; returns its output, fails if it did. */
    public static String train(Path java, List<Path> classpath, String endpoint, String table) throws Exception {
        Files.deleteIfExists(CACHE);
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:AOTCacheOutput=" + CACHE.toAbsolutePath()));
        command.addAll(FLAGS);
        command.addAll(List.of("-cp", join(classpath), "dev.newsroom.adapter.in.api.Training"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment(endpoint, table));
        Process process = builder.start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        int exit = process.waitFor();
        if (exit != 0 || !Files.isRegularFile(CACHE)) {
            throw new IllegalStateException("training run failed (exit " + exit + "):\n" + output);
        }
        return output.lines().filter(l -> l.startsWith("Training:") || l.startsWith("  unexpected"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    /** What the functions read from Lambda's environment, pointed at DynamoDB Local. */
    public static Map<String, String> environment(String endpoint, String table) {
        Map<String, String> env = new HashMap<>();
        env.put("TABLE_NAME", table);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", endpoint);
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "training");
        env.put("CURSOR_SECRET", "training-cursor-secret-0123456789abcdef");
        env.put("CORS_ALLOWED_ORIGINS", "https://www.example.com");
        return env;
    }

    /** A jar of the given classes (for a measurement's main class, appended after the cache's class path). */
    public static Path jarOf(Path target, Path classesDir, List<String> classFiles) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(file)) {
            for (String name : classFiles) {
                jar.putNextEntry(new JarEntry(name));
                Files.copy(classesDir.resolve(name), jar);
                jar.closeEntry();
            }
        }
        return target;
    }

    public static String join(List<Path> classpath) {
        return String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList());
    }
}
