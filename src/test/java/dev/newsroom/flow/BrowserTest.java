package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.adapter.out.dynamodb.CursorCodec;
import dev.newsroom.adapter.out.dynamodb.DynamoArticleRepository;
import dev.newsroom.application.port.CommentSubmission;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.ArticleStatus;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentHtml;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.Source;
import dev.newsroom.local.SampleData;
import dev.newsroom.support.BrowserSession;
import dev.newsroom.support.HttpApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The comments widget, embedded on a plain page (web/embed.html) as another site embeds it, in a real headless Chromium (Debian's chromium and
 * chromium-driver), against the local runner. Skipped with a reason where no browser is installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
    private static final String PAYLOAD = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";
    private static BrowserSession session;
    private static HttpApi api;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        session = BrowserSession.start(true);
        api = session.api();
        browser = session.browser();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        BrowserSession.close(session);
    }

    @Test
    @Order(1)
    void readerCommentsOnTheArticlePage_andModeratedCommentAppears_andXssStaysText() throws Exception {
        // The flood window is set, not assumed: the second post below must be refused however slow the machine.
        settings("\"floodSeconds\":3600");
        String base = "http://127.0.0.1:" + api.server.port();
        browser.get(base + "/embed.html?article=" + SampleData.LEAD_SLUG);
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".nr-comments h2"), "3 Comments"));
        assertTrue(browser.getPageSource().contains("Your email address will not be published. Required fields are marked *"));
        assertEquals(1, browser.findElements(By.cssSelector(".nr-depth-2")).size());

        type("nr-content", "I read the whole piece.");
        type("nr-authorName", "Esi");
        submit();
        wait.until(ExpectedConditions.textToBe(By.id("nr-authorEmail-error"), "Please fill the required fields."));

        type("nr-authorEmail", "esi@example.com");
        browser.findElement(By.id("nr-remember")).click();
        submit();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".nr-notice"), "Your comment is awaiting moderation."));

        type("nr-content", "And one more thought.");
        submit();
        wait.until(ExpectedConditions.textMatches(By.cssSelector(".nr-notice"), java.util.regex.Pattern.compile("You are posting comments too quickly.*")));

        JsonNode pending = api.admin("GET", "/admin/comments?status=pending", null).json().path("items").get(0);
        assertEquals("I read the whole piece.", pending.path("content").asText());
        assertEquals(200, api.admin("PATCH", "/admin/comments/" + pending.path("id").asText(),
                "{\"status\":\"approved\",\"version\":" + pending.path("version").asLong() + "}").status());
        settings("\"floodSeconds\":0");

        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".nr-comments h2"), "4 Comments"));
        assertTrue(browser.findElement(By.id("comment-" + pending.path("id").asText())).getText().contains("I read the whole piece."));
        assertEquals("Esi", browser.findElement(By.id("nr-authorName")).getAttribute("value"));

        type("nr-content", PAYLOAD);
        submit();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".nr-comments h2"), "5 Comments"));
        List<WebElement> contents = browser.findElements(By.cssSelector(".nr-content"));
        // Shown as WordPress shows it (the comment's contentHtml): tags it does not allow removed, their text kept.
        assertEquals("window.__xss=2", contents.get(contents.size() - 1).getText());
        assertEquals(PAYLOAD, api.get("/articles/" + SampleData.LEAD_SLUG + "/comments?order=desc&limit=1").json()
                .path("items").get(0).path("content").asText(), "content stays as typed");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertNull(js.executeScript("return window.__xss === undefined ? null : window.__xss;"));
        assertEquals(0L, js.executeScript("return document.querySelectorAll('.nr-content img, .nr-content script').length;"));

        BrowserSession.screenshot(browser, "widget.png");
        assertTrue(Files.size(Path.of("target/screenshots/widget.png")) > 10_000);
    }

    @Test
    @Order(3)
    void pagesWorkUnderTheirContentSecurityPolicy() {
        String base = "http://127.0.0.1:" + api.server.port();
        browserLog();
        browser.get(base + "/embed.html?article=" + SampleData.LEAD_SLUG);
        wait.until(ExpectedConditions.textMatches(By.cssSelector(".nr-comments h2"), Pattern.compile("\\d+ Comments?")));
        assertTrue(browser.findElements(By.cssSelector(".nr-comment")).size() >= 3);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertEquals("absolute", js.executeScript("return getComputedStyle(document.querySelector('.nr-hp')).position;"),
                "the honeypot is still hidden");
        List<String> articleLog = browserLog();
        assertTrue(articleLog.stream().noneMatch(l -> l.contains("Content Security Policy")), articleLog.toString());

        // The policy is in force: an inline script is refused (and reported); ConsoleBrowserTest checks the console.
        for (String page : List.of("/embed.html", "/news/" + SampleData.LEAD_SLUG, "/")) {
            browser.get(base + page);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.site")));
            js.executeScript("var s = document.createElement('script'); s.textContent = 'window.__inline = 1;';"
                    + " document.body.appendChild(s);");
            assertNull(js.executeScript("return window.__inline === undefined ? null : window.__inline;"), page);
            assertTrue(browserLog().stream().anyMatch(l -> l.contains("Content Security Policy")), page);
        }
    }

    @Test
    @Order(4)
    void lostAnswer_theRetryCarriesTheSameKey_andTheReaderSeesTheFirstAnswer() {
        String slug = "sahel-leaders-meet-on-regional-security";
        // No flood window: without the replay, the retry would be refused as a duplicate.
        settings("\"floodSeconds\":0,\"requirePreviouslyApproved\":false");
        browser.get("http://127.0.0.1:" + api.server.port() + "/embed.html?article=" + slug);
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".nr-comments h2"), "0 Comments"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        // The first POST reaches the server, but its answer never reaches the page (a dropped connection).
        js.executeScript("""
                window.__keys = [];
                var realFetch = window.fetch, dropped = false;
                window.fetch = function (url, init) {
                  var answer = realFetch.apply(this, arguments);
                  if (init && init.method === 'POST') {
                    window.__keys.push(init.headers['Idempotency-Key']);
                    if (!dropped) {
                      dropped = true;
                      return answer.then(function () { throw new TypeError('Failed to fetch'); });
                    }
                  }
                  return answer;
                };""");
        type("nr-content", "Sent once, answered twice.");
        type("nr-authorName", "Yaw");
        type("nr-authorEmail", "yaw@example.com");
        submit();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".nr-notice"),
                "Sorry, your comment could not be sent. Please check your connection and try again."));
        submit();
        wait.until(ExpectedConditions.not(ExpectedConditions.textMatches(By.cssSelector(".nr-notice"), Pattern.compile("^$|Sorry.*"))));
        List<?> keys = (List<?>) js.executeScript("return window.__keys;");
        assertEquals(2, keys.size());
        assertEquals(keys.get(0), keys.get(1), "the retry reuses the submission's Idempotency-Key");
        assertEquals("Your comment is published.", browser.findElement(By.cssSelector(".nr-notice")).getText());
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".nr-comments h2"), "1 Comment"));
        assertEquals(1, browser.findElements(By.cssSelector(".nr-comment")).size());
        assertEquals(1, api.get("/articles/" + slug + "/comments").json().path("total").asInt(), "stored once");
        for (String status : List.of("pending", "spam")) {
            assertEquals(0, api.admin("GET", "/admin/comments?status=" + status + "&article=" + slug, null)
                    .json().path("items").size(), status);
        }

        // After that answer, new content is a new submission with a new key; "too quickly" keeps it for the retry.
        settings("\"floodSeconds\":3600");
        type("nr-content", "And a second thought.");
        submit();
        wait.until(ExpectedConditions.textMatches(By.cssSelector(".nr-notice"), Pattern.compile("You are posting comments too quickly.*")));
        js.executeScript("document.querySelector('.nr-notice').textContent = '';");
        submit();
        wait.until(ExpectedConditions.textMatches(By.cssSelector(".nr-notice"), Pattern.compile("You are posting comments too quickly.*")));
        keys = (List<?>) js.executeScript("return window.__keys;");
        assertEquals(4, keys.size());
        assertNotEquals(keys.get(0), keys.get(2));
        assertEquals(keys.get(2), keys.get(3));
        settings("\"floodSeconds\":0");
    }

    @Test
    @Order(5)
    void onlyHttpUrlsBecomeLinks_evenWhenStoredUnchecked() {
        // Stored through the repositories: the API itself refuses these URLs.
        String slug = "hostile-urls-test";
        AppContext app = api.server.app();
        Instant now = Instant.now();
        new DynamoArticleRepository(app.dynamo(), software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient.builder()
                .dynamoDbClient(app.dynamo()).extensions().build(), app.config().tableName(), new CursorCodec(app.config().cursorSecret()))
                .create(new Article(slug, "Hostile URLs", "Links that are not links.", List.of("Body."), List.of("Test"),
                        new Source("Evil", "javascript:window.__xss=4"), List.of(), List.of(), ArticleStatus.PUBLISHED, true,
                        now.minusSeconds(60), now.minusSeconds(60), 0, 1, "<p>Body.</p>", null));
        List<String> urls = List.of("javascript:window.__xss=3", " JaVaScRiPt:window.__xss=5", "data:text/html,<b>x</b>",
                "https://ok.example/");
        for (int n = 0; n < urls.size(); n++) {
            storeApproved(slug, n, "Author " + n, urls.get(n), "Comment " + n);
        }
        browser.get("http://127.0.0.1:" + api.server.port() + "/embed.html?article=" + slug);
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".nr-comments h2"), "4 Comments"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertEquals(List.of("https://ok.example/"), js.executeScript(
                "return Array.from(document.querySelectorAll('.nr-meta a')).map(function (a) { return a.getAttribute('href'); });"));
        assertEquals(0L, js.executeScript("return Array.from(document.querySelectorAll('a[href]')).filter(function (e) {"
                + " return !/^(https?:|#|\\?|\\/|[a-z.]+\\.html$)/i.test(e.getAttribute('href')); }).length;"));
        assertEquals("Author 0", browser.findElement(By.cssSelector("#comment-" + commentId(0) + " .nr-meta span")).getText());
        for (WebElement name : browser.findElements(By.cssSelector(".nr-meta strong > span"))) {
            name.click();
        }
        assertNull(js.executeScript("return window.__xss === undefined ? null : window.__xss;"));

        // The served page, from the same stored values: the source and the names stay text there too.
        browser.get("http://127.0.0.1:" + api.server.port() + "/news/" + slug);
        assertEquals("Source: Evil", browser.findElement(By.cssSelector(".byline .source")).getText());
        assertEquals(0, browser.findElements(By.cssSelector(".byline .source a")).size());
        assertEquals(List.of("https://ok.example/"), js.executeScript(
                "return Array.from(document.querySelectorAll('.comment-author a')).map(function (a) { return a.getAttribute('href'); });"));
        for (WebElement name : browser.findElements(By.cssSelector(".comment-author .fn:not(:has(a))"))) {
            name.click();
        }
        assertNull(js.executeScript("return window.__xss === undefined ? null : window.__xss;"));
    }

    @Test
    @Order(6)
    void loadMore_clickedTwiceWhileLoading_addsEachCommentOnce() {
        String slug = "cocoa-prices-climb-as-harvest-forecasts-fall";
        for (int n = 0; n < 55; n++) {
            storeApproved(slug, 100 + n, "Reader " + n, null, "Comment number " + n);
        }
        browser.get("http://127.0.0.1:" + api.server.port() + "/embed.html?article=" + slug);
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".nr-comments h2"), "55 Comments"));
        assertEquals(50, browser.findElements(By.cssSelector(".nr-comment")).size());
        JavascriptExecutor js = (JavascriptExecutor) browser;
        // Pages after the first arrive slowly, so the second click lands while the first is loading.
        js.executeScript("""
                window.__pages = 0;
                var realFetch = window.fetch;
                window.fetch = function (url) {
                  var answer = realFetch.apply(this, arguments);
                  if (String(url).indexOf('cursor=') >= 0) {
                    window.__pages++;
                    return answer.then(function (r) { return new Promise(function (ok) { setTimeout(function () { ok(r); }, 800); }); });
                  }
                  return answer;
                };""");
        WebElement more = browser.findElement(By.cssSelector(".nr-more"));
        js.executeScript("arguments[0].scrollIntoView({block: 'center'});", more);
        new Actions(browser).doubleClick(more).perform();
        assertTrue(more.getAttribute("disabled") != null, "disabled while the page loads");
        wait.until(ExpectedConditions.invisibilityOf(more));
        List<String> ids = browser.findElements(By.cssSelector(".nr-comment")).stream().map(e -> e.getAttribute("id")).toList();
        assertEquals(55, ids.size());
        assertEquals(55, new HashSet<>(ids).size());
        assertEquals(1L, js.executeScript("return window.__pages;"));
    }

    /** Changes discussion settings through the admin API, naming the version it replaces. */
    private static void settings(String fields) {
        long version = api.admin("GET", "/admin/settings", null).json().path("version").asLong();
        HttpApi.Answer answer = api.admin("PUT", "/admin/settings", "{" + fields + ",\"version\":" + version + "}");
        assertEquals(200, answer.status(), answer.raw().body());
    }

    private static String commentId(int n) {
        String suffix = "BRWSRTEST" + n;
        return SampleData.timePrefix(SampleData.PUBLISHED.toEpochMilli() + n * 1000L)
                + "0".repeat(16 - suffix.length()) + suffix;
    }

    /** An approved comment stored directly, as the repository takes it (no rules applied). */
    private static void storeApproved(String slug, int n, String name, String url, String content) {
        Instant at = SampleData.PUBLISHED.plusSeconds(n);
        Comment c = new Comment(commentId(n), slug, null, 1, name, "reader" + n + "@example.com", url, content,
                CommentStatus.APPROVED, "192.0.2.1", "browser-test", at, at, "browser-test", at, 1, null,
                CommentHtml.format(content), false);
        api.server.app().commentRepository().submit(new CommentSubmission(c, 0, at, null));
    }

    /** The browser console since the last call. */
    private static List<String> browserLog() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    private static void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void submit() {
        browser.findElement(By.cssSelector("#respond button[type=submit]")).click();
    }
}
