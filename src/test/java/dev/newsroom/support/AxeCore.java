package dev.newsroom.support;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Deque's axe-core (the npm package {@code axe-core}) run inside the page a browser test shows. Found at the path
 * in the system property {@code axe.core} or the environment variable {@code AXE_CORE}, else in the project's
 * {@code node_modules}, else in npm's global folders; a test that needs it is skipped, saying how to install it,
 * where it is not.
 */
public final class AxeCore {
    /** Why accessibility checks are skipped where axe-core is not found. */
    public static final String MISSING = "axe-core not found: run `npm install -g axe-core@4.10.3` (or set AXE_CORE to axe.min.js)";
    private static final String FILE = "axe-core/axe.min.js";

    private AxeCore() {
    }

    public static Optional<Path> locate() {
        Stream<String> given = Stream.of(System.getProperty("axe.core"), System.getenv("AXE_CORE"));
        Stream<String> folders = Stream.of("node_modules/" + FILE, "/usr/lib/node_modules/" + FILE,
                "/usr/local/lib/node_modules/" + FILE, System.getProperty("user.home") + "/.npm-global/lib/node_modules/" + FILE);
        return Stream.concat(given, folders).filter(p -> p != null && !p.isBlank()).map(Path::of)
                .filter(Files::isRegularFile).findFirst();
    }

    /** Skips the calling test where axe-core is not installed. */
    public static void assumeInstalled() {
        assumeTrue(locate().isPresent(), MISSING);
    }

    /**
     * The violations of WCAG 2.0/2.1 A and AA and axe's best practices on the page as it is now, one line each
     * ({@code rule: target…}); empty when there are none.
     */
    @SuppressWarnings("unchecked")
    public static List<String> violations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        try {
            js.executeScript(Files.readString(locate().orElseThrow()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
                  .then(function (r) {
                    done(r.violations.map(function (v) {
                      return v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');
                    }));
                  }, function (e) { done(['axe failed: ' + e]); });""");
        return new ArrayList<>((List<String>) result);
    }
}
