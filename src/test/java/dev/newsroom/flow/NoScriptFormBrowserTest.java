package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.local.SampleData;
import dev.newsroom.support.BrowserSession;
import dev.newsroom.support.Chromium;
import dev.newsroom.support.HttpApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo page's own form in headless Chromium with JavaScript turned off, against the local runner: the reader
 * fills the static form, posts it, and lands back on the article page at the comment (or on an error page with a
 * link back); then, with script on, the widget takes the form over and says what the landing means.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoScriptFormBrowserTest {
    private static BrowserSession session;
    private static HttpApi api;
    private static WebDriver noScript;
    private static String base;
    private static String publishedId;

    @BeforeAll
    static void start() throws Exception {
        session = BrowserSession.start(false);
        api = session.api();
        noScript = session.browser();
        base = session.base();
    }

    @AfterAll
    static void stop() {
        BrowserSession.close(session);
    }

    @Test
    @Order(1)
    void heldComment_landsOnTheArticleAtTheComment_markedHeld() {
        noScript.get(base + "/");
        assertEquals("Loading\u2026", noScript.findElement(By.id("headline")).getText(), "no script ran");
        assertTrue(noScript.findElement(By.cssSelector(".noscript")).isDisplayed(), "the page says what needs script");
        fill("comment", "Posted with JavaScript turned off.");
        fill("author", "Abena");
        fill("email", "abena@example.com");
        noScript.findElement(By.cssSelector("#commentform button[type=submit]")).click();

        new WebDriverWait(noScript, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("#comment-"));
        JsonNode held = api.admin("GET", "/admin/comments?status=pending&article=" + SampleData.LEAD_SLUG, null)
                .json().path("items").get(0);
        assertEquals("Posted with JavaScript turned off.", held.path("content").asText());
        assertEquals(base + "/?moderation=held#comment-" + held.path("id").asText(), noScript.getCurrentUrl());
    }

    @Test
    @Order(2)
    void publishedComment_landsAtTheComment() {
        settings("\"floodSeconds\":0,\"requirePreviouslyApproved\":false");
        noScript.get(base + "/");
        fill("comment", "Published at once, no script needed.");
        fill("author", "Kofi");
        fill("email", "kofi@example.com");
        fill("url", "https://kofi.example");
        noScript.findElement(By.cssSelector("#commentform button[type=submit]")).click();

        new WebDriverWait(noScript, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("#comment-"));
        String url = noScript.getCurrentUrl();
        String id = url.substring(url.indexOf("#comment-") + "#comment-".length());
        assertEquals(base + "/#comment-" + id, url);
        JsonNode comment = api.get("/articles/" + SampleData.LEAD_SLUG + "/comments?order=desc&limit=1").json()
                .path("items").get(0);
        assertEquals(id, comment.path("id").asText());
        assertEquals("Kofi", comment.path("authorName").asText());
        publishedId = id;
    }

    @Test
    @Order(3)
    void validationError_showsTheErrorPage_withALinkBack() {
        noScript.get(base + "/");
        fill("comment", "Who am I?");
        fill("author", "Esi");
        noScript.findElement(By.cssSelector("#commentform button[type=submit]")).click();

        new WebDriverWait(noScript, Duration.ofSeconds(20)).until(ExpectedConditions.titleIs("Comment Submission Failure"));
        assertEquals("Error: Please fill the required fields.", noScript.findElement(By.cssSelector("p")).getText());
        noScript.findElement(By.linkText("\u00ab Back")).click();
        new WebDriverWait(noScript, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(base + "/"));
        assertEquals(1, noScript.findElements(By.id("commentform")).size());
    }

    @Test
    @Order(4)
    void withScript_theWidgetTakesTheFormOver_andShowsTheLanding() throws Exception {
        WebDriver browser = Chromium.start(true);
        try {
            browser.get(base + "/?moderation=held#comment-" + "0".repeat(26));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.textToBe(By.cssSelector(".nr-notice"), "Your comment is awaiting moderation."));
            assertEquals(0, browser.findElements(By.cssSelector("[data-comments-fallback], #commentform")).size());
            assertEquals(1, browser.findElements(By.cssSelector("form")).size(), "the widget's form only");

            browser.get(base + "/#comment-" + publishedId);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("comment-" + publishedId)));
            assertTrue(browser.findElement(By.id("comment-" + publishedId)).getText().contains("Published at once, no script needed."));
        } finally {
            browser.quit();
        }
    }

    private static void fill(String id, String text) {
        noScript.findElement(By.id(id)).sendKeys(text);
    }

    private static void settings(String fields) {
        long version = api.admin("GET", "/admin/settings", null).json().path("version").asLong();
        HttpApi.Answer answer = api.admin("PUT", "/admin/settings", "{" + fields + ",\"version\":" + version + "}");
        assertEquals(200, answer.status(), answer.raw().body());
    }
}
