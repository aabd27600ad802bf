package dev.newsroom.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner and the import in their own JVM, as {@code mvn exec:java} starts them: only their own lines, no
 * DynamoDB Local configuration banner, no SLF4J warning, no terminal colour codes.
 */
class QuietOutputTest {
    private static final String ESC = "\u001b";
    @TempDir
    Path dir;

    @Test
    void theRunnersStart_printsOnlyItsOneLine() throws Exception {
        int port = LocalApi.freePort();
        Path errors = Files.createTempFile(dir, "runner", ".err");
        ProcessBuilder builder = java(List.of("dev.newsroom.local.LocalApi"), port);
        List<String> out = linesUntilListening(builder.redirectError(errors.toFile()).start());
        assertEquals(List.of("Listening on http://127.0.0.1:" + port), out);
        assertEquals("", Files.readString(errors), "nothing on stderr");
    }

    @Test
    void theImport_printsItsSummaryOnStdout_andOnlyItsProblemsOnStderr() throws Exception {
        Path export = Path.of(getClass().getResource("/wordpress/site.xml").toURI());
        Process importer = java(List.of("dev.newsroom.local.LocalApi", "import-wordpress", export.toString()), 0).start();
        assertTrue(importer.waitFor(120, TimeUnit.SECONDS));
        String out = new String(importer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(importer.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, importer.exitValue(), err);
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.startsWith("Imported 6 articles (2 drafts), 10 comments"), out);
        assertTrue(out.endsWith("counts exact\n"), out);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("import-wordpress: line 332, column "), err);
        assertTrue(!out.contains(ESC) && !err.contains(ESC));
    }

    @Test
    void aFileThatCannotBeRead_exitsNonZeroWithAMessage() throws Exception {
        Process importer = java(List.of("dev.newsroom.local.LocalApi", "import-wordpress", "no-such-export.xml"), 0).start();
        assertTrue(importer.waitFor(120, TimeUnit.SECONDS));
        String err = new String(importer.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, importer.exitValue());
        assertEquals("", new String(importer.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(err.startsWith("import-wordpress: cannot read no-such-export.xml"), err);
    }

    @Test
    void anEndpointThatDoesNotAnswer_givesOneLine_andStatus1_forTheRunnerAndItsCommands() throws Exception {
        String closed = "http://127.0.0.1:" + LocalApi.freePort();
        for (List<String> command : List.of(List.of("dev.newsroom.local.LocalApi"), List.of("dev.newsroom.local.LocalApi", "recount"),
                List.of("dev.newsroom.local.LocalApi", "invoke", "ArticlesFunction", "events/list-articles.json"))) {
            ProcessBuilder builder = java(command, 0);
            builder.environment().put("AWS_ENDPOINT_URL", closed);
            Process runner = builder.start();
            assertTrue(runner.waitFor(120, TimeUnit.SECONDS));
            String err = new String(runner.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, runner.exitValue(), err);
            assertEquals("cannot reach DynamoDB at " + closed + ": Connection refused\n", err, command.toString());
            assertEquals("", new String(runner.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void withoutAnAdminToken_printsAnExportLine_withTheTokenKeptInTheDataFolder() throws Exception {
        Path data = dir.resolve("local-db");
        List<String> first = startAndStop(data);
        assertEquals(2, first.size(), first.toString());
        assertTrue(first.get(0).matches("export ADMIN_TOKEN=[0-9a-f]{48}"), first.get(0));
        assertEquals(first, startAndStop(data), "the same token after a restart");
        assertEquals(first.get(0).substring("export ADMIN_TOKEN=".length()) + "\n", Files.readString(data.resolve("admin-token")));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve("admin-token"))));
    }

    /** The runner's lines up to "Listening on", started without ADMIN_TOKEN on this data folder (its port as PORT). */
    private static List<String> startAndStop(Path data) throws Exception {
        int port = LocalApi.freePort();
        ProcessBuilder builder = java(List.of("dev.newsroom.local.LocalApi"), port);
        builder.environment().remove("ADMIN_TOKEN");
        builder.environment().put("LOCAL_DB", data.toString());
        return linesUntilListening(builder.redirectError(ProcessBuilder.Redirect.DISCARD).start()).stream()
                .map(line -> line.replace(Integer.toString(port), "PORT")).toList();
    }

    /** What the runner prints up to its "Listening on" line; then it is stopped. */
    private static List<String> linesUntilListening(Process runner) throws Exception {
        try {
            List<String> out = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(runner.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    out.add(line);
                    if (line.startsWith("Listening on")) {
                        break;
                    }
                }
            }
            return out;
        } finally {
            runner.destroy();
            runner.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static ProcessBuilder java(List<String> mainAndArgs, int port) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LOCAL_DB", "memory");
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("ADMIN_TOKEN", "quiet-test-token");
        builder.environment().remove("AWS_ENDPOINT_URL");
        builder.environment().remove("AWS_ENDPOINT_URL_DYNAMODB");
        return builder;
    }
}
