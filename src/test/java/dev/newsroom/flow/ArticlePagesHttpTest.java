package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.local.SampleData;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.HttpApi;
import dev.newsroom.support.HttpApi.Answer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The served pages over HTTP through the local runner (routes from template.yaml, DynamoDB Local): the article page
 * complete without script, the no-script journeys of its form (published, held and previewed by its author only,
 * refused with the reader's text kept, reply under a comment), caching headers, 404s, feeds and sitemaps.
 */
class ArticlePagesHttpTest {
    private static final String LEAD = "/news/" + SampleData.LEAD_SLUG;
    /** The one other site allowed to embed the fragment (its origin is on the allow-list). */
    private static final String SITE = "https://news.example";
    private static HttpApi api;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        api = new HttpApi(null, Map.of("CORS_ALLOWED_ORIGINS", SITE));
        base = "http://127.0.0.1:" + api.server.port();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void openDiscussion() {
        api.settings("\"moderateAll\":false,\"requirePreviouslyApproved\":false,\"floodSeconds\":0,\"threadDepth\":5,"
                + "\"commentsPerPage\":50");
    }

    @Test
    void theArticlePage_isWholeWithoutScript_withItsHeadAndAFormThatNamesThisArticle() throws Exception {
        Answer page = api.get(LEAD);
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"));
        assertEquals("public, max-age=60, stale-while-revalidate=600", page.header("Cache-Control"));
        Document html = Jsoup.parse(page.raw().body());
        assertEquals("Wagner to Withdraw From Mali After \u2018Completing Mission\u2019", html.selectFirst("h1").text());
        assertEquals(List.of("Latest News", "Lead Story"), html.select(".categories .category").eachText());
        assertEquals(3, html.select(".entry-content .see-also a").size());
        assertEquals("Source: BBC", html.selectFirst(".byline .source").text());
        assertEquals(3, html.select(".related-posts li").size());
        int shown = html.select("li.comment").size();
        assertTrue(shown >= 3, "the sample's three comments, and any a test posted");
        assertTrue(html.selectFirst("li.comment.depth-1 > ol.children > li.comment.depth-2") != null, "replies nest");
        assertEquals(base + LEAD, html.selectFirst("link[rel=canonical]").attr("href"));
        assertFalse(html.selectFirst("meta[name=description]").attr("content").isBlank());
        assertEquals(html.selectFirst("h1").text() + " – Newsroom", html.selectFirst("meta[property=og:title]").attr("content"));
        assertNotNull(html.selectFirst("meta[name=twitter:card]"));
        Element form = html.selectFirst("form#commentform");
        assertEquals(base + LEAD, form.attr("action"));
        assertEquals("post", form.attr("method"));
        assertEquals(base + LEAD, form.selectFirst("input[name=redirect_to]").attr("value"));
        assertTrue(html.select("a[href*=moderate]").isEmpty(), "no link to the moderators' console");
        assertTrue(html.select("script:not([src]):not([type=application/ld+json])").isEmpty(), "no inline script");
        assertTrue(html.select("[style]").isEmpty(), "no inline style");

        JsonNode ld = ApiHarness.JSON.readTree(html.selectFirst("script[type=application/ld+json]").data());
        SchemaOrgShapes.assertConforms(ld);
        assertEquals("NewsArticle", ld.path("@type").asText());
        assertEquals(shown, ld.path("commentCount").asInt());
        assertEquals(html.select("ol.comment-list > li.comment").size(), ld.path("comment").size(),
                "top-level comments at the top, replies nested under their parents");
        assertEquals("Comment", ld.path("comment").get(0).path("@type").asText());
    }

    @Test
    void aLeadImage_isDrawnAtItsSize_andNamedInTheHead() throws Exception {
        Answer created = api.admin("POST", "/admin/articles", "{\"slug\":\"pictured-story\",\"title\":\"Pictured\","
                + "\"body\":[\"One.\",\"Two.\"],\"categories\":[\"Photos\"],\"status\":\"published\","
                + "\"leadImage\":{\"url\":\"https://img.example/bamako.jpg\",\"alt\":\"A street in Bamako\","
                + "\"caption\":\"Bamako <at dawn>\",\"credit\":\"Photo: A. Diallo\",\"width\":1200,\"height\":675}}");
        assertEquals(201, created.status(), created.raw().body());
        Document html = Jsoup.parse(api.get("/news/pictured-story").raw().body());
        Element img = html.selectFirst("figure.lead-image img");
        assertEquals("https://img.example/bamako.jpg", img.attr("src"));
        assertEquals("A street in Bamako", img.attr("alt"));
        assertEquals("1200", img.attr("width"));
        assertEquals("675", img.attr("height"));
        assertEquals("Bamako <at dawn> Photo: A. Diallo", html.selectFirst("figure.lead-image figcaption").text());
        assertEquals("https://img.example/bamako.jpg", html.selectFirst("meta[property=og:image]").attr("content"));
        assertEquals("summary_large_image", html.selectFirst("meta[name=twitter:card]").attr("content"));
        JsonNode ld = ApiHarness.JSON.readTree(html.selectFirst("script[type=application/ld+json]").data());
        SchemaOrgShapes.assertConforms(ld);
        assertEquals(675, ld.path("image").get(0).path("height").asInt());
    }

    @Test
    void anUnchangedPage_answers304ToItsETag() {
        api.settleCounts(); // comments posted by other tests change the page's count until counted
        Answer first = api.get(LEAD);
        String etag = first.header("ETag");
        assertNotNull(etag);
        Answer again = api.get(LEAD, "If-None-Match", etag);
        assertEquals(304, again.status());
        assertEquals("", again.raw().body());
        assertEquals(200, api.get(LEAD, "If-None-Match", "\"something-else\"").status());
    }

    @Test
    void aPublishedComment_landsAtItsAnchor_inThePage() {
        Answer posted = post(LEAD, form("Kofi", "kofi@example.com", "A published thought.", null));
        assertEquals(303, posted.status());
        Matcher at = Pattern.compile(Pattern.quote(base + LEAD) + "#comment-([0-9A-Z]+)").matcher(posted.header("Location"));
        assertTrue(at.matches(), posted.header("Location"));
        Document page = Jsoup.parse(api.get(LEAD).raw().body());
        assertEquals("A published thought.", page.selectFirst("#comment-" + at.group(1) + " .comment-content").text());
    }

    /**
     * A comment on a later page of the thread is linked to that page wherever a link names it: its own date link and
     * the page's JSON-LD; the feed and the console give {@code ?comment=ID}, which finds the page when followed.
     */
    @Test
    void aCommentOnALaterPage_isLinkedAtItsPage_andACommentLinkFindsThatPage() throws Exception {
        api.settings("\"commentsPerPage\":2");
        Matcher at = null;
        for (int i = 1; i <= 3; i++) {
            String location = post(LEAD, form("Ama", "ama@example.com", "Later page, thought " + i + ".", null)).header("Location");
            at = Pattern.compile(Pattern.quote(base + LEAD) + "(?:\\?cpage=([0-9]+))?#comment-([0-9A-Z]+)").matcher(location);
            assertTrue(at.matches(), location);
        }
        assertNotNull(at.group(1), "three more comments, two a page: the last is not on the first page");
        String id = at.group(2);
        int page = Integer.parseInt(at.group(1));
        assertTrue(page > 1);
        String permalink = base + LEAD + "?cpage=" + page + "#comment-" + id;

        Document html = Jsoup.parse(api.get(LEAD + "?cpage=" + page).raw().body());
        assertEquals(permalink, html.selectFirst("#comment-" + id + " .comment-metadata a").attr("href"));
        JsonNode article = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(html.selectFirst("script[type=application/ld+json]").data());
        JsonNode comment = null;
        for (JsonNode c : article.path("comment")) {
            comment = c.path("@id").asText().endsWith("#comment-" + id) ? c : comment;
        }
        assertNotNull(comment, "the page's JSON-LD names the comments it shows");
        assertEquals(permalink, comment.path("url").asText());
        assertEquals(base + LEAD + "#comment-" + id, comment.path("@id").asText(), "the identifier does not move");

        org.w3c.dom.Document feed = xml(LEAD + "/feed");
        String link = base + LEAD + "?comment=" + id + "#comment-" + id;
        assertTrue(texts(feed.getElementsByTagName("link")).contains(link), "the feed links the comment to be found");
        Answer found = api.get(LEAD + "?comment=" + id);
        assertEquals(302, found.status());
        assertEquals(permalink, found.header("Location"));
        assertEquals("public, max-age=60, stale-while-revalidate=600", found.header("Cache-Control"), "kept as its pages are");

        assertEquals(base + LEAD, api.get(LEAD + "?comment=01ARZ3NDEKTSV4RRFFQ69G5FAV").header("Location"),
                "a comment that is not shown there: the article");
        assertEquals(base + LEAD, api.get(LEAD + "?comment=%3Cscript%3E").header("Location"));
        assertEquals(404, api.get("/news/no-such-story?comment=" + id).status());
        api.settleCounts();
    }

    @Test
    void aHeldComment_isShownToItsAuthorOnly_throughTheModerationHash() {
        api.settings("\"moderateAll\":true");
        Answer posted = post(LEAD, form("Ama <b>", "ama@example.com", "Held until someone looks.", null));
        assertEquals(303, posted.status());
        String location = posted.header("Location");
        Matcher at = Pattern.compile(Pattern.quote(base + LEAD)
                + "\\?unapproved=([0-9A-Z]+)&moderation-hash=([0-9a-f]{32})#comment-\\1").matcher(location);
        assertTrue(at.matches(), location);
        String id = at.group(1);

        Answer preview = api.get(location.substring(base.length(), location.indexOf('#')));
        assertEquals("private, no-store", preview.header("Cache-Control"), "a page for one reader is never cached");
        Document html = Jsoup.parse(preview.raw().body());
        Element held = html.selectFirst("#comment-" + id);
        assertNotNull(held);
        assertTrue(held.hasAttr("data-held"));
        assertTrue(held.selectFirst(".comment-awaiting-moderation").text().startsWith("Your comment is awaiting moderation."));
        assertEquals("Ama <b>", held.selectFirst(".fn").text(), "the name is text, escaped");
        assertTrue(held.select(".comment-reply-link").isEmpty(), "no reply under a held comment");
        assertTrue(preview.raw().body().contains("Ama &lt;b&gt;"));

        for (String other : List.of(LEAD, LEAD + "?unapproved=" + id, LEAD + "?unapproved=" + id + "&moderation-hash="
                + "0".repeat(32), LEAD + "?unapproved=" + id + "&moderation-hash=" + at.group(2).toUpperCase())) {
            assertNull(Jsoup.parse(api.get(other).raw().body()).selectFirst("#comment-" + id), other);
        }
    }

    @Test
    void aRefusedComment_comesBackOnThePage_withTheReadersTextAndEachMessageBesideItsField() {
        Answer refused = post(LEAD, form("Yaw", "", "Typed with care,\nover two lines.", null));
        assertEquals(400, refused.status());
        assertEquals("private, no-store", refused.header("Cache-Control"));
        Document html = Jsoup.parse(refused.raw().body());
        assertEquals("Typed with care,\nover two lines.", html.selectFirst("textarea#comment").wholeText().replaceFirst("^\n", ""));
        assertEquals("Yaw", html.selectFirst("input#author").attr("value"));
        Element email = html.selectFirst("input#email");
        assertEquals("true", email.attr("aria-invalid"));
        assertEquals("email-error", email.attr("aria-describedby"));
        assertFalse(html.selectFirst("#email-error").text().isBlank());
        assertNotNull(html.selectFirst("#form-errors[role=alert]"));
        assertNull(html.selectFirst("#author-error"), "only the broken field has a message");
    }

    @Test
    void replyToCom_rendersTheFormUnderThatComment_andNoReplyLinkPastTheDepth() {
        Document page = Jsoup.parse(api.get(LEAD).raw().body());
        Element first = page.selectFirst("li.comment.depth-1");
        String id = first.id().substring("comment-".length());
        Answer reply = api.get(LEAD + "?replytocom=" + id);
        Document html = Jsoup.parse(reply.raw().body());
        Element form = html.selectFirst("#comment-" + id + " > #respond form");
        assertNotNull(form, "the form sits under the comment replied to");
        assertEquals(id, form.selectFirst("#comment_parent").attr("value"));
        assertFalse(html.selectFirst("#cancel-comment-reply-link").hasAttr("hidden"));
        assertEquals("noindex", html.selectFirst("meta[name=robots]").attr("content"));
        assertEquals(base + LEAD + "?replytocom=" + id + "#respond", first.selectFirst(".comment-reply-link").attr("href"));

        api.settings("\"threadDepth\":2");
        Document shallow = Jsoup.parse(api.get(LEAD).raw().body());
        assertTrue(shallow.select("li.depth-2 > article .comment-reply-link").isEmpty(), "depth 2 is the limit");
        assertFalse(shallow.select("li.depth-1 > article .comment-reply-link").isEmpty());
        String deep = shallow.selectFirst("li.depth-2").id().substring("comment-".length());
        Document tooDeep = Jsoup.parse(api.get(LEAD + "?replytocom=" + deep).raw().body());
        assertNull(tooDeep.selectFirst("#comment-" + deep + " #respond"), "no form under a comment too deep to answer");
        assertEquals("0", tooDeep.selectFirst("#comment_parent").attr("value"));
    }

    @Test
    void aModeratorsReply_carriesTheBadge_andAReaderNamedModeratorDoesNot() {
        Answer reply = api.admin("POST", "/admin/comments/01M818K4H0SAMPLE0000000001/reply",
                "{\"content\":\"Thanks, we have corrected the date.\"}");
        assertEquals(201, reply.status(), reply.raw().body());
        String moderatorsId = reply.json().path("id").asText();
        Answer posted = post(LEAD, form("Moderator", "mod@example.com", "Trust me, I am staff.", null));
        String readersId = posted.header("Location").replaceAll(".*#comment-", "");

        Document page = Jsoup.parse(api.get(LEAD).raw().body());
        Element moderators = page.selectFirst("#comment-" + moderatorsId);
        assertTrue(moderators.hasClass("bymoderator"));
        assertEquals("Moderator", moderators.selectFirst("#div-comment-" + moderatorsId + " .badge-moderator").text());
        Element readers = page.selectFirst("#comment-" + readersId);
        assertFalse(readers.hasClass("bymoderator"));
        assertNull(readers.selectFirst(".badge-moderator"), "a name cannot pass as the badge");
    }

    @Test
    void unknownArticlesAndCategories_getThe404Page() {
        for (String path : List.of("/news/no-such-story", "/category/Nothing%20Here", "/news/no-such-story/feed")) {
            Answer missing = api.get(path);
            assertEquals(404, missing.status(), path);
            assertTrue(missing.header("Content-Type").startsWith("text/html"), path);
            assertEquals("Page not found", Jsoup.parse(missing.raw().body()).selectFirst("h1").text());
        }
    }

    @Test
    void theFrontAndCategoryPages_listArticles_newestFirst() {
        Document front = Jsoup.parse(api.get("/").raw().body());
        assertTrue(front.select(".article-list h2 a").size() >= 2);
        assertEquals(base + "/", front.selectFirst("link[rel=canonical]").attr("href"));
        Document category = Jsoup.parse(api.get("/category/Lead%20Story").raw().body());
        assertEquals("Category: Lead Story", category.selectFirst("h1").text());
        assertEquals(base + LEAD, category.selectFirst(".article-list h2 a").attr("href"));
    }

    @Test
    void robotsNamesTheSitemaps_andFeedsAndSitemapsAreWellFormed() throws Exception {
        String robots = api.get("/robots.txt").raw().body();
        assertTrue(robots.contains("Sitemap: " + base + "/sitemap.xml"), robots);
        assertTrue(robots.contains("Sitemap: " + base + "/news-sitemap.xml"), robots);
        assertTrue(sitemapUrls().contains(base + LEAD));
        assertEquals(201, api.admin("POST", "/admin/articles", "{\"slug\":\"fresh-story\",\"title\":\"Fresh\","
                + "\"body\":[\"Now.\"],\"status\":\"published\"}").status());
        assertTrue(sitemapUrls().contains(base + "/news/fresh-story"));
        List<String> news = texts(xml("/news-sitemap.xml").getElementsByTagName("loc"));
        assertTrue(news.contains(base + "/news/fresh-story"), news.toString());
        assertFalse(news.contains(base + LEAD), "the sample lead story is older than two days");
        org.w3c.dom.Document feed = xml("/feed");
        assertTrue(texts(feed.getElementsByTagName("link")).contains(base + LEAD));
        org.w3c.dom.Document comments = xml(LEAD + "/feed");
        assertTrue(comments.getElementsByTagName("item").getLength() >= 3);
    }

    @Test
    void theFragment_isTheThreadAndAFormPostingToTheApi_forAnotherSitesPage() {
        String page = SITE + "/elsewhere.html";
        Answer fragment = api.get("/articles/" + SampleData.LEAD_SLUG + "/comments.html?redirect_to="
                + URLEncoder.encode(page, StandardCharsets.UTF_8));
        assertEquals(200, fragment.status());
        Document html = Jsoup.parse(fragment.raw().body());
        assertNotNull(html.selectFirst("section#comments[data-nr-thread]"));
        assertTrue(html.select("li.comment").size() >= 3);
        assertEquals(base + "/articles/" + SampleData.LEAD_SLUG + "/comments", html.selectFirst("form").attr("action"));
        assertEquals(page, html.selectFirst("input[name=redirect_to]").attr("value"));
        assertNull(html.selectFirst("html head title"), "a fragment, not a page");
        String id = html.selectFirst("li.comment").id().substring("comment-".length());
        Document withQuery = Jsoup.parse(api.get("/articles/" + SampleData.LEAD_SLUG + "/comments.html?redirect_to="
                + URLEncoder.encode(page + "?story=1#top", StandardCharsets.UTF_8)).raw().body());
        assertEquals(page + "?story=1&replytocom=" + id + "#respond",
                withQuery.selectFirst("#comment-" + id + " .comment-reply-link").attr("href"));
        // the including page as asked for on its thread's page 2, replying: its links start from the plain page
        Document onPageTwo = Jsoup.parse(api.get("/articles/" + SampleData.LEAD_SLUG + "/comments.html?redirect_to="
                + URLEncoder.encode(page + "?cpage=2&story=1&replytocom=X&comment=Y", StandardCharsets.UTF_8)).raw().body());
        assertEquals(page + "?story=1#comment-" + id, onPageTwo.selectFirst("#comment-" + id + " .comment-metadata a").attr("href"));
        assertEquals(page + "?story=1&replytocom=" + id + "#respond",
                onPageTwo.selectFirst("#comment-" + id + " .comment-reply-link").attr("href"));
        assertEquals(page + "?story=1", onPageTwo.selectFirst("input[name=redirect_to]").attr("value"));
    }

    @Test
    void theFragment_linksOnlyToAnAllowedOrigin_elseToTheArticlesOwnPage() {
        for (String foreign : List.of("https://evil.example/phish", "https://news.example@evil.example/",
                "javascript:alert(1)", "//evil.example/x")) {
            Answer fragment = api.get("/articles/" + SampleData.LEAD_SLUG + "/comments.html?redirect_to="
                    + URLEncoder.encode(foreign, StandardCharsets.UTF_8));
            assertEquals(200, fragment.status());
            assertFalse(fragment.raw().body().contains("evil.example"), foreign);
            Document html = Jsoup.parse(fragment.raw().body());
            assertEquals(base + LEAD, html.selectFirst("input[name=redirect_to]").attr("value"), foreign);
            String id = html.selectFirst("li.comment").id().substring("comment-".length());
            assertEquals(base + LEAD + "?replytocom=" + id + "#respond",
                    html.selectFirst("#comment-" + id + " .comment-reply-link").attr("href"), foreign);
            assertEquals(base + LEAD + "#comment-" + id,
                    html.selectFirst("#comment-" + id + " .comment-metadata a").attr("href"), foreign);
        }
    }

    @Test
    void displaySettings_changeTheDatesAndAvatars_andABadOneIsRefused() {
        api.settings("\"dateFormat\":\"Y-m-d\",\"timeFormat\":\"H:i\",\"timezone\":\"Asia/Tokyo\",\"showAvatars\":true,"
                + "\"avatarDefault\":\"identicon\"");
        Document page = Jsoup.parse(api.get(LEAD).raw().body());
        Element time = page.selectFirst("li.comment .comment-metadata time");
        String instant = time.attr("datetime");
        java.time.ZonedDateTime tokyo = java.time.Instant.parse(instant).atZone(java.time.ZoneId.of("Asia/Tokyo"));
        assertEquals(String.format("%tF at %<tH:%<tM", tokyo), time.text());
        Element avatar = page.selectFirst("li.comment img.avatar");
        assertTrue(avatar.attr("src").startsWith("https://secure.gravatar.com/avatar/"), avatar.attr("src"));
        assertTrue(avatar.attr("src").contains("d=identicon"));
        assertEquals("48", avatar.attr("width"));
        assertEquals("lazy", avatar.attr("loading"));

        api.settings("\"showAvatars\":false,\"dateFormat\":\"F j, Y\",\"timeFormat\":\"g:i a\",\"timezone\":\"UTC\"");
        String plain = api.get(LEAD).raw().body();
        assertFalse(plain.contains("gravatar"), "no third-party request when avatars are off");
        long version = api.admin("GET", "/admin/settings", null).json().path("version").asLong();
        Answer refused = api.admin("PUT", "/admin/settings", "{\"timezone\":\"Mars/Olympus\",\"version\":" + version + "}");
        assertEquals(400, refused.status());
        assertEquals("timezone", refused.json().path("error").path("fields").get(0).path("field").asText());
    }

    @Test
    void aLongCommentInChinese_postedThroughThePageForm_isTaken_andABodyOver256KiBIsA413() {
        StringBuilder text = new StringBuilder();
        String words = "读者在文章下面留下了很长的评论讨论地区安全会议的每一个细节";
        for (int n = 0; text.toString().getBytes(StandardCharsets.UTF_8).length < 48_000; n++) {
            text.append(words).append(n).append('。');
        }
        String comment = text.toString();
        String body = form("Lin", "lin@example.com", comment, null);
        assertTrue(body.length() > 128 * 1024, "percent-encoded, the form is about three times the text");
        Answer posted = post(LEAD, body);
        assertEquals(303, posted.status(), posted.raw().body());
        String id = posted.header("Location").replaceFirst(".*#comment-", "");
        assertEquals(comment, api.admin("GET", "/admin/comments/" + id, null).json().path("content").asText());

        Answer tooLarge = post(LEAD, "comment=" + "a".repeat(256 * 1024));
        assertEquals(413, tooLarge.status());
        assertTrue(tooLarge.header("Content-Type").startsWith("text/html"));
    }

    /** The page's form is read as the API reads a comment form: a page in another charset, and strict bytes. */
    @Test
    void aFormInAnotherCharset_isReadInIt_andBytesThatAreNotText_areA400Page() {
        java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
        String body = "_charset_=windows-1252&" + form("Zoë", "zoe@example.com", "Café crème at 2 €.", null)
                .replace(enc("Zoë"), URLEncoder.encode("Zoë", cp1252))
                .replace(enc("Café crème at 2 €."), URLEncoder.encode("Café crème at 2 €.", cp1252));
        Answer posted = post(LEAD, body);
        assertEquals(303, posted.status(), posted.raw().body());
        Matcher at = Pattern.compile(Pattern.quote(base + LEAD) + "#comment-([0-9A-Z]+)").matcher(posted.header("Location"));
        assertTrue(at.matches(), posted.header("Location"));
        Document page = Jsoup.parse(api.get(LEAD).raw().body());
        assertEquals("Café crème at 2 €.", page.selectFirst("#comment-" + at.group(1) + " .comment-content").text());
        assertEquals("Zoë", page.selectFirst("#comment-" + at.group(1) + " .comment-author .fn").text());

        Answer notUtf8 = post(LEAD, form("Yaw", "yaw@example.com", "x", null) + "&comment=%FF%FE");
        assertEquals(400, notUtf8.status(), "invalid UTF-8 is refused, not read as U+FFFD");
        assertTrue(notUtf8.header("Content-Type").startsWith("text/html"));
        Answer unknown = post(LEAD, "_charset_=klingon&" + form("Yaw", "yaw@example.com", "x", null));
        assertEquals(415, unknown.status());
    }

    @Test
    void aPostThatIsNotAForm_orBrokenForm_isAClear4xxPage() {
        Answer json = api.send("POST", LEAD, "{\"comment\":\"x\"}", "Content-Type", "application/json");
        assertEquals(415, json.status());
        assertTrue(json.header("Content-Type").startsWith("text/html"));
        Answer broken = post(LEAD, "author=%zz&comment=x");
        assertEquals(400, broken.status());
        Answer closedMethod = api.send("DELETE", LEAD, null);
        assertEquals(405, closedMethod.status());
        assertEquals("GET, POST", closedMethod.header("Allow"));
    }

    /** Every article address the sitemap gives: its index, then each file the index names. */
    private static List<String> sitemapUrls() throws Exception {
        org.w3c.dom.Document index = xml("/sitemap.xml");
        assertEquals("sitemapindex", index.getDocumentElement().getNodeName());
        List<String> urls = new java.util.ArrayList<>();
        for (String file : texts(index.getElementsByTagName("loc"))) {
            assertTrue(file.startsWith(base + "/sitemap.xml?month="), file);
            urls.addAll(texts(xml(file.substring(base.length())).getElementsByTagName("loc")));
        }
        return urls;
    }

    /**
     * Every article published is in the sitemap, in the file of its month (a site's whole archive, not the newest
     * 1,000), at the site's root (a sitemap may list only addresses under its own directory).
     */
    @Test
    void theSitemap_isAnIndexOfOneFileAMonth_listingEveryPublishedArticleOfIt_oldestFirst() throws Exception {
        for (String[] a : new String[][]{{"archive-one", "2011-02-03T09:00:00Z"}, {"archive-two", "2011-02-20T09:00:00Z"},
                {"archive-three", "2011-06-01T00:00:00Z"}}) {
            assertEquals(201, api.admin("POST", "/admin/articles", "{\"slug\":\"" + a[0] + "\",\"title\":\"Archive\","
                    + "\"body\":[\"Then.\"],\"status\":\"published\",\"publishedAt\":\"" + a[1] + "\"}").status());
        }
        List<String> files = texts(xml("/sitemap.xml").getElementsByTagName("loc"));
        int june = files.indexOf(base + "/sitemap.xml?month=2011-06");
        int february = files.indexOf(base + "/sitemap.xml?month=2011-02");
        assertTrue(june >= 0 && february > june, "newest month first: " + files);
        assertFalse(files.contains(base + "/sitemap.xml?month=2011-03"), "no file for a month without articles");
        org.w3c.dom.Document feb = xml("/sitemap.xml?month=2011-02");
        assertEquals(List.of(base + "/news/archive-one", base + "/news/archive-two"), texts(feb.getElementsByTagName("loc")),
                "oldest first, so a month's later parts only grow at their end");
        // lastmod is the article's last change: here its creation now, after a publication date in the past
        java.time.Instant lastmod = java.time.Instant.parse(feb.getElementsByTagName("lastmod").item(0).getTextContent());
        assertTrue(lastmod.isAfter(java.time.Instant.parse("2011-02-20T09:00:00Z")), lastmod.toString());
        assertEquals(2, feb.getElementsByTagName("lastmod").getLength());
        for (String none : List.of("month=2011-03", "month=2011-02&part=2", "month=2011-02&part=1", "month=2011-13",
                "month=latest", "part=2", "month=2011-02&part=02")) {
            assertEquals(404, api.get("/sitemap.xml?" + none).status(), none);
        }
        Answer moved = api.get("/sitemap.xml?month=2011-02&after=x");
        assertEquals(301, moved.status(), "a parameter the sitemap does not read: the address without it, nothing read");
        assertEquals(base + "/sitemap.xml?month=2011-02", moved.header("Location"));
        assertEquals("private, no-store", moved.header("Cache-Control"), "not kept: it reads nothing");
        assertEquals(base + "/sitemap.xml", api.get("/sitemap.xml?cpage=9").header("Location"));
        assertEquals(200, api.get("/sitemap.xml?utm_source=feed").status(),
                "a parameter the cache ignores is ignored here too: a redirect would be stored for the plain address");
        int deleted = api.admin("DELETE", "/admin/articles/archive-three", null).status();
        assertTrue(deleted == 204 || deleted == 202, "deleted (its comments maybe still going): " + deleted);
        assertFalse(texts(xml("/sitemap.xml").getElementsByTagName("loc")).contains(base + "/sitemap.xml?month=2011-06"),
                "a month whose articles are all gone has no file");
    }

    private static org.w3c.dom.Document xml(String path) throws Exception {
        Answer answer = api.get(path);
        assertEquals(200, answer.status(), path);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(answer.raw().body().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(NodeList nodes) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private static String form(String author, String email, String comment, String parent) {
        return "author=" + enc(author) + "&email=" + enc(email) + "&url=&comment=" + enc(comment) + "&comment_parent="
                + (parent == null ? "0" : parent) + "&hp=&redirect_to=" + enc(base + LEAD);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Answer post(String path, String body) {
        return api.send("POST", path, body, "Content-Type", "application/x-www-form-urlencoded",
                "Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
    }
}
