package dev.newsroom.application;

import dev.newsroom.domain.Article;
import dev.newsroom.domain.ArticleDraft;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.newsroom.application.InMemoryUseCases.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ArticleService} on in-memory ports: what readers find, counts, and editors' conditional writes. */
class ArticleServiceTest {
    private final InMemoryUseCases app = new InMemoryUseCases();

    private static ArticleDraft draft(String slug, String title) {
        return InMemoryUseCases.draft(slug, title, "published", true);
    }

    @Test
    void readers_findPublishedArticlesOnly() {
        app.publish("lead-story");
        app.article("a-draft", "draft");

        assertEquals("lead-story", app.articles.publishedArticle("lead-story").slug());
        assertEquals("lead-story", app.articles.publishedArticleNow("lead-story").slug());
        for (String slug : List.of("a-draft", "no-such-story", "Not A Slug", "")) {
            fails(ErrorCode.ARTICLE_NOT_FOUND, () -> app.articles.publishedArticle(slug));
            fails(ErrorCode.ARTICLE_NOT_FOUND, () -> app.articles.publishedArticleNow(slug));
        }
        assertEquals("a-draft", app.articles.anyArticle("a-draft").slug());
    }

    @Test
    void anArticle_acceptsComments_untilTheSitesAgeLimit() {
        Article article = app.publish("lead-story");
        app.rules(15, true, 5, 2);

        assertTrue(app.articles.acceptsComments(article, app.settings.current()));
        app.clock.advance(Duration.ofDays(2));
        assertFalse(app.articles.acceptsComments(article, app.settings.current()));
        app.rules(15, true, 5, 0);
        assertTrue(app.articles.acceptsComments(article, app.settings.current()));
    }

    @Test
    void counts_comeInTheOrderAsked_withZeroForUnknownMalformedAndDraft() {
        app.publish("lead-story");
        app.article("a-draft", "draft");
        app.stored("C1", "lead-story", CommentStatus.APPROVED, "ama@example.com", "Hi");
        app.settleCounts();

        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("no-such-story", 0L);
        expected.put("lead-story", 1L);
        expected.put("a-draft", 0L);
        expected.put("Not/A/Slug", 0L);
        assertEquals(expected, app.articles.commentCounts(List.of("no-such-story", "lead-story", "a-draft", "lead-story",
                "Not/A/Slug")));
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(app.articles.commentCounts(List.of("no-such-story",
                "lead-story", "a-draft", "Not/A/Slug")).keySet()));
    }

    @Test
    void counts_takeOneToAHundredSlugs() {
        fails(ErrorCode.INVALID_PARAMETER, () -> app.articles.commentCounts(List.of()));
        List<String> many = IntStream.range(0, 101).mapToObj(i -> "story-" + i).toList();
        fails(ErrorCode.INVALID_PARAMETER, () -> app.articles.commentCounts(many));
        assertEquals(100, app.articles.commentCounts(many.subList(0, 100)).size());
        assertEquals(1, app.articles.commentCounts(Collections.nCopies(101, "story-1")).size());
    }

    @Test
    void anExistingSlug_cannotBeCreatedAgain() {
        app.publish("lead-story");

        fails(ErrorCode.SLUG_TAKEN, () -> app.publish("lead-story"));
    }

    @Test
    void anUpdate_keepsTheSlugAndCount_andNeedsTheCurrentVersion() {
        app.publish("lead-story");
        app.stored("C1", "lead-story", CommentStatus.APPROVED, "ama@example.com", "Hi");
        app.settleCounts();

        Article updated = app.articles.update("lead-story", draft(null, "New title"), 1);

        assertEquals("New title", updated.title());
        assertEquals(2, updated.version());
        assertEquals(1, updated.commentCount());
        fails(ErrorCode.VERSION_CONFLICT, () -> app.articles.update("lead-story", draft(null, "Stale"), 1));
        FieldError slug = fails(ErrorCode.VALIDATION_FAILED,
                () -> app.articles.update("lead-story", draft("other-slug", "Moved"), 2)).fields().get(0);
        assertEquals("immutable", slug.code());
        fails(ErrorCode.ARTICLE_NOT_FOUND, () -> app.articles.update("no-such-story", draft(null, "T"), 1));
    }

    @Test
    void delete_removesTheArticleAndItsComments_thenIsNotFound() {
        app.publish("lead-story");
        app.stored("C1", "lead-story", CommentStatus.APPROVED, "ama@example.com", "Hi");

        fails(ErrorCode.VERSION_CONFLICT, () -> app.articles.delete("lead-story", 5L));
        assertTrue(app.articles.delete("lead-story", 1L));

        fails(ErrorCode.ARTICLE_NOT_FOUND, () -> app.articles.anyArticle("lead-story"));
        assertTrue(app.comments.find("C1").isEmpty());
        fails(ErrorCode.ARTICLE_NOT_FOUND, () -> app.articles.delete("lead-story", null));
    }

    @Test
    void aDeletionCutShort_holdsTheSlug_untilRepeatedOrTheSlugIsCreatedAgain() {
        app.publish("lead-story");
        app.publish("second-story");
        app.stored("C1", "lead-story", CommentStatus.APPROVED, "ama@example.com", "Hi");
        app.stored("C2", "second-story", CommentStatus.APPROVED, "ama@example.com", "Hi");
        app.articleStore.cutDeletionsShort(true);

        assertFalse(app.articles.delete("lead-story", null));
        assertFalse(app.articles.delete("second-story", null));
        fails(ErrorCode.SLUG_TAKEN, () -> app.publish("lead-story"));
        assertFalse(app.articles.delete("lead-story", null));

        app.articleStore.cutDeletionsShort(false);
        assertTrue(app.articles.delete("lead-story", null));
        assertTrue(app.comments.find("C1").isEmpty());
        Article again = app.publish("second-story");
        assertEquals(0, again.commentCount());
        assertTrue(app.comments.find("C2").isEmpty());
    }
}
