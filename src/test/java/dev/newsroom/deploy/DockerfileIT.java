package dev.newsroom.deploy;

import dev.newsroom.bench.AotCache;
import dev.newsroom.support.DynamoDbLocal;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image path, as far as it can be checked without Docker (after {@code package}, from the built zip): the
 * Dockerfile's steps name files the build produces, its base image is Lambda's Java 25 one, the classes it names
 * are in the jars it copies, and its training entry point runs here, through the handlers, against DynamoDB Local.
 */
class DockerfileIT {
    private static final Path ZIP = Path.of(System.getProperty("lambda.zip", "target/newsroom-comments-lambda.zip"));

    @Test
    void dockerfileNamesWhatTheBuildProducesAndItsTrainingRuns() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        List<String> instructions = instructions(dockerfile);
        assertTrue(instructions.get(0).equals("FROM public.ecr.aws/lambda/java:25"), instructions.get(0));

        List<Path> classpath = AotCache.layout(ZIP);
        Path classesJar = AotCache.TASK.resolve("lib").resolve(AotCache.CLASSES_JAR);
        List<String> copied = new ArrayList<>();
        for (String instruction : instructions) {
            if (instruction.startsWith("COPY ")) {
                String[] parts = instruction.split("\\s+");
                Path source = Path.of(parts[1]);
                assertTrue(Files.exists(source), instruction + ": " + source + " is not in the build output");
                copied.add(parts[2]);
            }
        }
        assertTrue(copied.contains("/var/task/lib/") && copied.contains("/opt/newsroom-bootstrap"), copied.toString());

        // The bind-mounted DynamoDB Local is the -Paot profile's copy of the dependencies.
        Matcher mount = Pattern.compile("--mount=type=bind,source=(\\S+),target=(\\S+)").matcher(dockerfile);
        assertTrue(mount.find(), "no bind mount of DynamoDB Local");
        assertTrue(Files.readString(Path.of("pom.xml")).contains("<outputDirectory>${project.build.directory}/"
                + mount.group(1).substring("target/".length()) + "</outputDirectory>"), mount.group(1));
        assertTrue(dockerfile.contains(software.amazon.dynamodb.services.local.main.ServerRunner.class.getName()));

        String bootstrap = Files.readString(Path.of("src/main/docker/newsroom-bootstrap.sh"));
        Matcher handler = Pattern.compile("CMD \\[\"([\\w.]+)::handleRequest\"]").matcher(dockerfile);
        assertTrue(handler.find(), "no handler in CMD");
        try (JarFile jar = new JarFile(classesJar.toFile())) {
            for (String type : List.of(handler.group(1), "dev.newsroom.adapter.in.api.Training",
                    "dev.newsroom.adapter.in.api.ArticlesFunction", "dev.newsroom.adapter.in.api.AdminFunction")) {
                assertNotNull(jar.getEntry(type.replace('.', '/') + ".class"), type + " is not in " + classesJar);
            }
        }
        assertTrue(bootstrap.contains("dev.newsroom.adapter.in.api.Training") && bootstrap.contains("-XX:AOTCacheOutput=/var/task/newsroom.aot"));
        assertTrue(dockerfile.contains("JAVA_TOOL_OPTIONS=\"-XX:AOTCache=/var/task/newsroom.aot"));
        assertTrue(bootstrap.contains("com.amazonaws.services.lambda.runtime.api.client.AWSLambda"));

        // The training entry point, a plain main class, on this JVM and the jars-only class path.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", AotCache.join(classpath), "dev.newsroom.adapter.in.api.Training", "1"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(AotCache.environment(DynamoDbLocal.httpEndpoint(), "aot-training-" + System.nanoTime()));
        Process process = builder.start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(0, process.waitFor(), output);
        assertTrue(output.contains("0 unexpected answers"), output);
    }

    @Test
    void trainingRefusesADatabaseElsewhere() throws Exception {
        List<Path> classpath = AotCache.layout(ZIP);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", AotCache.join(classpath), "dev.newsroom.adapter.in.api.Training").redirectErrorStream(true);
        builder.environment().putAll(AotCache.environment("https://dynamodb.us-east-1.amazonaws.com", "newsroom"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, process.waitFor(), output);
    }

    /** The Dockerfile's instructions, continuation lines joined, comments and parser directives left out. */
    private static List<String> instructions(String dockerfile) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continues) {
                out.add(current.toString().trim());
                current.setLength(0);
            }
        }
        return out;
    }
}
