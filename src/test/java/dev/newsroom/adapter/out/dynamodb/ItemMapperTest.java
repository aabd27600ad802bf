package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentHtml;
import dev.newsroom.domain.CommentStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Items written before a field existed still read, and HTML too large for an item is made on read. */
class ItemMapperTest {
    private static Comment comment(String content) {
        Instant at = Instant.parse("2026-11-23T19:29:58Z");
        return new Comment("01J0000000000000000000000A", "a-story", null, 1, "Ama", "ama@example.com", null, content,
                CommentStatus.APPROVED, null, null, at, at, null, null, 1, null, CommentHtml.format(content), true);
    }

    @Test
    void comment_storedWithoutContentHtml_getsItOnRead() {
        CommentItem item = ItemMapper.toItem(comment("Hi https://a.example"), 1);
        item.contentHtml = null;
        item.byModerator = null;
        Comment read = ItemMapper.toComment(item);
        assertEquals(CommentHtml.format("Hi https://a.example"), read.contentHtml());
        assertFalse(read.byModerator());
    }

    @Test
    void comment_keepsContentHtmlAndModeratorFlag() {
        CommentItem item = ItemMapper.toItem(comment("Hi"), 1);
        assertEquals("<p>Hi</p>\n", item.contentHtml);
        assertTrue(ItemMapper.toComment(item).byModerator());
    }

    @Test
    void comment_whoseHtmlIsTooLargeForAnItem_keepsOnlyItsContent() {
        String content = "a@b.cc ".repeat(9_000);
        CommentItem item = ItemMapper.toItem(comment(content), 1);
        assertNull(item.contentHtml);
        assertEquals(CommentHtml.format(content), ItemMapper.toComment(item).contentHtml());
    }

    @Test
    void article_storedWithoutBodyHtml_getsItFromItsParagraphs() {
        ArticleItem item = new ArticleItem();
        item.slug = "old";
        item.title = "Old";
        item.body = List.of("One & two", "Three");
        assertEquals("<p>One &amp; two</p>\n<p>Three</p>", ItemMapper.toArticle(item).bodyHtml());
    }
}
