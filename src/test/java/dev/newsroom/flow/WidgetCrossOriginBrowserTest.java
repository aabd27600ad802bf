package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.newsroom.local.SampleData;
import dev.newsroom.support.Chromium;
import dev.newsroom.support.HttpApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The widget embedded on pages of other origins, as another site embeds it, with the runner started after
 * {@code CORS_ALLOWED_ORIGINS} named one of them (as the README says to): on that one the widget reads, posts (held)
 * and replies; on the other, which the variable does not name, the browser refuses the answers and the widget says
 * so. (The runner once put its own default in before the variable was read, which blocked every other origin.)
 */
class WidgetCrossOriginBrowserTest {
    private static HttpServer allowedSite;
    private static HttpServer otherSite;
    private static HttpApi api;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Chromium.installed(), Chromium.MISSING);
        allowedSite = site();
        otherSite = site();
        String previous = System.getProperty("CORS_ALLOWED_ORIGINS");
        System.setProperty("CORS_ALLOWED_ORIGINS", origin(allowedSite));
        try {
            api = new HttpApi(null, Map.of());
        } finally {
            if (previous == null) {
                System.clearProperty("CORS_ALLOWED_ORIGINS");
            } else {
                System.setProperty("CORS_ALLOWED_ORIGINS", previous);
            }
        }
        browser = Chromium.start(true);
        api.settings("\"moderateAll\":true,\"floodSeconds\":0");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (api != null) {
            api.close();
        }
        for (HttpServer site : new HttpServer[] {allowedSite, otherSite}) {
            if (site != null) {
                site.stop(0);
            }
        }
    }

    /** A page of its own origin that embeds the widget from the runner with the one tag. */
    private static HttpServer site() throws Exception {
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            String apiBase = "http://127.0.0.1:" + api.server.port();
            byte[] page = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Another site</title></head>"
                    + "<body><h1>Another site's story</h1><script src=\"" + apiBase + "/comments.js\" data-article=\""
                    + SampleData.LEAD_SLUG + "\" data-api=\"" + apiBase + "\"></script></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        site.start();
        return site;
    }

    private static String origin(HttpServer site) {
        return "http://127.0.0.1:" + site.getAddress().getPort();
    }

    @Test
    void onTheAllowedOrigin_theWidgetReadsPostsAndReplies() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        HttpApi.Answer staff = api.admin("POST", "/admin/comments/01M818K4H0SAMPLE0000000001/reply",
                "{\"content\":\"Thanks, corrected.\"}");
        assertEquals(201, staff.status(), staff.raw().body());
        browser.get(origin(allowedSite) + "/");
        wait.until(ExpectedConditions.textMatches(By.cssSelector(".nr-comments h2"), Pattern.compile("\\d+ Comments")));
        assertTrue(browser.findElements(By.cssSelector(".nr-comment")).size() >= 4);
        WebElement moderators = browser.findElement(By.id("comment-" + staff.json().path("id").asText()));
        assertEquals("Moderator", moderators.findElement(By.cssSelector(".nr-badge")).getText());
        assertEquals(1, browser.findElements(By.cssSelector(".nr-badge")).size(), "only the moderator's reply has it");
        WebElement when = browser.findElement(By.cssSelector(".nr-comment time"));
        assertFalse(when.getText().matches("\\d+/\\d+/\\d+.*"), "a written date, not " + when.getText());
        assertFalse(when.getAttribute("title").isBlank());
        WebElement avatar = browser.findElement(By.cssSelector(".nr-comment .nr-avatar"));
        assertEquals("40", avatar.getAttribute("height"));
        assertEquals("lazy", avatar.getAttribute("loading"));

        type("nr-content", "Posted from another site.");
        type("nr-authorName", "Adwoa");
        type("nr-authorEmail", "adwoa@example.com");
        browser.findElement(By.cssSelector("#respond button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".nr-notice"), "Your comment is awaiting moderation."));

        WebElement first = browser.findElement(By.cssSelector(".nr-comment"));
        String parentId = first.getAttribute("id").substring("comment-".length());
        first.findElement(By.cssSelector(".nr-reply")).click();
        type("nr-content", "A reply from another site.");
        browser.findElement(By.cssSelector("#respond button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".nr-notice"), "Your comment is awaiting moderation."));

        JsonNode pending = api.admin("GET", "/admin/comments?status=pending", null).json().path("items");
        boolean reply = false;
        for (JsonNode c : pending) {
            reply |= c.path("content").asText().equals("A reply from another site.") && c.path("parentId").asText().equals(parentId);
        }
        assertTrue(reply, pending.toString());
    }

    @Test
    void onAnOriginTheVariableDoesNotName_theBrowserRefusesTheAnswers_andTheWidgetSaysSo() {
        browser.get(origin(otherSite) + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".nr-comments h2"), "Comments could not be loaded"));
        assertEquals("The comments service could not be reached from this page. Please try again later.",
                browser.findElement(By.cssSelector(".nr-notice")).getText());
        assertFalse(browser.findElements(By.cssSelector(".nr-comment")).iterator().hasNext());
    }

    private static void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
