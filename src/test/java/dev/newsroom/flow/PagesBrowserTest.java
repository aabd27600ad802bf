package dev.newsroom.flow;

import dev.newsroom.local.SampleData;
import dev.newsroom.support.AxeCore;
import dev.newsroom.support.BrowserSession;
import dev.newsroom.support.Chromium;
import dev.newsroom.support.HttpApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The served pages in headless Chromium against the local runner, with JavaScript off (one browser) and on
 * (another, with its own profile), at desktop and phone widths: posting a published, a held and a refused comment,
 * replying, the held preview seen by its author and by no other browser, the script's enhancements (reply moves the
 * form, the held comment stays across reloads, nothing shifts), and axe-core's accessibility rules.
 */
class PagesBrowserTest {
    private static final String LEAD = "/news/" + SampleData.LEAD_SLUG;
    private static final Dimension DESKTOP = new Dimension(1100, 1400);
    private static final Dimension PHONE = new Dimension(390, 844);
    private static BrowserSession session;
    private static HttpApi api;
    private static WebDriver noScript;
    private static ChromeDriver withScript;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        session = BrowserSession.start(false);
        api = session.api();
        noScript = session.browser();
        withScript = Chromium.start(true);
        base = session.base();
    }

    @AfterAll
    static void stop() {
        if (withScript != null) {
            withScript.quit();
        }
        BrowserSession.close(session);
    }

    @BeforeEach
    void openDiscussion() {
        api.settings("\"moderateAll\":false,\"requirePreviouslyApproved\":false,\"floodSeconds\":0,\"threadDepth\":5,"
                + "\"commentsPerPage\":50");
        noScript.manage().window().setSize(DESKTOP);
        withScript.manage().window().setSize(DESKTOP);
    }

    @Test
    void withoutScript_aPublishedComment_landsAtItsAnchor_onDesktopAndPhone() {
        for (Dimension size : List.of(DESKTOP, PHONE)) {
            noScript.manage().window().setSize(size);
            noScript.get(base + LEAD);
            String text = "Seen at width " + size.getWidth();
            fill(noScript, "comment", text);
            fill(noScript, "author", "Abena");
            fill(noScript, "email", "abena@example.com");
            submitWithoutScript();
            Matcher at = Pattern.compile(Pattern.quote(base + LEAD) + "#comment-([0-9A-Z]+)").matcher(noScript.getCurrentUrl());
            assertTrue(at.matches(), noScript.getCurrentUrl());
            WebElement comment = noScript.findElement(By.id("comment-" + at.group(1)));
            assertEquals(text, comment.findElement(By.cssSelector(".comment-content")).getText());
            assertTrue(inViewport(noScript, comment), "the page opens at the new comment");
        }
    }

    /** A reader follows the comments feed's link to a comment that is on a later page, on a phone, script off and on. */
    @Test
    void theFeedsLinkToACommentOnALaterPage_opensThatPageAtTheComment_onAPhone_withAndWithoutScript() {
        api.settings("\"commentsPerPage\":1");
        String posted = api.send("POST", LEAD, "author=Yaw&email=yaw%40example.com&url=&comment=Found+on+its+page.&comment_parent=0",
                "Content-Type", "application/x-www-form-urlencoded").header("Location");
        String id = posted.replaceAll(".*#comment-", "");
        Matcher link = Pattern.compile("<link>([^<]*\\?comment=" + id + "#comment-" + id + ")</link>")
                .matcher(api.get(LEAD + "/feed").raw().body());
        assertTrue(link.find(), "the feed links the new comment");
        for (WebDriver browser : List.of(noScript, withScript)) {
            browser.manage().window().setSize(PHONE);
            browser.get(link.group(1));
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "complete".equals(
                    ((JavascriptExecutor) d).executeScript("return document.readyState;")));
            assertTrue(browser.getCurrentUrl().matches(Pattern.quote(base + LEAD) + "\\?cpage=[0-9]+#comment-" + id),
                    browser.getCurrentUrl());
            WebElement comment = browser.findElement(By.id("comment-" + id));
            assertEquals("Found on its page.", comment.findElement(By.cssSelector(".comment-content")).getText());
            assertTrue(inViewport(browser, comment), "the page opens at the comment");
        }
    }

    @Test
    void withoutScript_aRefusedComment_showsEachMessageBesideItsField_andKeepsTheText() {
        noScript.manage().window().setSize(PHONE);
        noScript.get(base + LEAD);
        fill(noScript, "comment", "Worth keeping.");
        fill(noScript, "author", "Kwame");
        submitWithoutScript();
        assertEquals("Worth keeping.", noScript.findElement(By.id("comment")).getAttribute("value"));
        assertEquals("Kwame", noScript.findElement(By.id("author")).getAttribute("value"));
        assertFalse(noScript.findElement(By.id("email-error")).getText().isBlank());
        assertEquals("email-error", noScript.findElement(By.id("email")).getAttribute("aria-describedby"));
    }

    @Test
    void withoutScript_replyOnAPhone_opensTheFormUnderTheComment_andTheReplyNestsThere() {
        noScript.manage().window().setSize(PHONE);
        noScript.get(base + LEAD);
        WebElement first = noScript.findElement(By.cssSelector("ol.comment-list > li.comment"));
        String parentId = first.getAttribute("id");
        first.findElement(By.cssSelector(":scope > article .comment-reply-link")).click();
        assertTrue(noScript.getCurrentUrl().contains("?replytocom=" + parentId.substring("comment-".length())));
        WebElement form = noScript.findElement(By.cssSelector("#" + parentId + " > #respond"));
        assertTrue(inViewport(noScript, form), "the form is where the reader is, not thousands of pixels below");
        fill(noScript, "comment", "A reply without script.");
        fill(noScript, "author", "Efua");
        fill(noScript, "email", "efua@example.com");
        submitWithoutScript();
        String id = noScript.getCurrentUrl().replaceAll(".*#", "");
        assertNotNull(noScript.findElement(By.cssSelector("#" + parentId + " > ol.children > #" + id)));
    }

    @Test
    void withoutScript_aHeldComment_isPreviewedForItsAuthor_andNoOtherBrowserSeesIt() {
        api.settings("\"moderateAll\":true");
        noScript.get(base + LEAD);
        fill(noScript, "comment", "Waiting for a moderator.");
        fill(noScript, "author", "Yaa");
        fill(noScript, "email", "yaa@example.com");
        submitWithoutScript();
        String url = noScript.getCurrentUrl();
        assertTrue(url.matches(Pattern.quote(base + LEAD) + "\\?unapproved=[0-9A-Z]+&moderation-hash=[0-9a-f]{32}#comment-[0-9A-Z]+"), url);
        String id = url.replaceAll(".*#", "");
        WebElement held = noScript.findElement(By.id(id));
        assertTrue(held.getText().contains("Your comment is awaiting moderation. This is a preview"), held.getText());
        assertTrue(inViewport(noScript, held));

        withScript.get(base + LEAD);
        assertTrue(withScript.findElements(By.id(id)).isEmpty(), "another reader never sees it");
        withScript.get(url.substring(0, url.indexOf("&moderation-hash")));
        assertTrue(withScript.findElements(By.id(id)).isEmpty(), "not without the hash");
    }

    @Test
    void withScript_replyMovesTheFormUnderTheComment_andCancelMovesItBack_withoutNavigatingOrShifting() {
        withScript.get(base + LEAD);
        waitForScript();
        JavascriptExecutor js = withScript;
        WebElement first = withScript.findElement(By.cssSelector("ol.comment-list > li.comment"));
        String id = first.getAttribute("id").substring("comment-".length());
        first.findElement(By.cssSelector(":scope > article .comment-reply-link")).click();
        assertEquals(base + LEAD, withScript.getCurrentUrl(), "no page load");
        assertEquals("comment-" + id, js.executeScript("return document.getElementById('respond').parentElement.id;"));
        assertEquals(id, withScript.findElement(By.id("comment_parent")).getAttribute("value"));
        assertEquals("comment", js.executeScript("return document.activeElement.id;"));
        withScript.findElement(By.id("cancel-comment-reply-link")).click();
        assertEquals("comments", js.executeScript("return document.getElementById('respond').parentElement.id;"));
        assertEquals("0", withScript.findElement(By.id("comment_parent")).getAttribute("value"));
        assertFalse(withScript.findElement(By.id("cancel-comment-reply-link")).isDisplayed());

        withScript.get(base + LEAD);
        waitForScript();
        Object shift = js.executeAsyncScript("const done = arguments[arguments.length - 1]; let sum = 0;"
                + "new PerformanceObserver((list) => { for (const e of list.getEntries()) { if (!e.hadRecentInput) { sum += e.value; } } })"
                + ".observe({ type: 'layout-shift', buffered: true }); setTimeout(() => done(sum), 700);");
        assertTrue(((Number) shift).doubleValue() <= 0.02, "cumulative layout shift " + shift);
    }

    @Test
    void withScript_aHeldComment_staysInPlaceForItsAuthorAcrossReloads_only() {
        api.settings("\"moderateAll\":true");
        withScript.manage().window().setSize(PHONE);
        withScript.get(base + LEAD);
        fill(withScript, "comment", "Held, and kept in this browser.");
        fill(withScript, "author", "Kojo");
        fill(withScript, "email", "kojo@example.com");
        withScript.findElement(By.id("submit")).click();
        String id = withScript.getCurrentUrl().replaceAll(".*#", "");
        assertTrue(withScript.getCurrentUrl().contains("moderation-hash="), withScript.getCurrentUrl());

        withScript.get(base + LEAD);
        new WebDriverWait(withScript, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        WebElement held = withScript.findElement(By.id(id));
        assertNotNull(held.getAttribute("data-held"));
        assertTrue(held.getText().contains("Your comment is awaiting moderation."), held.getText());
        noScript.get(base + LEAD);
        assertTrue(noScript.findElements(By.id(id)).isEmpty(), "another browser does not see it");
    }

    /**
     * A reader on a later page of the thread, script off and on, phone and desktop, clicking with no pause: a
     * comment's date link keeps them on that page at the comment, "Older comments" goes back a page, and a
     * comment's lasting link answered slowly by the server still lands on its page; axe-core finds nothing there.
     */
    @Test
    void onALaterThreadPage_theDateLinkStaysThere_andASlowCommentLinkLandsOnItsPage() {
        api.settings("\"commentsPerPage\":1");
        String later = LEAD + "?cpage=2";
        for (WebDriver browser : List.of(noScript, withScript)) {
            for (Dimension size : List.of(PHONE, DESKTOP)) {
                browser.manage().window().setSize(size);
                browser.get(base + later);
                WebElement first = browser.findElement(By.cssSelector("li.comment"));
                String id = first.getAttribute("id");
                first.findElement(By.cssSelector(".comment-metadata a")).click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("#" + id));
                assertEquals(base + later + "#" + id, browser.getCurrentUrl(), size.getWidth() + " px");
                assertTrue(inViewport(browser, browser.findElement(By.id(id))), "the date link shows its comment");
                browser.findElement(By.cssSelector(".nav-previous")).click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("cpage=2"));
                assertTrue(browser.findElements(By.id(id)).isEmpty(), "page 1 holds another comment");

                api.server.delayNextAnswer("comment=", Duration.ofMillis(1_500));
                browser.get(base + LEAD + "?comment=" + id.substring("comment-".length()) + "#" + id);
                assertEquals(base + later + "#" + id, browser.getCurrentUrl(), "the slow link lands on its page");
                assertTrue(inViewport(browser, browser.findElement(By.id(id))));
            }
        }
        if (AxeCore.locate().isPresent()) {
            for (Dimension size : List.of(DESKTOP, PHONE)) {
                withScript.manage().window().setSize(size);
                withScript.get(base + later);
                assertEquals(List.of(), AxeCore.violations(withScript), later + " at width " + size.getWidth());
            }
        }
    }

    @Test
    void axeCore_findsNoViolation_onTheArticleFrontCategoryAnd404Pages() {
        AxeCore.assumeInstalled();
        for (String path : List.of(LEAD, "/", "/category/Lead%20Story", "/news/no-such-story")) {
            for (Dimension size : List.of(DESKTOP, PHONE)) {
                withScript.manage().window().setSize(size);
                withScript.get(base + path);
                if (path.equals(LEAD) && size.equals(DESKTOP)) {
                    BrowserSession.screenshot(withScript, "article-page.png");
                }
                assertEquals(List.of(), AxeCore.violations(withScript), path + " at width " + size.getWidth());
            }
        }
    }

    /** Posts the form without script and waits for the answer's page (the old page's button goes stale). */
    private static void submitWithoutScript() {
        WebElement button = noScript.findElement(By.id("submit"));
        button.click();
        new WebDriverWait(noScript, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(button));
        new WebDriverWait(noScript, Duration.ofSeconds(10)).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState;")));
    }

    private static void waitForScript() {
        new WebDriverWait(withScript, Duration.ofSeconds(10)).until(d -> ((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete';"));
    }

    private static boolean inViewport(WebDriver browser, WebElement element) {
        Object inside = ((JavascriptExecutor) browser).executeScript("const r = arguments[0].getBoundingClientRect();"
                + "return r.top >= -1 && r.top < window.innerHeight;", element);
        return Boolean.TRUE.equals(inside);
    }

    private static void fill(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
