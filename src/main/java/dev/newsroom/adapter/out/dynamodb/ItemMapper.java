package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.domain.Article;
import dev.newsroom.domain.ArticleBody;
import dev.newsroom.domain.ArticleLink;
import dev.newsroom.domain.ArticleStatus;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentHtml;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.Hashes;
import dev.newsroom.domain.LeadImage;
import dev.newsroom.domain.RelatedPost;
import dev.newsroom.domain.Source;

import java.time.Instant;
import java.util.List;

/** Maps domain records to stored items and back; the only place that knows both shapes. */
final class ItemMapper {
    private ItemMapper() {
    }

    static ArticleItem toItem(Article a) {
        ArticleItem i = new ArticleItem();
        i.pk = TableLayout.articlePk(a.slug());
        i.sk = TableLayout.ARTICLE_SK;
        i.slug = a.slug();
        i.title = a.title();
        i.excerpt = a.excerpt();
        i.body = a.body();
        i.bodyHtml = a.bodyHtml();
        i.categories = a.categories();
        i.sourceName = a.source() == null ? null : a.source().name();
        i.sourceUrl = a.source() == null ? null : a.source().url();
        i.seeAlso = a.seeAlso().stream().map(l -> link(l.slug(), l.title(), null)).toList();
        i.related = a.related().stream().map(r -> link(r.slug(), r.title(), r.excerpt())).toList();
        i.status = a.status().wire();
        i.commentsOpen = a.commentsOpen();
        i.publishedAt = text(a.publishedAt());
        i.updatedAt = text(a.updatedAt());
        i.commentCount = a.commentCount();
        i.version = a.version();
        i.leadImage = a.leadImage() == null ? null : image(a.leadImage());
        return i;
    }

    private static ArticleItem.ImageItem image(LeadImage image) {
        ArticleItem.ImageItem i = new ArticleItem.ImageItem();
        i.url = image.url();
        i.alt = image.alt();
        i.caption = image.caption();
        i.credit = image.credit();
        i.width = image.width();
        i.height = image.height();
        return i;
    }

    private static LeadImage image(ArticleItem.ImageItem i) {
        if (i == null || i.url == null) {
            return null;
        }
        return new LeadImage(i.url, i.alt == null ? "" : i.alt, i.caption, i.credit,
                i.width == null ? 0 : i.width, i.height == null ? 0 : i.height);
    }

    /** An article stored before {@code bodyHtml} was kept gets it made from its paragraphs (escaped), on the read. */
    static Article toArticle(ArticleItem i) {
        return new Article(i.slug, i.title, i.excerpt == null ? "" : i.excerpt, orEmpty(i.body), orEmpty(i.categories),
                i.sourceName == null ? null : new Source(i.sourceName, i.sourceUrl),
                orEmpty(i.seeAlso).stream().map(l -> new ArticleLink(l.slug, l.title)).toList(),
                orEmpty(i.related).stream().map(l -> new RelatedPost(l.slug, l.title, l.excerpt)).toList(),
                ArticleStatus.parse(i.status).orElse(ArticleStatus.DRAFT), Boolean.TRUE.equals(i.commentsOpen),
                instant(i.publishedAt), instant(i.updatedAt),
                i.commentCount == null ? 0 : Math.max(0, i.commentCount), i.version == null ? 0 : i.version,
                i.bodyHtml == null ? ArticleBody.html(orEmpty(i.body)) : i.bodyHtml, image(i.leadImage));
    }

    static ListEntryItem listEntry(Article a, String category) {
        ListEntryItem e = new ListEntryItem();
        String list = TableLayout.listName(category);
        e.pk = TableLayout.articlePk(a.slug());
        e.sk = list;
        e.gsi1pk = list;
        e.gsi1sk = text(a.publishedAt()) + "#" + a.slug();
        e.slug = a.slug();
        e.updatedAt = text(a.updatedAt());
        return e;
    }

