package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.local.SampleData;
import dev.newsroom.support.HttpApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo article page and the comments widget in a real headless Chromium (Debian's chromium and
 * chromium-driver), against the local runner. Skipped with a reason where no browser is installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String PAYLOAD = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";
    private static HttpApi api;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no browser: install Debian's chromium and chromium-driver to run the browser tests");
        api = new HttpApi(null, Map.of());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1100,2600",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    @Order(1)
    void readerCommentsOnTheArticlePage_andModeratedCommentAppears_andXssStaysText() throws Exception {
        // The flood window is set, not assumed: the second post below must be refused however slow the machine.
        settings("\"floodSeconds\":3600");
        String base = "http://127.0.0.1:" + api.server.port();
        browser.get(base + "/");
        wait.until(ExpectedConditions.textToBe(By.id("headline"), "Wagner to Withdraw From Mali After \u2018Completing Mission\u2019"));
        assertEquals(List.of("Latest News", "Lead Story"), browser.findElements(By.cssSelector(".category")).stream()
                .map(e -> e.getAttribute("textContent")).toList());
        assertEquals(3, browser.findElements(By.cssSelector(".see-also a")).size());
        assertEquals("Source: BBC", browser.findElement(By.id("source")).getText());
        assertEquals(3, browser.findElements(By.cssSelector("#related-list li")).size());
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
        assertEquals(PAYLOAD, contents.get(contents.size() - 1).getText());
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertNull(js.executeScript("return window.__xss === undefined ? null : window.__xss;"));
        assertEquals(0L, js.executeScript("return document.querySelectorAll('.nr-content img, .nr-content script').length;"));

        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target/screenshots/article-page.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(target) > 10_000);
    }

    @Test
    @Order(2)
    void moderatorPage_approvesFromTheQueue() {
        String base = "http://127.0.0.1:" + api.server.port();
        assertEquals(202, api.send("POST", "/articles/" + SampleData.LEAD_SLUG + "/comments",
                "{\"authorName\":\"Kwame\",\"authorEmail\":\"kwame@example.com\",\"content\":\"Queue me\"}").status());
        browser.get(base + "/moderate.html");
        browser.findElement(By.id("token")).sendKeys(HttpApi.TOKEN);
        browser.findElement(By.cssSelector("#signin button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#queue li button")));
        browser.findElement(By.cssSelector("#queue li button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Nothing is waiting for moderation."));
        assertEquals(0, api.admin("GET", "/admin/comments?status=pending", null).json().path("items").size());
    }

    /** Changes discussion settings through the admin API, naming the version it replaces. */
    private static void settings(String fields) {
        long version = api.admin("GET", "/admin/settings", null).json().path("version").asLong();
        HttpApi.Answer answer = api.admin("PUT", "/admin/settings", "{" + fields + ",\"version\":" + version + "}");
        assertEquals(200, answer.status(), answer.raw().body());
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
