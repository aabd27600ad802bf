package dev.newsroom.support;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /** Saves what the browser shows now as {@code target/screenshots/<name>} (for people reading the build's output). */
    public void screenshot(String name) {
        screenshot(browser, name);
    }

    /**
     * Saves what {@code browser} shows now as {@code target/screenshots/<name>}; with {@code -Ddocs.screenshots=true}
     * also as {@code docs/images/<name>}, the pictures the README shows.
     */
    public static void screenshot(WebDriver browser, String name) {
        try {
            Path target = Path.of("target/screenshots", name);
            Files.createDirectories(target.getParent());
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            if (Boolean.getBoolean("docs.screenshots")) {
                Path docs = Path.of("docs/images", name);
                Files.createDirectories(docs.getParent());
                Files.copy(target, docs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