    /**
     * The list entries a published article has: "all" and one per category; a draft has one, in the drafts list,
     * sorted by its last change.
     */
    static List<ListEntryItem> listEntries(Article a) {
        if (!a.isPublished()) {
            ListEntryItem draft = listEntry(a, null);
            draft.sk = TableLayout.DRAFTS_LIST;
            draft.gsi1pk = TableLayout.DRAFTS_LIST;
            draft.gsi1sk = text(a.updatedAt()) + "#" + a.slug();
            return List.of(draft);
        }
        List<ListEntryItem> entries = new java.util.ArrayList<>();
        entries.add(listEntry(a, null));
        a.categories().forEach(c -> entries.add(listEntry(a, c)));
        return entries;
    }

    /** The stored comment, its moderation-queue entry in one of {@code queueShards} partitions. */
    static CommentItem toItem(Comment c, int queueShards) {
        CommentItem i = new CommentItem();
        i.pk = TableLayout.commentPk(c.id());
        i.sk = TableLayout.COMMENT_SK;
        i.gsi1pk = TableLayout.threadPk(c.articleSlug(), c.status().wire());
        i.gsi1sk = c.id();
        i.gsi2pk = TableLayout.queuePk(c.status().wire(), c.id(), queueShards);
        i.gsi2sk = c.id();
        if (c.authorEmail() != null) {
            i.gsi3pk = TableLayout.emailPk(Hashes.avatarHash(c.authorEmail()));
            i.gsi3sk = TableLayout.authorSk(c.status().wire(), c.authorKey(), c.id());
        }
        i.id = c.id();
        i.articleSlug = c.articleSlug();
        i.parentId = c.parentId();
        i.depth = c.depth();
        i.authorName = c.authorName();
        i.authorEmail = c.authorEmail();
        i.authorUrl = c.authorUrl();
        i.content = c.content();
        i.status = c.status().wire();
        i.ip = c.ip();
        i.userAgent = c.userAgent();
        i.createdAt = text(c.createdAt());
        i.updatedAt = text(c.updatedAt());
        i.moderatedBy = c.moderatedBy();
        i.moderatedAt = text(c.moderatedAt());
        i.version = c.version();
        i.idempotencyKey = c.idempotencyKey();
        // Formatting can multiply a comment's size (each quote escaped, each bare URL a link), and an item holds
        // 400 KB with the content beside it: large HTML is kept compressed, never made again on reads.
        if (Gzip.fitsAsText(c.contentHtml())) {
            i.contentHtml = c.contentHtml();
        } else {
            i.contentHtmlGzip = Gzip.compress(c.contentHtml());
        }
        i.byModerator = c.byModerator() ? Boolean.TRUE : null;
        i.viewBytes = c.viewBytes();
        return i;
    }

    /**
     * The bytes the comment's views may take ({@link Comment#viewBytes}), as stored with it; a comment stored
     * before the size was kept is sized from its stored texts here.
     */
    static long viewBytes(CommentItem i) {
        return i.viewBytes != null ? i.viewBytes : toComment(i).viewBytes();
    }

    /** A comment stored before {@code contentHtml} was kept gets it made here, on the read. */
    static Comment toComment(CommentItem i) {
        return new Comment(i.id, i.articleSlug, i.parentId, i.depth == null ? 1 : i.depth, i.authorName,
                i.authorEmail, i.authorUrl, i.content, CommentStatus.parse(i.status).orElse(CommentStatus.PENDING),
                i.ip, i.userAgent, instant(i.createdAt), instant(i.updatedAt), i.moderatedBy, instant(i.moderatedAt),
                i.version == null ? 0 : i.version, i.idempotencyKey,
                contentHtml(i), Boolean.TRUE.equals(i.byModerator));
    }

    private static String contentHtml(CommentItem i) {
        return i.contentHtml != null ? i.contentHtml
                : i.contentHtmlGzip != null ? Gzip.decompress(i.contentHtmlGzip) : CommentHtml.format(i.content);
    }

    private static ArticleItem.LinkItem link(String slug, String title, String excerpt) {
        ArticleItem.LinkItem l = new ArticleItem.LinkItem();
        l.slug = slug;
        l.title = title;
        l.excerpt = excerpt;
        return l;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
