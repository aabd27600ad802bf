package dev.newsroom.support;

import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every browser test starts from: the local runner over HTTP on a fresh in-memory database and a headless
 * Chromium. Starting skips the test class where no browser is installed; closing quits the browser, then stops the
 * runner.
 */
public record BrowserSession(HttpApi api, ChromeDriver browser) implements AutoCloseable {
    /** With {@code script} false, the browser runs no JavaScript at all (a reader who turned it off). */
    public static BrowserSession start(boolean script) throws Exception {
        assumeTrue(Chromium.installed(), Chromium.MISSING);
        HttpApi api = new HttpApi(null, Map.of());
        try {
            return new BrowserSession(api, Chromium.start(script));
        } catch (IOException | RuntimeException e) {
            api.close();
            throw e;
        }
    }

    /** Closes {@code session} when one was started (null after a skip or a failed start). */
    public static void close(BrowserSession session) {
        if (session != null) {
            session.close();
        }
    }

    /** The runner's address, as the browser reaches it. */
    public String base() {
        return "http://127.0.0.1:" + api.server.port();
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            api.close();
        }
    }
}
