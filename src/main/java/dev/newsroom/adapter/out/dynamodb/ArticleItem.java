package dev.newsroom.adapter.out.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.util.List;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

/** The stored form of an article; its static schema is built once, with no reflection. */
final class ArticleItem {
    static final String IMPORTED_FROM = "importedFrom";
    String pk;
    String sk;
    String slug;
    String title;
    String excerpt;
    List<String> body;
    List<String> categories;
    String sourceName;
    String sourceUrl;
    List<LinkItem> seeAlso;
    List<LinkItem> related;
    String status;
    Boolean commentsOpen;
    String publishedAt;
    String updatedAt;
    Long commentCount;
    Long version;
    String bodyHtml;
    /** The lead image, null when the article has none. */
    ImageItem leadImage;
    /** Where an import made the article from (null when made here); no {@code Article} field carries it. */
    String importedFrom;

    /** A "See also" or related link (excerpt null for "See also"). */
    static final class LinkItem {
        String slug;
        String title;
        String excerpt;

        static final TableSchema<LinkItem> SCHEMA = StaticTableSchema.builder(LinkItem.class)
                .newItemSupplier(LinkItem::new)
                .addAttribute(String.class, a -> a.name("slug").getter(i -> i.slug).setter((i, v) -> i.slug = v))
                .addAttribute(String.class, a -> a.name("title").getter(i -> i.title).setter((i, v) -> i.title = v))
                .addAttribute(String.class, a -> a.name("excerpt").getter(i -> i.excerpt).setter((i, v) -> i.excerpt = v))
                .build();
    }

    /** A lead image as stored (caption and credit null when absent). */
    static final class ImageItem {
        String url;
        String alt;
        String caption;
        String credit;
        Integer width;
        Integer height;

        static final TableSchema<ImageItem> SCHEMA = StaticTableSchema.builder(ImageItem.class)
                .newItemSupplier(ImageItem::new)
                .addAttribute(String.class, a -> a.name("url").getter(i -> i.url).setter((i, v) -> i.url = v))
                .addAttribute(String.class, a -> a.name("alt").getter(i -> i.alt).setter((i, v) -> i.alt = v))
                .addAttribute(String.class, a -> a.name("caption").getter(i -> i.caption).setter((i, v) -> i.caption = v))
                .addAttribute(String.class, a -> a.name("credit").getter(i -> i.credit).setter((i, v) -> i.credit = v))
                .addAttribute(Integer.class, a -> a.name("width").getter(i -> i.width).setter((i, v) -> i.width = v))
                .addAttribute(Integer.class, a -> a.name("height").getter(i -> i.height).setter((i, v) -> i.height = v))
                .build();
    }

    private static final EnhancedType<ImageItem> IMAGE = EnhancedType.documentOf(ImageItem.class, ImageItem.SCHEMA);
    private static final EnhancedType<List<String>> STRINGS = EnhancedType.listOf(String.class);
    private static final EnhancedType<List<LinkItem>> LINKS =
            EnhancedType.listOf(EnhancedType.documentOf(LinkItem.class, LinkItem.SCHEMA));

    static final TableSchema<ArticleItem> SCHEMA = StaticTableSchema.builder(ArticleItem.class)
            .newItemSupplier(ArticleItem::new)
            .addAttribute(String.class, a -> a.name(TableLayout.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name(TableLayout.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v)
                    .tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("slug").getter(i -> i.slug).setter((i, v) -> i.slug = v))
            .addAttribute(String.class, a -> a.name("title").getter(i -> i.title).setter((i, v) -> i.title = v))
            .addAttribute(String.class, a -> a.name("excerpt").getter(i -> i.excerpt).setter((i, v) -> i.excerpt = v))
            .addAttribute(STRINGS, a -> a.name("body").getter(i -> i.body).setter((i, v) -> i.body = v))
            .addAttribute(STRINGS, a -> a.name("categories").getter(i -> i.categories).setter((i, v) -> i.categories = v))
            .addAttribute(String.class, a -> a.name("sourceName").getter(i -> i.sourceName).setter((i, v) -> i.sourceName = v))
            .addAttribute(String.class, a -> a.name("sourceUrl").getter(i -> i.sourceUrl).setter((i, v) -> i.sourceUrl = v))
            .addAttribute(LINKS, a -> a.name("seeAlso").getter(i -> i.seeAlso).setter((i, v) -> i.seeAlso = v))
            .addAttribute(LINKS, a -> a.name("related").getter(i -> i.related).setter((i, v) -> i.related = v))
            .addAttribute(String.class, a -> a.name("status").getter(i -> i.status).setter((i, v) -> i.status = v))
            .addAttribute(Boolean.class, a -> a.name("commentsOpen").getter(i -> i.commentsOpen).setter((i, v) -> i.commentsOpen = v))
            .addAttribute(String.class, a -> a.name("publishedAt").getter(i -> i.publishedAt).setter((i, v) -> i.publishedAt = v))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(i -> i.updatedAt).setter((i, v) -> i.updatedAt = v))
            .addAttribute(Long.class, a -> a.name("commentCount").getter(i -> i.commentCount).setter((i, v) -> i.commentCount = v))
            .addAttribute(Long.class, a -> a.name("version").getter(i -> i.version).setter((i, v) -> i.version = v))
            .addAttribute(String.class, a -> a.name("bodyHtml").getter(i -> i.bodyHtml).setter((i, v) -> i.bodyHtml = v))
            .addAttribute(IMAGE, a -> a.name("leadImage").getter(i -> i.leadImage).setter((i, v) -> i.leadImage = v))
            .addAttribute(String.class, a -> a.name(IMPORTED_FROM).getter(i -> i.importedFrom).setter((i, v) -> i.importedFrom = v))
            .build();
}
