package dev.newsroom.local.wordpress;

import dev.newsroom.adapter.out.html.JsoupArticleHtmlSanitizer;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.ArticleStatus;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentStatus;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostMapperTest {
    private final ImportReport report = new ImportReport();
    private final List<ImportProblem> problems = new ArrayList<>();

    /** The fixture's posts as mapped; with {@code stored}, each counted in the report as the writer does once stored. */
    private List<MappedPost> mapFixture(boolean pages, boolean stored) throws Exception {
        PostMapper mapper = new PostMapper(pages, new JsoupArticleHtmlSanitizer(List.of("https://daily.example")), report);
        List<MappedPost> mapped = new ArrayList<>();
        try (InputStream in = WxrReaderTest.fixture()) {
            WxrReader.read(in, (site, post) -> {
                mapper.map(site, post).ifPresent(mapped::add);
                problems.addAll(mapper.takeProblems());
            });
        }
        if (stored) {
            mapped.forEach(report::stored);
        }
        return mapped;
    }

    private List<MappedPost> mapFixture(boolean pages) throws Exception {
        return mapFixture(pages, true);
    }

    /**
     * Author fields are held to what a submission must meet, since views promise them: a {@code javascript:} site
     * and an address that is not one are left out, a 300-byte name is cut to 245, each said with its place; a comment
     * longer than WordPress allows (it would not fit a stored comment) is refused as an error.
     */
    @Test
    void authorFields_heldToTheSubmissionRules_andOverlongContentRefused() throws Exception {
        String comments = comment(1, "Mallory", "not an email", "javascript:alert(document.domain)", "Hello")
                + comment(2, "\u00e9".repeat(150), "ok@example.org", "https://ok.example/", "Long name")
                + comment(3, "Big", "big@example.org", "", "x".repeat(70_000));
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><wp:wxr_version>1.2</wp:wxr_version>"
                + "<wp:base_site_url>https://daily.example</wp:base_site_url><item><title>Checked</title>"
                + "<content:encoded><![CDATA[Text.]]></content:encoded><wp:post_id>7</wp:post_id>"
                + "<wp:post_date_gmt>2024-03-01 09:00:00</wp:post_date_gmt><wp:post_name>checked</wp:post_name>"
                + "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>" + comments + "</item></channel></rss>";
        PostMapper mapper = new PostMapper(false, new JsoupArticleHtmlSanitizer(List.of("https://daily.example")), report);
        List<MappedPost> mapped = new ArrayList<>();
        WxrReader.read(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), (site, post) -> {
            mapper.map(site, post).ifPresent(mapped::add);
            problems.addAll(mapper.takeProblems());
        });
        Map<String, Comment> byContent = mapped.get(0).comments().stream()
                .collect(Collectors.toMap(Comment::content, Function.identity()));
        assertEquals(Set.of("Hello", "Long name"), byContent.keySet(), "the overlong comment is left out");
        assertNull(byContent.get("Hello").authorUrl());
        assertNull(byContent.get("Hello").authorEmail());
        assertEquals("\u00e9".repeat(122), byContent.get("Long name").authorName(), "cut at 244 bytes, not inside a character");
        assertEquals("https://ok.example/", byContent.get("Long name").authorUrl());
        List<String> said = problems.stream().map(ImportProblem::toString).toList();
        assertEquals(4, said.size(), said.toString());
        assertTrue(said.get(0).matches("line 1, column \\d+: wp:comment_author_email \"not an email\" is not an email address.*"), said.get(0));
        assertTrue(said.get(1).contains("wp:comment_author_url \"javascript:alert(document.domain)\" is not an http(s) URL"), said.get(1));
        assertTrue(said.get(2).contains("wp:comment_author is longer than 245 bytes"), said.get(2));
        assertTrue(said.get(3).contains("wp:comment_content is 70000 bytes, more than a comment may hold (65525)"), said.get(3));
        assertEquals(1, report.errors.get(), "only the refused comment is an error");
    }

    /** A body over the article limit, read whole or read past, is refused with its place; the posts after it come in. */
    @Test
    void oversizeBodies_areRefusedWithTheirPlace_andTheImportGoesOn() throws Exception {
        String overTheArticle = "<p>" + "x".repeat(10_000) + "</p>\n";
        String xml = WxrReaderTest.HEAD + "<wp:base_site_url>https://daily.example</wp:base_site_url>\n"
                + post(1, "big", overTheArticle.repeat(20)) + "\n" + post(2, "huge", "y".repeat(FieldLimits.CONTENT + 1)) + "\n"
                + post(3, "fine", "Fine.") + "</channel></rss>";
        PostMapper mapper = new PostMapper(false, new JsoupArticleHtmlSanitizer(), report);
        List<MappedPost> mapped = new ArrayList<>();
        WxrReader.read(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), (site, post) -> {
            mapper.map(site, post).ifPresent(mapped::add);
            problems.addAll(mapper.takeProblems());
        });
        assertEquals(List.of("fine"), mapped.stream().map(m -> m.article().slug()).toList());
        List<String> said = problems.stream().map(ImportProblem::toString).toList();
        assertTrue(said.get(0).startsWith("line 6, column 100: post 1 (\"big\") cannot be an article: The body must be at most 196608"), said.get(0));
        assertTrue(said.get(1).startsWith("line 27, column 102: post 2: its content is over 786432 characters"), said.get(1));
        assertEquals(2, report.errors.get());
    }

    private static String post(int id, String slug, String content) {
        return "<item><title>" + slug + "</title><wp:post_id>" + id + "</wp:post_id><wp:post_name>" + slug + "</wp:post_name>"
                + "<content:encoded><![CDATA[" + content + "]]></content:encoded><wp:status>publish</wp:status></item>";
    }

    private static String comment(int id, String author, String email, String url, String content) {
        return "<wp:comment><wp:comment_id>" + id + "</wp:comment_id><wp:comment_author><![CDATA[" + author
                + "]]></wp:comment_author><wp:comment_author_email>" + email + "</wp:comment_author_email>"
                + "<wp:comment_author_url>" + url + "</wp:comment_author_url>"
                + "<wp:comment_date_gmt>2024-03-01 10:0" + id + ":00</wp:comment_date_gmt><wp:comment_content><![CDATA["
                + content + "]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
                + "<wp:comment_type>comment</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>";
    }

    @Test
    void postsBecomeArticles_draftsAndPasswordsAsDrafts_pagesAndAttachmentsLeftOut() throws Exception {
        Map<String, Article> articles = mapFixture(false).stream().map(MappedPost::article)
                .collect(Collectors.toMap(Article::slug, Function.identity()));
        assertEquals(List.of("brouillon-d-ete", "brouillon-d-ete-2", "budget-detail", "cafe-creme-prices", "dates-gone-wrong",
                "harbour-bridge-reopens"), articles.keySet().stream().sorted().toList());
        Article bridge = articles.get("harbour-bridge-reopens");
        assertEquals(ArticleStatus.PUBLISHED, bridge.status());
        assertEquals(Instant.parse("2024-03-01T09:00:00Z"), bridge.publishedAt());
        assertEquals(Instant.parse("2024-03-02T11:00:00Z"), bridge.updatedAt());
        assertEquals(List.of("News", "City"), bridge.categories());
        assertEquals(List.of("The bridge reopened on Friday morning after six months of repairs.",
                "Traffic was light at first & picked up by noon. The mayor cut a ribbon.", "\"It is a good day,\" she said."),
                bridge.body(), "classic editor: blank lines are paragraphs");
        assertTrue(bridge.bodyHtml().startsWith("<p>The bridge reopened on Friday morning after <strong>six months</strong> of repairs.</p>"),
                bridge.bodyHtml());
        assertTrue(bridge.bodyHtml().contains("first &amp; picked up by noon.<br>"), "a single newline is a line break: " + bridge.bodyHtml());
        assertTrue(bridge.bodyHtml().contains("<blockquote>"), bridge.bodyHtml());
        String cafe = articles.get("cafe-creme-prices").bodyHtml();
        assertTrue(cafe.contains("<h2 class=\"wp-block-heading\">Why</h2>") && !cafe.contains("<!--") && !cafe.contains("<p></p>"), cafe);
        assertEquals(List.of("A cup now costs €3.20 in the old town.", "Why", "Milk and rent went up."),
                articles.get("cafe-creme-prices").body(), "block editor: one paragraph per block");
        assertEquals(false, articles.get("cafe-creme-prices").commentsOpen());
        assertEquals(ArticleStatus.DRAFT, articles.get("budget-detail").status(), "password-protected");
        assertEquals(ArticleStatus.DRAFT, articles.get("brouillon-d-ete").status());
        assertNull(articles.get("brouillon-d-ete").publishedAt());
        assertEquals(ArticleStatus.PUBLISHED, articles.get("brouillon-d-ete-2").status());
        assertEquals(6, report.articles.get());
        assertEquals(2, report.drafts.get());
        assertEquals(2, report.otherItems, "the page (without --pages) and the attachment");
    }

    @Test
    void pages_onlyWhenAsked() throws Exception {
        assertTrue(mapFixture(true).stream().anyMatch(p -> p.article().slug().equals("about")));
        assertEquals(1, report.pages.get());
    }

    @Test
    void comments_keepStatusAuthorAndThreads_anyDepth_parentsFirst() throws Exception {
        MappedPost bridge = mapFixture(false).stream().filter(p -> p.article().slug().equals("harbour-bridge-reopens"))
                .findFirst().orElseThrow();
        Map<String, Comment> byAuthor = bridge.comments().stream().collect(Collectors.toMap(Comment::authorName, Function.identity()));
        Comment zoe = byAuthor.get("Zoë Åström");
        Comment ama = byAuthor.get("Ama");
        Comment kwame = byAuthor.get("Kwame");
        assertEquals(1, zoe.depth());
        assertEquals(zoe.id(), ama.parentId());
        assertEquals(2, ama.depth());
        assertEquals(ama.id(), kwame.parentId(), "its parent comes later in the file");
        assertEquals(3, kwame.depth());
        assertTrue(bridge.comments().indexOf(ama) < bridge.comments().indexOf(kwame));
        assertEquals("zoe@example.org", zoe.authorEmail());
        assertEquals("https://zoe.example.org/", zoe.authorUrl());
        assertEquals("203.0.113.7", zoe.ip());
        assertEquals(Instant.parse("2024-03-01T10:00:00Z"), zoe.createdAt());
        assertTrue(zoe.content().startsWith("Finally! <b>Six months</b> is long. <script>"), "content is kept as written");
        assertTrue(zoe.contentHtml().startsWith("<p>Finally! <b>Six months</b> is long."), zoe.contentHtml());
        assertTrue(!zoe.contentHtml().contains("<script") && zoe.contentHtml().contains("rel=\"nofollow ugc\">https://daily.example/traffic</a>"),
                zoe.contentHtml());
        assertEquals(CommentStatus.PENDING, byAuthor.get("Held Reader").status());
        assertEquals(CommentStatus.SPAM, byAuthor.get("Cheap Pills").status());
        assertEquals(CommentStatus.TRASH, byAuthor.get("Binned").status());
        Comment orphan = byAuthor.get("Anonymous");
        assertEquals(1, orphan.depth());
        assertNull(orphan.parentId());
        assertNull(orphan.authorEmail());
        assertEquals(7, bridge.comments().size(), "two pingbacks/trackbacks left out");
        assertEquals(2, report.pingbacks.get());
        assertEquals(1, report.orphans.get());
        assertEquals(7, report.comments.get(CommentStatus.APPROVED).get());
    }

    @Test
    void mappingAlone_countsOnlyOtherItemsAndErrors_aPostCountsOnceStored() throws Exception {
        List<MappedPost> mapped = mapFixture(false, false);
        assertEquals(0, report.articles.get());
        assertEquals(0, report.totalComments());
        assertEquals(0, report.pingbacks.get() + report.orphans.get());
        assertEquals(2, report.otherItems);
        assertEquals(1, report.errors.get());
        MappedPost bridge = mapped.stream().filter(p -> p.article().slug().equals("harbour-bridge-reopens")).findFirst().orElseThrow();
        report.stored(bridge);
        assertEquals(1, report.articles.get());
        assertEquals(7, report.totalComments());
        assertEquals(4, report.comments.get(CommentStatus.APPROVED).get());
        assertEquals(2, report.pingbacks.get());
        assertEquals(1, report.orphans.get());
    }

    @Test
    void aBrokenDate_isReportedWithItsLineAndColumn_andOnlyThatCommentIsLeftOut() throws Exception {
        MappedPost dates = mapFixture(false).stream().filter(p -> p.article().slug().equals("dates-gone-wrong")).findFirst().orElseThrow();
        assertEquals(List.of("Good Date"), dates.comments().stream().map(Comment::authorName).toList());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).toString().matches("line 332, column \\d+: wp:comment_date_gmt \"2024-02-30 25:61:00\" is not a date.*"),
                problems.get(0).toString());
        assertEquals(1, report.errors.get());
    }

    @Test
    void ids_comeFromTheSiteAndWordPressIds_sortingByDate() throws Exception {
        List<String> first = mapFixture(false).stream().flatMap(p -> p.comments().stream()).map(Comment::id).sorted().toList();
        List<String> again = mapFixture(false).stream().flatMap(p -> p.comments().stream()).map(Comment::id).sorted().toList();
        assertEquals(first, again);
        String early = ImportIds.commentId("https://daily.example", 5, Instant.parse("2024-01-01T00:00:00Z"));
        String late = ImportIds.commentId("https://daily.example", 4, Instant.parse("2024-01-02T00:00:00Z"));
        assertTrue(early.compareTo(late) < 0);
        assertEquals(26, early.length());
        assertTrue(!early.equals(ImportIds.commentId("https://other.example", 5, Instant.parse("2024-01-01T00:00:00Z"))));
    }

    @Test
    void articleOrigins_nameTheSiteAndThePost() throws Exception {
        Map<String, String> origins = mapFixture(false).stream()
                .collect(Collectors.toMap(p -> p.article().slug(), MappedPost::origin));
        assertEquals("post 10 of https://daily.example", origins.get("harbour-bridge-reopens"));
        assertEquals(origins.size(), Set.copyOf(origins.values()).size(), "one origin per post");
        assertTrue(!ImportIds.articleOrigin("https://daily.example", 10).equals(ImportIds.articleOrigin("https://other.example", 10)));
    }

    @Test
    void slugs_fromNamesOrTitles_uniqueInTheExport() {
        Slugs slugs = new Slugs();
        assertEquals("cafe-creme", slugs.next("caf%c3%a9-cr%c3%a8me", "x", 1));
        assertEquals("cafe-creme-2", slugs.next("", "Café Crème", 2));
        assertEquals("post-3", slugs.next("", "日本語", 3));
        assertEquals("a-b", slugs.next("A -- B!", "", 4));
    }
}
