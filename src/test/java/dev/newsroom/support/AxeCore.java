package dev.newsroom.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds axe-core's browser script ({@code axe.min.js}, npm package {@code axe-core}) for the accessibility checks:
 * the file {@code AXE_CORE_JS} names (system property or environment), else the project's {@code node_modules},
 * else npm's global folder ({@code npm root -g}). Null when none is found: the checks then skip and say so.
 */
public final class AxeCore {
    public static final String MISSING = "axe-core not found: run `npm install -g axe-core@4.10.3` (or set AXE_CORE_JS "
            + "to its axe.min.js) to run the accessibility checks";

    private AxeCore() {
    }

    public static String script() {
        for (Path candidate : candidates()) {
            if (Files.isRegularFile(candidate)) {
                try {
                    return Files.readString(candidate);
                } catch (IOException e) {
                    // the next candidate
                }
            }
        }
        return null;
    }

    private static List<Path> candidates() {
        List<Path> paths = new ArrayList<>();
        String named = System.getProperty("AXE_CORE_JS", System.getenv("AXE_CORE_JS"));
        if (named != null && !named.isBlank()) {
            paths.add(Path.of(named));
        }
        paths.add(Path.of("node_modules", "axe-core", "axe.min.js"));
        String globalRoot = npmGlobalRoot();
        if (globalRoot != null) {
            paths.add(Path.of(globalRoot, "axe-core", "axe.min.js"));
        }
        return paths;
    }

    private static String npmGlobalRoot() {
        try {
            Process npm = new ProcessBuilder("npm", "root", "-g").redirectErrorStream(true).start();
            String out = new String(npm.getInputStream().readAllBytes()).trim();
            return npm.waitFor(20, TimeUnit.SECONDS) && npm.exitValue() == 0 && !out.isEmpty() ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
