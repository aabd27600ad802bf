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
}
