package dev.newsroom.adapter.out.dynamodb;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

/** The stored form of a comment, with the index keys that place it in its thread, its queue and its author's list. */
final class CommentItem {
    String pk;
    String sk;
    String gsi1pk;
    String gsi1sk;
    String gsi2pk;
    String gsi2sk;
    String gsi3pk;
    String gsi3sk;
    String id;
    String articleSlug;
    String parentId;
    Integer depth;
    String authorName;
    String authorEmail;
    String authorUrl;
    String content;
    String status;
    String ip;
    String userAgent;
    String createdAt;
    String updatedAt;
    String moderatedBy;
    String moderatedAt;
    Long version;
    String idempotencyKey;
    String contentHtml;
    SdkBytes contentHtmlGzip;
    /** What the views of the comment may take as JSON ({@code Comment.viewBytes}): list pages are sized by it. */
    Long viewBytes;
    Boolean byModerator;

    static final TableSchema<CommentItem> SCHEMA = StaticTableSchema.builder(CommentItem.class)
            .newItemSupplier(CommentItem::new)
            .addAttribute(String.class, a -> a.name(TableLayout.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name(TableLayout.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v)
                    .tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name(TableLayout.GSI1_PK).getter(i -> i.gsi1pk).setter((i, v) -> i.gsi1pk = v)
                    .tags(secondaryPartitionKey(TableLayout.GSI1)))
            .addAttribute(String.class, a -> a.name(TableLayout.GSI1_SK).getter(i -> i.gsi1sk).setter((i, v) -> i.gsi1sk = v)
                    .tags(secondarySortKey(TableLayout.GSI1)))
            .addAttribute(String.class, a -> a.name(TableLayout.GSI2_PK).getter(i -> i.gsi2pk).setter((i, v) -> i.gsi2pk = v)
                    .tags(secondaryPartitionKey(TableLayout.GSI2)))
            .addAttribute(String.class, a -> a.name(TableLayout.GSI2_SK).getter(i -> i.gsi2sk).setter((i, v) -> i.gsi2sk = v)
                    .tags(secondarySortKey(TableLayout.GSI2)))
            .addAttribute(String.class, a -> a.name(TableLayout.GSI3_PK).getter(i -> i.gsi3pk).setter((i, v) -> i.gsi3pk = v)
                    .tags(secondaryPartitionKey(TableLayout.GSI3)))
            .addAttribute(String.class, a -> a.name(TableLayout.GSI3_SK).getter(i -> i.gsi3sk).setter((i, v) -> i.gsi3sk = v)
                    .tags(secondarySortKey(TableLayout.GSI3)))
            .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v))
            .addAttribute(String.class, a -> a.name("articleSlug").getter(i -> i.articleSlug).setter((i, v) -> i.articleSlug = v))
            .addAttribute(String.class, a -> a.name("parentId").getter(i -> i.parentId).setter((i, v) -> i.parentId = v))
            .addAttribute(Integer.class, a -> a.name("depth").getter(i -> i.depth).setter((i, v) -> i.depth = v))
            .addAttribute(String.class, a -> a.name("authorName").getter(i -> i.authorName).setter((i, v) -> i.authorName = v))
            .addAttribute(String.class, a -> a.name("authorEmail").getter(i -> i.authorEmail).setter((i, v) -> i.authorEmail = v))
            .addAttribute(String.class, a -> a.name("authorUrl").getter(i -> i.authorUrl).setter((i, v) -> i.authorUrl = v))
            .addAttribute(String.class, a -> a.name("content").getter(i -> i.content).setter((i, v) -> i.content = v))
            .addAttribute(String.class, a -> a.name("status").getter(i -> i.status).setter((i, v) -> i.status = v))
            .addAttribute(String.class, a -> a.name("ip").getter(i -> i.ip).setter((i, v) -> i.ip = v))
            .addAttribute(String.class, a -> a.name("userAgent").getter(i -> i.userAgent).setter((i, v) -> i.userAgent = v))
            .addAttribute(String.class, a -> a.name("createdAt").getter(i -> i.createdAt).setter((i, v) -> i.createdAt = v))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(i -> i.updatedAt).setter((i, v) -> i.updatedAt = v))
            .addAttribute(String.class, a -> a.name("moderatedBy").getter(i -> i.moderatedBy).setter((i, v) -> i.moderatedBy = v))
            .addAttribute(String.class, a -> a.name("moderatedAt").getter(i -> i.moderatedAt).setter((i, v) -> i.moderatedAt = v))
            .addAttribute(Long.class, a -> a.name("version").getter(i -> i.version).setter((i, v) -> i.version = v))
            .addAttribute(String.class, a -> a.name("idempotencyKey").getter(i -> i.idempotencyKey)
                    .setter((i, v) -> i.idempotencyKey = v))
            .addAttribute(String.class, a -> a.name("contentHtml").getter(i -> i.contentHtml).setter((i, v) -> i.contentHtml = v))
            .addAttribute(SdkBytes.class, a -> a.name("contentHtmlGzip").getter(i -> i.contentHtmlGzip)
                    .setter((i, v) -> i.contentHtmlGzip = v))
            .addAttribute(Boolean.class, a -> a.name("byModerator").getter(i -> i.byModerator).setter((i, v) -> i.byModerator = v))
            .addAttribute(Long.class, a -> a.name("viewBytes").getter(i -> i.viewBytes).setter((i, v) -> i.viewBytes = v))
            .build();
}
