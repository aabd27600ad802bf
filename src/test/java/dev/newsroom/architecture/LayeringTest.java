package dev.newsroom.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hexagon holds: domain and application code never import AWS or Jackson types. */
class LayeringTest {
    private static final List<String> FORBIDDEN = List.of("software.amazon", "com.amazonaws", "com.fasterxml");

    @Test
    void domainAndApplication_importNoAwsOrJacksonTypes() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (String layer : List.of("domain", "application")) {
            try (Stream<Path> sources = Files.walk(Path.of("src/main/java/dev/newsroom", layer))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    for (String line : Files.readAllLines(source)) {
                        String code = line.trim();
                        boolean mentions = FORBIDDEN.stream().anyMatch(code::contains);
                        if ((code.startsWith("import") || !code.startsWith("*")) && mentions) {
                            violations.add(source + ": " + code);
                        }
                    }
                }
            }
        }
        assertTrue(files > 10, "the layers were not found");
        assertEquals(List.of(), violations);
    }
}
