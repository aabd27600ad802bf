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
        Process runner = builder.redirectError(errors.toFile()).start();
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
            assertEquals(List.of("Listening on http://127.0.0.1:" + port), out);
        } finally {
            runner.destroy();
            runner.waitFor(20, TimeUnit.SECONDS);
        }
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
