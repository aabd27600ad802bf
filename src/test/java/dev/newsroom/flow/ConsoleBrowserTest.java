package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.local.SampleData;
import dev.newsroom.support.BrowserSession;
import dev.newsroom.support.HttpApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The moderators' console (moderate.html) in a real headless Chromium against the local runner: sign-in through
 * the runner's authorize and token endpoints (a real PKCE round trip), then a moderator's work by mouse and by
 * keyboard, and what the console does on 409, 401 and an answer that is not JSON. In test order, one session.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final String SLUG = "sahel-leaders-meet-on-regional-security";
    private static BrowserSession session;
    private static HttpApi api;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static JavascriptExecutor js;
    private static String base;
    private static String title;

    @BeforeAll
    static void start() throws Exception {
        session = BrowserSession.start(true);
        api = session.api();
        base = session.base();
        browser = session.browser();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        js = (JavascriptExecutor) browser;
        settings("\"floodSeconds\":0,\"requirePreviouslyApproved\":true,\"moderateAll\":true");
        title = api.get("/articles/" + SLUG).json().path("title").asText();
    }

    @AfterAll
    static void stop() {
        BrowserSession.close(session);
    }

    @Test
    @Order(1)
    void signsInThroughTheLocalSignIn_withPkce_andTheAddressKeepsNoCode() {
        browser.get(base + "/moderate.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin"))).click();
        wait.until(ExpectedConditions.urlContains("/local-auth/authorize"));
        String authorize = browser.getCurrentUrl();
        assertTrue(authorize.contains("code_challenge_method=S256"), authorize);
        assertTrue(authorize.contains("code_challenge="), authorize);
        browser.findElement(By.id("token")).sendKeys("not-the-token");
        browser.findElement(By.cssSelector("#signin button")).click();
        wait.until(ExpectedConditions.textMatches(By.id("signin-error"), Pattern.compile("That is not this runner's moderator token.*")));
        browser.findElement(By.id("token")).sendKeys(HttpApi.TOKEN);
        browser.findElement(By.cssSelector("#signin button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("who"), "Signed in as Local moderator"));
        assertEquals(base + "/moderate.html", browser.getCurrentUrl(), "the code and state leave the address");
        assertNull(js.executeScript("return sessionStorage.getItem('nr-console-pkce');"), "the verifier is used once");
        wait.until(ExpectedConditions.textMatches(By.id("tab-pending"), Pattern.compile("Pending \\(\\d+\\)")));
    }

    @Test
    @Order(2)
    void approvesOne_thenBulkSpamsThree_andTheCountsFollow() {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            ids.add(submit("Reader " + n, "reader" + n + "@example.com", "Held comment number " + n
                    + (n == 0 ? " with a link https://example.com/a" : "")));
        }
        reloadOn("pending");
        wait.until(ExpectedConditions.textToBe(By.id("tab-pending"), "Pending (5)"));
        WebElement first = row(ids.get(0));
        assertEquals("1 link", first.findElement(By.cssSelector(".links")).getAttribute("textContent"));
        assertTrue(first.getText().contains("0 approved"), first.getText());
        assertTrue(first.getText().contains(title), first.getText());
        assertEquals(base + "/news/" + SLUG + "?comment=" + ids.get(0) + "#comment-" + ids.get(0),
                first.findElement(By.cssSelector(".article-facts a")).getAttribute("href"), "View opens the article page that holds the comment");
        act(ids.get(0), "approved");
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Approved. Press u to undo."));
        wait.until(ExpectedConditions.textToBe(By.id("tab-pending"), "Pending (4)"));
        assertEquals("approved", comment(ids.get(0)).path("status").asText());

        for (String id : ids.subList(1, 4)) {
            row(id).findElement(By.cssSelector(".select")).click();
        }
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("bulk-action"))).selectByValue("spam");
        browser.findElement(By.id("bulk-apply")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "3 of 3 marked as spam. Press u to undo."));
        wait.until(ExpectedConditions.textToBe(By.id("tab-spam"), "Spam (3)"));
        for (String id : ids.subList(1, 4)) {
            assertEquals("spam", comment(id).path("status").asText());
        }
        assertEquals(1, browser.findElements(By.cssSelector("#queue .comment")).size());
    }

    @Test
    @Order(3)
    void editsInPlace_andRepliesAsTheModerator() {
        String id = submit("Efua", "efua@example.com", "Teh typo here.");
        reloadOn("pending");
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("c-" + id)));
        act(id, "edit");
        WebElement area = wait.until(ExpectedConditions.elementToBeClickable(By.id("edit-" + id)));
        area.clear();
        area.sendKeys("The typo fixed.");
        row.findElement(By.cssSelector(".editor button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Saved."));
        assertEquals("The typo fixed.", comment(id).path("content").asText());
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#c-" + id + " .content"), "The typo fixed."));

        act(id, "approved");
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Approved. Press u to undo."));
        reloadOn("approved");
        WebElement approved = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("c-" + id)));
        act(id, "reply");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("reply-" + id))).sendKeys("Thank you, Efua.");
        approved.findElement(By.cssSelector(".editor button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Reply published."));
        JsonNode reply = null;
        for (JsonNode c : api.get("/articles/" + SLUG + "/comments").json().path("items")) {
            if (id.equals(c.path("parentId").asText())) {
                reply = c;
            }
        }
        assertTrue(reply != null, "the reply is public at once");
        assertTrue(reply.path("byModerator").asBoolean());
        assertEquals("Local moderator", reply.path("authorName").asText());
        assertEquals("Thank you, Efua.", reply.path("content").asText());
        reloadOn("approved");
        WebElement replyRow = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("c-" + reply.path("id").asText())));
        assertEquals(base + "/news/" + SLUG + "?comment=" + id + "#comment-" + id,
                replyRow.findElement(By.cssSelector(".reply-to a")).getAttribute("href"), "In reply to opens the article page that holds the comment");
        replyRow.findElement(By.cssSelector(".reply-to a")).click();
        wait.until(ExpectedConditions.urlContains("#comment-" + id));
        assertEquals("The typo fixed.", wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#comment-" + id + " .comment-content"))).getText(), "the moderator lands on the comment's page");
        browser.navigate().back();
    }

    @Test
    @Order(4)
    void keyboard_moves_approves_spams_trashes_undoes_edits_and_replies() {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            ids.add(submit("Key " + n, "key" + n + "@example.com", "Keyboard comment " + n));
        }
        reloadOn("pending");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("c-" + ids.get(3))));
        WebElement current = browser.findElement(By.cssSelector("#queue .comment.current"));
        String firstId = current.getAttribute("id");
        press("j");
        assertNotEquals(firstId, browser.findElement(By.cssSelector("#queue .comment.current")).getAttribute("id"));
        press("k");
        assertEquals(firstId, browser.findElement(By.cssSelector("#queue .comment.current")).getAttribute("id"));

        focus(ids.get(0));
        press("a");
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Approved. Press u to undo."));
        assertEquals("approved", comment(ids.get(0)).path("status").asText());
        press("u");
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Undone: the comment is pending again."));
        assertEquals("pending", comment(ids.get(0)).path("status").asText());

        focus(ids.get(1));
        press("s");
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Marked as spam. Press u to undo."));
        assertEquals("spam", comment(ids.get(1)).path("status").asText());
        focus(ids.get(2));
        press("t");
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Moved to trash. Press u to undo."));
        assertEquals("trash", comment(ids.get(2)).path("status").asText());

        focus(ids.get(3));
        press("e");
        WebElement area = wait.until(ExpectedConditions.elementToBeClickable(By.id("edit-" + ids.get(3))));
        area.sendKeys(" Edited by keyboard.");
        browser.findElement(By.cssSelector("#c-" + ids.get(3) + " .editor button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Saved."));
        assertEquals("Keyboard comment 3 Edited by keyboard.", comment(ids.get(3)).path("content").asText());
        focus(ids.get(3));
        press("a");
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Approved. Press u to undo."));
        reloadOn("approved");
        focus(ids.get(3));
        press("r");
        WebElement reply = wait.until(ExpectedConditions.elementToBeClickable(By.id("reply-" + ids.get(3))));
        reply.sendKeys("Replied by keyboard.");
        browser.findElement(By.cssSelector("#c-" + ids.get(3) + " .editor button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Reply published."));
    }

    @Test
    @Order(5)
    void changesASetting_andAConflictReloadsTheForm() {
        browser.findElement(By.id("show-settings")).click();
        WebElement maxLinks = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("setting-maxLinks")));
        maxLinks.clear();
        maxLinks.sendKeys("4");
        browser.findElement(By.cssSelector("#settings-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Settings saved."));
        assertEquals(4, api.admin("GET", "/admin/settings", null).json().path("maxLinks").asInt());

        settings("\"maxLinks\":7");
        maxLinks = browser.findElement(By.id("setting-maxLinks"));
        maxLinks.clear();
        maxLinks.sendKeys("5");
        browser.findElement(By.cssSelector("#settings-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textMatches(By.id("status"), Pattern.compile("Someone else saved the settings meanwhile.*")));
        assertEquals("7", browser.findElement(By.id("setting-maxLinks")).getAttribute("value"));
        assertEquals(7, api.admin("GET", "/admin/settings", null).json().path("maxLinks").asInt());

        // the pages' display settings are in the same form: a time zone saved, a bad one marked on its field
        WebElement zone = browser.findElement(By.id("setting-timezone"));
        assertEquals("UTC", zone.getAttribute("value"));
        zone.clear();
        zone.sendKeys("Africa/Accra");
        browser.findElement(By.cssSelector("#settings-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Settings saved."));
        assertEquals("Africa/Accra", api.admin("GET", "/admin/settings", null).json().path("timezone").asText());
        zone = browser.findElement(By.id("setting-timezone"));
        zone.clear();
        zone.sendKeys("Mars/Olympus");
        browser.findElement(By.cssSelector("#settings-form button[type=submit]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("setting-timezone"), "aria-invalid", "true"));
        zone = browser.findElement(By.id("setting-timezone"));
        zone.clear();
        zone.sendKeys("UTC");

        WebElement depth = browser.findElement(By.id("setting-threadDepth"));
        depth.clear();
        depth.sendKeys("11");
        browser.findElement(By.cssSelector("#settings-form button[type=submit]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("setting-threadDepth"), "aria-invalid", "true"));
        assertEquals("threadDepth must be between 1 and 10.", browser.findElement(By.id("setting-threadDepth-error")).getText());
        browser.findElement(By.id("show-comments")).click();
    }

    @Test
    @Order(6)
    void closesAndReopensAnArticlesComments_andCreatesAnArticle() {
        browser.findElement(By.id("show-articles")).click();
        String lead = SampleData.LEAD_SLUG;
        WebElement toggle = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#article-" + lead + " .article-toggle")));
        assertEquals("Close comments", toggle.getText());
        JsonNode bodyBefore = api.admin("GET", "/admin/articles/" + lead, null).json().path("body");
        toggle.click();
        wait.until(ExpectedConditions.textMatches(By.id("status"), Pattern.compile("Comments are closed on .*")));
        JsonNode closed = api.admin("GET", "/admin/articles/" + lead, null).json();
        assertFalse(closed.path("commentsOpen").asBoolean());
        assertEquals(bodyBefore, closed.path("body"), "the body is kept (sent back as the HTML it was read as)");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#article-" + lead + " .article-toggle"), "Open comments"));
        browser.findElement(By.cssSelector("#article-" + lead + " .article-toggle")).click();
        wait.until(ExpectedConditions.textMatches(By.id("status"), Pattern.compile("Comments are open on .*")));
        assertTrue(api.admin("GET", "/admin/articles/" + lead, null).json().path("commentsOpen").asBoolean());

        browser.findElement(By.id("article-new")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article-slug-input"))).sendKeys("console-made-story");
        browser.findElement(By.id("article-title-input")).sendKeys("Made in the console");
        browser.findElement(By.id("article-excerpt-input")).sendKeys("An article an editor wrote in the console.");
        browser.findElement(By.id("article-bodyHtml-input")).sendKeys("<p>First paragraph.</p><p>Second <em>one</em>.</p>");
        browser.findElement(By.id("article-categories-input")).sendKeys("Latest News");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("article-status-input"))).selectByValue("published");
        browser.findElement(By.cssSelector("#article-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Article created."));
        JsonNode created = api.get("/articles/console-made-story").json();
        assertEquals("Made in the console", created.path("title").asText());
        assertTrue(created.path("bodyHtml").asText().contains("<em>one</em>"), created.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("article-console-made-story")));
    }

    @Test
    @Order(7)
    void aCommentChangedElsewhere_isReloadedAndTheModeratorIsTold() {
        String id = submit("Adjoa", "adjoa@example.com", "Changed behind the console's back.");
        reloadOn("pending");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("c-" + id)));
        assertEquals(200, api.admin("PATCH", "/admin/comments/" + id, "{\"content\":\"Changed elsewhere.\",\"version\":1}").status());
        act(id, "spam");
        wait.until(ExpectedConditions.textMatches(By.id("status"), Pattern.compile("This comment was changed by someone else meanwhile.*")));
        assertEquals("Changed elsewhere.", browser.findElement(By.cssSelector("#c-" + id + " .content")).getText());
        assertEquals("pending", comment(id).path("status").asText());
    }

    @Test
    @Order(8)
    void anExpiringTokenIsRenewed_andALostSessionSignsInAgainKeepingTheUnsentReply() {
        Object before = js.executeScript("return JSON.parse(sessionStorage.getItem('nr-console-tokens')).idToken;");
        js.executeScript("var t = JSON.parse(sessionStorage.getItem('nr-console-tokens')); t.expiresAt = Date.now() + 1000;"
                + " sessionStorage.setItem('nr-console-tokens', JSON.stringify(t));");
        browser.findElement(By.id("tab-approved")).click();
        wait.until(ExpectedConditions.textToBe(By.id("list-heading"), "Approved comments on " + title));
        loaded();
        Object after = js.executeScript("return JSON.parse(sessionStorage.getItem('nr-console-tokens')).idToken;");
        assertNotEquals(before, after, "renewed with the refresh token before it expired");

        String id = browser.findElement(By.cssSelector("#queue .comment.status-approved")).getAttribute("id").substring(2);
        act(id, "reply");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("reply-" + id))).sendKeys("Typed before the session ended.");
        // The session is over: the ID token is no longer accepted and the refresh token was revoked.
        js.executeScript("var t = JSON.parse(sessionStorage.getItem('nr-console-tokens'));"
                + " fetch('/local-auth/revoke', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                + " body: 'client_id=newsroom-console-local&token=' + encodeURIComponent(t.refreshToken)});"
                + " t.idToken = t.idToken + 'x'; sessionStorage.setItem('nr-console-tokens', JSON.stringify(t));");
        browser.findElement(By.cssSelector("#c-" + id + " .editor button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/local-auth/authorize"));
        browser.findElement(By.id("token")).sendKeys(HttpApi.TOKEN);
        browser.findElement(By.cssSelector("#signin button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("list-heading"), "Approved comments on " + title));
        loaded();
        WebElement area = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reply-" + id)));
        assertEquals("Typed before the session ended.", area.getAttribute("value"));
    }

    @Test
    @Order(9)
    void signsOut() {
        browser.findElement(By.id("signout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
        assertNull(js.executeScript("return sessionStorage.getItem('nr-console-tokens');"));
        assertTrue(browser.findElement(By.id("console")).getAttribute("hidden") != null);
    }

    @Test
    @Order(10)
    void explainsAnAnswerThatIsNotJson_andRunsUnderItsContentSecurityPolicy() {
        browserLog();
        browser.get(base + "/moderate.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin"))).click();
        wait.until(ExpectedConditions.urlContains("/local-auth/authorize"));
        browser.findElement(By.id("token")).sendKeys(HttpApi.TOKEN);
        browser.findElement(By.cssSelector("#signin button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("who"), "Signed in as Local moderator"));
        List<String> log = browserLog();
        assertTrue(log.stream().noneMatch(l -> l.contains("Content Security Policy")), log.toString());
        // What a proxy in front of the API answers when the API is down: an HTML page.
        js.executeScript("""
                window.fetch = function () {
                  return Promise.resolve(new Response('<html><body><h1>502 Bad Gateway</h1></body></html>',
                      { status: 502, headers: { 'Content-Type': 'text/html' } }));
                };""");
        browser.findElement(By.id("tab-trash")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"),
                "The server sent an unexpected response (HTTP 502). Please try again in a moment."));
        log = browserLog();
        assertTrue(log.stream().noneMatch(l -> l.contains("Uncaught")), log.toString());
        assertFalse(browser.findElement(By.id("status")).getText().contains("<html>"));

        js.executeScript("var s = document.createElement('script'); s.textContent = 'window.__inline = 1;';"
                + " document.body.appendChild(s);");
        assertNull(js.executeScript("return window.__inline === undefined ? null : window.__inline;"));
    }

    @Test
    @Order(11)
    void waitsTheRetryAfterOfABusyService_thenGoesOn() {
        browser.get(base + "/moderate.html");
        wait.until(ExpectedConditions.textToBe(By.id("who"), "Signed in as Local moderator"));
        loaded();
        // The first call after this answers 503 with Retry-After: 1 (the database throttles), the next ones really.
        js.executeScript("""
                window.__busy = 0;
                var realFetch = window.fetch;
                window.fetch = function (url) {
                  if (String(url).indexOf('/admin/comments?') >= 0 && window.__busy++ === 0) {
                    return Promise.resolve(new Response('{"error":{"code":"unavailable","message":"Busy."},"requestId":"x"}',
                        { status: 503, headers: { 'Content-Type': 'application/json', 'Retry-After': '1' } }));
                  }
                  return realFetch.apply(this, arguments);
                };""");
        browser.findElement(By.id("tab-spam")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "The service is busy; trying again in 1 s."));
        wait.until(ExpectedConditions.textToBe(By.id("status"), "The service is answering again."));
        loaded();
        assertEquals(2L, js.executeScript("return window.__busy;"));
        assertTrue(browser.findElements(By.cssSelector("#queue .comment.status-spam")).size() >= 3);
        session.screenshot("console.png");
    }

    @Test
    @Order(12)
    void usableAtPhoneWidth() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(375, 800));
        browser.get(base + "/moderate.html");
        wait.until(ExpectedConditions.textToBe(By.id("who"), "Signed in as Local moderator"));
        loaded();
        long overflow = (Long) js.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        session.screenshot("console-phone.png");
        assertEquals(0L, overflow, "nothing wider than the phone's screen: " + js.executeScript(
                "return Array.from(document.querySelectorAll('body *')).filter(function (e) {"
                + " return e.getBoundingClientRect().right > document.documentElement.clientWidth; })"
                + ".map(function (e) { return e.tagName + '#' + e.id + '.' + e.className; }).join(' ');"));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 2600));
    }

    /** A comment held for moderation (moderateAll is on), submitted as a reader would. */
    private static String submit(String name, String email, String content) {
        HttpApi.Answer answer = api.send("POST", "/articles/" + SLUG + "/comments", "{\"authorName\":\"" + name
                + "\",\"authorEmail\":\"" + email + "\",\"content\":\"" + content + "\"}");
        assertEquals(202, answer.status(), answer.raw().body());
        return answer.json().path("id").asText();
    }

    private static JsonNode comment(String id) {
        return api.admin("GET", "/admin/comments/" + id, null).json();
    }

    /** Reloads the console on the article's comments of one status. */
    private static void reloadOn(String status) {
        js.executeScript("sessionStorage.setItem('nr-console-view', JSON.stringify({section: 'comments', tab: arguments[0],"
                + " article: arguments[1], email: '', drafts: {}}));", status, SLUG);
        browser.get(base + "/moderate.html");
        wait.until(ExpectedConditions.textToBe(By.id("list-heading"),
                Character.toUpperCase(status.charAt(0)) + status.substring(1) + " comments on " + title));
        loaded();
    }

    /** Waits until the comment list has loaded (it is aria-busy while it loads). */
    private static void loaded() {
        wait.until(ExpectedConditions.attributeToBe(By.id("queue"), "aria-busy", "false"));
    }

    private static WebElement row(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("c-" + id)));
    }

    /** Clicks a row action as a moderator does: the row first (its actions show on focus), then the action. */
    private static void act(String id, String action) {
        focus(id);
        row(id).findElement(By.cssSelector(".act-" + action)).click();
    }

    private static void focus(String id) {
        js.executeScript("document.getElementById(arguments[0]).focus();", "c-" + id);
    }

    private static void press(String key) {
        new Actions(browser).sendKeys(key).perform();
    }

    private static void settings(String fields) {
        long version = api.admin("GET", "/admin/settings", null).json().path("version").asLong();
        HttpApi.Answer answer = api.admin("PUT", "/admin/settings", "{" + fields + ",\"version\":" + version + "}");
        assertEquals(200, answer.status(), answer.raw().body());
    }


    private static List<String> browserLog() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }
}
