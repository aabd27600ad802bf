package dev.newsroom.flow;

import dev.newsroom.support.BrowserSession;
import dev.newsroom.support.HttpApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The article page with HTML in it, in headless Chromium: the article's {@code bodyHtml} with the "See also" links
 * between its blocks, and comments' {@code contentHtml} shown as HTML but rebuilt by the widget from WordPress's
 * allowed comment tags. The HTML is put into the API's answers inside the browser (as if stored behind the API's
 * back), so the page's own handling is what is tested, whatever the server would have made.
 */
class RichContentBrowserTest {
    private static final String BODY = "<h2>What happened</h2><p>One <strong>strong</strong> point.</p><p>Two.</p>"
            + "<p>Three.</p><p>Four <img src=\"x\" onerror=\"window.__xss = 1\"></p>";
    private static final String COMMENT = "<p>Hello <a href=\"https://ok.example/\" onclick=\"window.__xss = 2\">ok</a>"
            + " <a href=\" javascript:window.__xss = 3\">bad</a> <img src=\"x\" onerror=\"window.__xss = 4\">"
            + "<script>window.__xss = 5</script> <em>em</em><br><span style=\"color: red\">kept text</span></p>"
            + "<blockquote cite=\"javascript:alert(1)\">quoted</blockquote><p><a href=\"mailto:a@example.com\">mail</a></p>";
    private static BrowserSession session;
    private static HttpApi api;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        session = BrowserSession.start(true);
        api = session.api();
        browser = session.browser();
        // Runs before the page's own scripts (and outside its CSP, as a browser extension would).
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                const realFetch = window.fetch;
                window.fetch = async function (url, init) {
                  const answer = await realFetch.apply(this, arguments);
                  const path = new URL(String(url), location.href).pathname;
                  if ((init && init.method && init.method !== 'GET') || !/^\\/articles\\/[^/]+(\\/comments)?$/.test(path)) {
                    return answer;
                  }
                  const json = await answer.json();
                  if (path.endsWith('/comments')) {
                    json.items.forEach(function (c) { c.contentHtml = %s; });
                  } else {
                    json.bodyHtml = %s;
                  }
                  return new Response(JSON.stringify(json), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
                };""".formatted(js(COMMENT), js(BODY))));
    }

    @AfterAll
    static void stop() {
        BrowserSession.close(session);
    }

    private static String js(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    void commentsHtml_isShownByTheWidget_onlyAsWordPressAllows() {
        browser.get("http://127.0.0.1:" + api.server.port() + "/embed.html?article=" + dev.newsroom.local.SampleData.LEAD_SLUG);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.textMatches(By.cssSelector(".nr-comments h2"), Pattern.compile("\\d+ Comments?")));
        JavascriptExecutor js = (JavascriptExecutor) browser;

        List<?> comments = (List<?>) js.executeScript("return Array.from(document.querySelectorAll('.nr-rich')).map(function (e) {"
                + " return e.innerHTML; });");
        assertEquals(3, comments.size(), "every comment of the sample thread");
        assertEquals("<p>Hello <a href=\"https://ok.example/\" rel=\"nofollow ugc\">ok</a> <a rel=\"nofollow ugc\">bad</a> "
                + "window.__xss = 5 <em>em</em><br>kept text</p><blockquote>quoted</blockquote>"
                + "<p><a href=\"mailto:a@example.com\" rel=\"nofollow ugc\">mail</a></p>", comments.get(0));
        assertNull(js.executeScript("return window.__xss === undefined ? null : window.__xss;"));
    }
}
