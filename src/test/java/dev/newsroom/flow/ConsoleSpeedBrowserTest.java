package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.support.AxeCore;
import dev.newsroom.support.BrowserSession;
import dev.newsroom.support.HttpApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console under a moderator who is faster than the network: tabs switched with no wait between clicks, keys
 * typed at machine speed, a list answer held back by the runner (the test-only fault) while the moderator moves on;
 * then the safety of bulk actions, the status line, the density of the list, and axe-core on every view.
 * In test order, one session, one article's comments.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSpeedBrowserTest {
    private static final String SLUG = "cocoa-prices-climb-as-harvest-forecasts-fall";
    private static final List<String> TABS = List.of("pending", "approved", "spam", "trash");
    private static BrowserSession session;
    private static WebDriverWait wait;
    private static JavascriptExecutor js;

    @BeforeAll
    static void start() throws Exception {
        session = BrowserSession.start(true);
        wait = new WebDriverWait(session.browser(), Duration.ofSeconds(20));
        js = session.browser();
        long version = session.api().admin("GET", "/admin/settings", null).json().path("version").asLong();
        assertEquals(200, session.api().admin("PUT", "/admin/settings", "{\"floodSeconds\":0,\"moderateAll\":true,\"version\":"
                + version + "}").status());
        List<String> toApprove = new ArrayList<>();
        List<String> toSpam = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            toApprove.add(submit("Approved " + n, "approved" + n + "@example.com", "An approved comment, number " + n + "."));
        }
        for (int n = 0; n < 7; n++) {
            toSpam.add(submit("Spammer " + n, "spam" + n + "@example.net", "Cheap pills number " + n + "."));
        }
        bulk("approve", toApprove);
        bulk("spam", toSpam);
        for (int n = 0; n < 8; n++) {
            submit("Pending " + n, "pending" + n + "@example.org", "A held comment, number " + n + ".");
        }
        session.browser().get(session.base() + "/moderate.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin"))).click();
        wait.until(ExpectedConditions.urlContains("/local-auth/authorize"));
        session.browser().findElement(By.id("token")).sendKeys(HttpApi.TOKEN);
        session.browser().findElement(By.cssSelector("#signin button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("who"), "Signed in as Local moderator"));
        loaded();
    }

    @AfterAll
    static void stop() {
        BrowserSession.close(session);
    }

    @Test
    @Order(1)
    void tabsClickedWithNoWait_endWithTheListOfTheLastTab_everyTime() {
        Random random = new Random(20);
        for (int attempt = 0; attempt < 10; attempt++) {
            List<String> clicks = new ArrayList<>();
            for (int n = 0; n < 6; n++) {
                clicks.add(TABS.get(random.nextInt(TABS.size())));
            }
            // All clicks in one script: no time at all between them, far faster than any list answer.
            js.executeScript("arguments[0].forEach(function (t) { document.getElementById('tab-' + t).click(); });", clicks);
            String last = clicks.get(clicks.size() - 1);
            loaded();
            assertListIs(last);
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            // Clicks as a WebDriver sends them, a few milliseconds apart.
            for (String tab : List.of("approved", "pending", "spam", "approved", "trash", "spam")) {
                session.browser().findElement(By.id("tab-" + tab)).click();
            }
            loaded();
            assertListIs("spam");
        }
    }

    @Test
    @Order(2)
    void aListAnswerHeldBack_neverPaintsOverTheNewerTab_andSelectAllActsOnlyOnWhatIsShown() throws Exception {
        select("pending");
        session.api().server.delayNextAnswer("status=approved", Duration.ofMillis(1500));
        session.browser().findElement(By.id("tab-approved")).click();
        session.browser().findElement(By.id("tab-spam")).click();
        loaded();
        assertListIs("spam");
        Thread.sleep(2000); // the held-back approved list has now arrived (or been aborted): it must change nothing
        assertListIs("spam");
        long approvedBefore = count("approved");
        List<String> shown = shownIds();
        assertEquals(7, shown.size());

        session.browser().findElement(By.id("select-all")).click();
        new Select(session.browser().findElement(By.id("bulk-action"))).selectByValue("pending");
        session.browser().findElement(By.id("bulk-apply")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "7 of 7 moved to pending. Press u to undo."));
        for (String id : shown) {
            assertEquals("pending", comment(id).path("status").asText());
        }
        assertEquals(approvedBefore, count("approved"), "nothing of another tab was touched");
        assertEquals(0, session.browser().findElements(By.cssSelector("#queue .comment")).size());

        session.browser().findElement(By.id("undo")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Undone: 7 comments are back where they were."));
        for (String id : shown) {
            assertEquals("spam", comment(id).path("status").asText());
        }
        assertEquals(shown, shownIds(), "the rows are back, in their order");
    }

    @Test
    @Order(3)
    void keysTypedAtMachineSpeed_actOnTheCommentsInView_andUndoKeepsThePlace() {
        select("pending");
        List<String> ids = shownIds();
        assertTrue(ids.size() >= 6, ids.toString());
        focus(ids.get(1));
        new Actions(session.browser()).sendKeys("aaj").perform(); // approve 1, approve 2 (now current), move past 3
        wait.until(d -> "approved".equals(comment(ids.get(2)).path("status").asText()));
        assertEquals("approved", comment(ids.get(1)).path("status").asText());
        assertEquals("pending", comment(ids.get(0)).path("status").asText());
        assertEquals("pending", comment(ids.get(3)).path("status").asText());
        wait.until(d -> currentId().equals(ids.get(4)));

        new Actions(session.browser()).sendKeys("u").perform();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Undone: the comment is pending again."));
        assertEquals(ids.get(2), currentId(), "the undone comment is back in its place, with the cursor on it");
        assertEquals(ids.get(2), js.executeScript("return document.activeElement.id.substring(2);"));
        new Actions(session.browser()).sendKeys("s").perform();
        wait.until(d -> "spam".equals(comment(ids.get(2)).path("status").asText()));
        assertEquals("pending", comment(ids.get(0)).path("status").asText(), "never the comment at the top");
        assertEquals(ids.get(3), currentId());
        bulk("pending", List.of(ids.get(1), ids.get(2)));
    }

    @Test
    @Order(4)
    void bulk_hasNoDefault_deletesOnlyFromSpamAndTrash_afterAConfirmationNamingHowMany() {
        select("pending");
        Select menu = new Select(session.browser().findElement(By.id("bulk-action")));
        assertEquals("", menu.getFirstSelectedOption().getAttribute("value"));
        assertFalse(menu.getOptions().stream().anyMatch(o -> o.getAttribute("value").equals("delete")));
        assertFalse(session.browser().findElement(By.id("empty-status")).isDisplayed());
        List<String> pending = shownIds();
        js.executeScript("document.querySelectorAll('#queue .select')[0].click();");
        session.browser().findElement(By.id("bulk-apply")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Choose a bulk action first."));
        assertEquals("pending", comment(pending.get(0)).path("status").asText());

        bulk("trash", pending.subList(0, 3));
        select("trash");
        menu = new Select(session.browser().findElement(By.id("bulk-action")));
        assertTrue(menu.getOptions().stream().anyMatch(o -> o.getAttribute("value").equals("delete")));
        js.executeScript("document.querySelectorAll('#queue .select')[0].click(); document.querySelectorAll('#queue .select')[1].click();");
        menu.selectByValue("delete");
        session.browser().findElement(By.id("bulk-apply")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        assertEquals("Delete 2 comments permanently? This cannot be undone.", session.browser().findElement(By.id("confirm-message")).getText());
        session.browser().findElement(By.id("confirm-no")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Nothing was deleted."));
        assertEquals(3, count("trash"));

        session.browser().findElement(By.id("bulk-apply")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-yes"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "2 of 2 deleted permanently."));
        assertEquals(1, count("trash"));
        assertEquals(404, session.api().admin("GET", "/admin/comments/" + pending.get(0), null).status());

        session.browser().findElement(By.id("empty-status")).click();
        wait.until(ExpectedConditions.textToBe(By.id("confirm-message"), "Permanently delete the 1 comment in Trash? This cannot be undone."));
        session.browser().findElement(By.id("confirm-yes")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Deleted 1 comment permanently from Trash."));
        assertEquals(0, count("trash"));
    }

    @Test
    @Order(5)
    void approveAndReply_inOneStep() {
        select("pending");
        String id = shownIds().get(0);
        focus(id);
        session.browser().findElement(By.cssSelector("#c-" + id + " .act-approve-reply")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("reply-" + id))).sendKeys("Thanks, approved with a reply.");
        session.browser().findElement(By.cssSelector("#c-" + id + " .editor button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Approved, and your reply is published."));
        assertEquals("approved", comment(id).path("status").asText());
        boolean replied = false;
        for (JsonNode c : session.api().get("/articles/" + SLUG + "/comments?limit=100").json().path("items")) {
            replied |= id.equals(c.path("parentId").asText()) && c.path("byModerator").asBoolean();
        }
        assertTrue(replied, "the reply is public, under the comment");
        assertFalse(shownIds().contains(id), "it left the Pending list");
    }

    @Test
    @Order(6)
    void theStatusLineSpeaksOfTheViewOnScreenOnly() {
        select("trash");
        wait.until(ExpectedConditions.textToBe(By.id("empty"), "No trash comments."));
        assertEquals("", session.browser().findElement(By.id("status")).getText(), "an empty list is said in the list, not the status");
        session.browser().findElement(By.id("tab-spam")).click();
        loaded();
        assertFalse(session.browser().findElement(By.id("empty")).isDisplayed());
        session.browser().findElement(By.id("show-settings")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("setting-maxLinks")));
        assertEquals("", session.browser().findElement(By.id("status")).getText());
        assertFalse(session.browser().findElement(By.id("empty")).isDisplayed());
        assertEquals(1, session.browser().findElements(By.cssSelector("[role=status], [aria-live]")).size(), "one live region");

        // Comments, then Articles, with no time between: the comments' late requests must not take the screen back.
        js.executeScript("document.getElementById('show-comments').click(); document.getElementById('show-articles').click();");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#article-list tr")));
        assertFalse(session.browser().findElement(By.id("comments-section")).isDisplayed());
        assertEquals("true", session.browser().findElement(By.id("show-articles")).getAttribute("aria-current"));
        session.browser().findElement(By.id("show-comments")).click();
        loaded();
    }

    @Test
    @Order(7)
    void searchFindsByAuthorEmailIpOrText_andTheArticleFilterTakesATitle() {
        select("approved");
        WebElement search = session.browser().findElement(By.id("search"));
        search.sendKeys("APPROVED3@example");
        session.browser().findElement(By.cssSelector("#filters button[type=submit]")).click();
        loaded();
        wait.until(ExpectedConditions.textMatches(By.id("status"), Pattern.compile("Searched \\d+ approved comments; found 1 match\\.")));
        assertEquals(1, shownIds().size());
        session.browser().findElement(By.id("clear-filters")).click();
        loaded();

        WebElement article = session.browser().findElement(By.id("filter-article"));
        article.sendKeys("cocoa");
        session.browser().findElement(By.cssSelector("#filters button[type=submit]")).click();
        loaded();
        String title = session.api().get("/articles/" + SLUG).json().path("title").asText();
        wait.until(ExpectedConditions.textToBe(By.id("list-heading"), "Approved comments on " + title));
        article = session.browser().findElement(By.id("filter-article"));
        article.clear();
        article.sendKeys("no such story");
        session.browser().findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("filter-article-error"), "No article's title contains “no such story”."));
        assertEquals("Approved comments on " + title, session.browser().findElement(By.id("list-heading")).getText(), "the view stays");
        session.browser().findElement(By.id("clear-filters")).click();
        loaded();
    }

    @Test
    @Order(8)
    void atLeastTwelveCommentsShowOnA1280By900Screen() {
        session.browser().manage().window().setSize(new Dimension(1280, 900));
        select("approved");
        long visible = (Long) js.executeScript("return Array.from(document.querySelectorAll('#queue .comment')).filter(function (r) {"
                + " var b = r.getBoundingClientRect(); return b.top >= 0 && b.bottom <= window.innerHeight; }).length;");
        long height = (Long) js.executeScript("return Math.round(document.querySelector('#queue .comment').getBoundingClientRect().height);");
        System.out.println("Console density at 1280x900: " + visible + " comments fully visible, first row " + height + " px tall");
        session.screenshot("console-1280x900.png");
        assertTrue(visible >= 12, visible + " comments visible");
    }

    @Test
    @Order(9)
    void axeFindsNoViolationOnAnyView() {
        AxeCore.assumeInstalled();
        List<String> found = new ArrayList<>();
        select("pending");
        focus(shownIds().get(0));
        found.addAll(prefixed("comments", AxeCore.violations(session.browser())));
        session.browser().findElement(By.id("show-articles")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#article-list tr")));
        found.addAll(prefixed("articles", AxeCore.violations(session.browser())));
        session.browser().findElement(By.id("show-settings")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("setting-maxLinks")));
        found.addAll(prefixed("settings", AxeCore.violations(session.browser())));
        session.browser().findElement(By.id("show-comments")).click();
        select("spam");
        js.executeScript("document.querySelectorAll('#queue .select')[0].click();");
        new Select(session.browser().findElement(By.id("bulk-action"))).selectByValue("delete");
        session.browser().findElement(By.id("bulk-apply")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        found.addAll(prefixed("confirmation", AxeCore.violations(session.browser())));
        session.browser().findElement(By.id("confirm-no")).click();
        session.browser().manage().window().setSize(new Dimension(375, 800));
        select("pending");
        found.addAll(prefixed("phone", AxeCore.violations(session.browser())));
        session.browser().manage().window().setSize(new Dimension(1280, 900));
        assertTrue(found.isEmpty(), String.join("\n", found));
    }


    private static List<String> prefixed(String view, List<String> violations) {
        return violations.stream().map(v -> view + " — " + v).toList();
    }

    /** The tab shown selected is {@code status}, every row is of that status, and they are all the API lists. */
    private static void assertListIs(String status) {
        for (String tab : TABS) {
            assertEquals(String.valueOf(tab.equals(status)), session.browser().findElement(By.id("tab-" + tab)).getAttribute("aria-selected"), tab);
        }
        List<WebElement> rows = session.browser().findElements(By.cssSelector("#queue .comment"));
        for (WebElement row : rows) {
            assertTrue(row.getAttribute("class").contains("status-" + status), row.getAttribute("class") + " under " + status);
        }
        Set<String> expected = new HashSet<>();
        for (JsonNode c : session.api().admin("GET", "/admin/comments?status=" + status + "&limit=100", null).json().path("items")) {
            expected.add(c.path("id").asText());
        }
        assertEquals(expected, new HashSet<>(shownIds()), "the list under " + status);
    }

    private static void select(String status) {
        session.browser().findElement(By.id("tab-" + status)).click();
        loaded();
        wait.until(ExpectedConditions.attributeToBe(By.id("tab-" + status), "aria-selected", "true"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> shownIds() {
        return (List<String>) js.executeScript("return Array.from(document.querySelectorAll('#queue .comment'))"
                + ".map(function (r) { return r.id.substring(2); });");
    }

    private static String currentId() {
        return (String) js.executeScript("var r = document.querySelector('#queue .comment.current'); return r ? r.id.substring(2) : '';");
    }

    private static void loaded() {
        wait.until(ExpectedConditions.attributeToBe(By.id("queue"), "aria-busy", "false"));
    }

    private static void focus(String id) {
        js.executeScript("document.getElementById(arguments[0]).focus();", "c-" + id);
    }

    private static long count(String status) {
        return session.api().admin("GET", "/admin/comments/counts", null).json().path(status).asLong();
    }

    private static JsonNode comment(String id) {
        return session.api().admin("GET", "/admin/comments/" + id, null).json();
    }

    private static void bulk(String action, List<String> ids) {
        HttpApi.Answer answer = session.api().admin("POST", "/admin/comments/bulk", "{\"action\":\"" + action + "\",\"ids\":[\""
                + String.join("\",\"", ids) + "\"]}");
        assertEquals(200, answer.status(), answer.raw().body());
    }

    private static String submit(String name, String email, String content) {
        HttpApi.Answer answer = session.api().send("POST", "/articles/" + SLUG + "/comments", "{\"authorName\":\"" + name
                + "\",\"authorEmail\":\"" + email + "\",\"content\":\"" + content + "\"}");
        assertEquals(202, answer.status(), answer.raw().body());
        return answer.json().path("id").asText();
    }
}
