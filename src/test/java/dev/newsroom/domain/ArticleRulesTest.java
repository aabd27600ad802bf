package dev.newsroom.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T19:29:58Z");

    private static ArticleDraft draft(String slug, String title, List<String> body, String status) {
        return new ArticleDraft(slug, title, "An excerpt", body, List.of("Latest News"), new Source("BBC", "https://bbc.example"),
                List.of(), List.of(), status, null, null);
    }

    @Test
    void isValidSlug_acceptsLowerCaseWordsWithSingleHyphens() {
        assertTrue(ArticleRules.isValidSlug("wagner-to-withdraw-from-mali"));
        for (String bad : List.of("", "Upper", "two--hyphens", "-lead", "trail-", "../etc/passwd", "sp ace", "a".repeat(201))) {
            assertFalse(ArticleRules.isValidSlug(bad), bad);
        }
    }

    @Test
    void toArticle_whenPublishedWithoutDate_isPublishedNowWithCommentsOpen() {
        Article a = ArticleRules.toArticle(draft("a-story", "A story", List.of("One."), "published"), NOW, 0, 1);
        assertEquals(NOW, a.publishedAt());
        assertTrue(a.commentsOpen());
        assertTrue(a.isPublished());
    }

    @Test
    void toArticle_reportsEveryBrokenField() {
        var bad = new ArticleDraft("Bad Slug", " ", null, List.of(), List.of("A#B"), new Source("", "javascript:x"),
                List.of(new ArticleLink("x y", "t")), List.of(), "live", null, null);
        ServiceException e = assertThrows(ServiceException.class, () -> ArticleRules.toArticle(bad, NOW, 0, 1));
        assertEquals(List.of("slug", "title", "body", "categories", "source.name", "source.url", "seeAlso", "status"),
                e.fields().stream().map(FieldError::field).toList());
    }

    /** Outside the years 1000 to 9999 an instant's text starts with a sign or is shorter, and sorts out of place. */
    @Test
    void toArticle_refusesAPublicationDateOutsideTheYears1000To9999() {
        for (String date : List.of("+10000-01-01T00:00:00Z", "0999-12-31T23:59:59Z")) {
            var d = new ArticleDraft("a-story", "A story", null, List.of("One."), List.of(), null, List.of(), List.of(),
                    "published", null, java.time.Instant.parse(date));
            ServiceException e = assertThrows(ServiceException.class, () -> ArticleRules.toArticle(d, NOW, 0, 1), date);
            assertEquals("publishedAt", e.fields().get(0).field(), date);
        }
        var earliest = new ArticleDraft("a-story", "A story", null, List.of("One."), List.of(), null, List.of(), List.of(),
                "published", null, java.time.Instant.parse("1000-01-01T00:00:00Z"));
        assertEquals(java.time.Instant.parse("1000-01-01T00:00:00Z"), ArticleRules.toArticle(earliest, NOW, 0, 1).publishedAt());
    }

    @Test
    void acceptsCommentsAt_closesAfterConfiguredDays() {
        Article a = ArticleRules.toArticle(draft("a-story", "A story", List.of("One."), "published"), NOW, 0, 1);
        assertTrue(a.acceptsCommentsAt(NOW.plusSeconds(86_400L * 13), 14));
        assertFalse(a.acceptsCommentsAt(NOW.plusSeconds(86_400L * 14), 14));
        assertTrue(a.acceptsCommentsAt(NOW.plusSeconds(86_400L * 400), 0));
    }

    @Test
    void toArticle_whenCategoriesDifferOnlyBySpaces_refusesThemAsDuplicates() {
        var twice = new ArticleDraft("a-story", "A story", null, List.of("One."), List.of("Sport", " Sport"), null,
                List.of(), List.of(), "published", null, null);
        ServiceException e = assertThrows(ServiceException.class, () -> ArticleRules.toArticle(twice, NOW, 0, 1));
        assertEquals(List.of("categories"), e.fields().stream().map(FieldError::field).toList());
    }

    @Test
    void toArticle_whenSourceUrlHoldsUnpairedSurrogateOrControl_refusesIt() {
        for (String url : List.of("https://example.com/\ud800", "https://example.com/\udc00x", "https://example.com/\u007f",
                "https://example.com/\u0085")) {
            var d = new ArticleDraft("a-story", "A story", null, List.of("One."), List.of(), new Source("BBC", url),
                    List.of(), List.of(), "published", null, null);
            ServiceException e = assertThrows(ServiceException.class, () -> ArticleRules.toArticle(d, NOW, 0, 1), url);
            assertEquals(List.of("source.url"), e.fields().stream().map(FieldError::field).toList());
        }
    }

    @Test
    void toArticle_keepsPlainParagraphsAsEscapedHtml_andMakesAMissingExcerpt() {
        var plain = new ArticleDraft("a-story", "A story", " ", List.of("Fish & chips.", "Two."), List.of(), null,
                List.of(), List.of(), "published", null, null);
        Article a = ArticleRules.toArticle(plain, NOW, 0, 1);
        assertEquals("<p>Fish &amp; chips.</p>\n<p>Two.</p>", a.bodyHtml());
        assertEquals("Fish & chips. Two.", a.excerpt());
    }

    @Test
    void toArticle_fromHtml_reportsBodyErrorsOnBodyHtml_andRefusesHtmlTooLargeForAnItem() {
        var empty = draft("a-story", "A story", List.of(), "published").withBodyHtml("", List.of());
        ServiceException noText = assertThrows(ServiceException.class, () -> ArticleRules.toArticle(empty, NOW, 0, 1));
        assertEquals(List.of("bodyHtml"), noText.fields().stream().map(FieldError::field).toList());

        String html = "<p>" + "&amp;".repeat(ArticleRules.MAX_BODY_HTML_BYTES / 5) + "</p>";
        var large = draft("a-story", "A story", List.of(), "published").withBodyHtml(html, List.of("&".repeat(1000)));
        ServiceException tooLarge = assertThrows(ServiceException.class, () -> ArticleRules.toArticle(large, NOW, 0, 1));
        assertEquals("too_long", tooLarge.fields().get(0).code());
        assertEquals("bodyHtml", tooLarge.fields().get(0).field());
    }

    @Test
    void leadImage_isKeptWithItsTextsNormalized_andABlankCaptionOrCreditDropped() {
        var image = new LeadImage("https://img.example/a.jpg", " A street in Bamako ", " ", "Photo: Reuters", 1200, 675);
        Article a = ArticleRules.toArticle(draft("a-story", "A story", List.of("One."), "published").withLeadImage(image),
                NOW, 0, 1);
        assertEquals(new LeadImage("https://img.example/a.jpg", "A street in Bamako", null, "Photo: Reuters", 1200, 675),
                a.leadImage());
        assertEquals(null, ArticleRules.toArticle(draft("b-story", "B", List.of("One."), "draft"), NOW, 0, 1).leadImage());
    }

    @Test
    void leadImage_withABadUrlTextOrSize_isRefusedFieldByField() {
        var bad = new LeadImage("javascript:alert(1)", null, "c".repeat(1_001), "x".repeat(201), 0, 20_001);
        var e = assertThrows(ServiceException.class, () -> ArticleRules.toArticle(
                draft("a-story", "A story", List.of("One."), "draft").withLeadImage(bad), NOW, 0, 1));
        assertEquals(List.of("leadImage.url", "leadImage.alt", "leadImage.caption", "leadImage.credit", "leadImage.size"),
                e.fields().stream().map(FieldError::field).toList());
        for (String url : List.of("ftp://img.example/a.jpg", "/relative.jpg", "https://img.example/" + "a".repeat(2_048))) {
            var d = draft("a-story", "A story", List.of("One."), "draft")
                    .withLeadImage(new LeadImage(url, "", null, null, 10, 10));
            assertThrows(ServiceException.class, () -> ArticleRules.toArticle(d, NOW, 0, 1), url);
        }
    }
}
