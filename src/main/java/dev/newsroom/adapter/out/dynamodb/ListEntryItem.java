package dev.newsroom.adapter.out.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

/**
 * A published article's place in one list ("all", or one category), sorted by publication time, with when the
 * article last changed (every save of the article writes its entries again), so a sitemap needs no article read.
 * Lives in the article's partition so it is written and deleted in the same transaction as the article.
 */
final class ListEntryItem {
    String pk;
    String sk;
    String gsi1pk;
    String gsi1sk;
    String slug;
    /** The article's last change; absent on entries written before it was kept here. */
    String updatedAt;

    static final TableSchema<ListEntryItem> SCHEMA = StaticTableSchema.builder(ListEntryItem.class)
            .newItemSupplier(ListEntryItem::new)
            .addAttribute(String.class, a -> a.name(TableLayout.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name(TableLayout.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v)
                    .tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name(TableLayout.GSI1_PK).getter(i -> i.gsi1pk).setter((i, v) -> i.gsi1pk = v)
                    .tags(secondaryPartitionKey(TableLayout.GSI1)))
            .addAttribute(String.class, a -> a.name(TableLayout.GSI1_SK).getter(i -> i.gsi1sk).setter((i, v) -> i.gsi1sk = v)
                    .tags(secondarySortKey(TableLayout.GSI1)))
            .addAttribute(String.class, a -> a.name("slug").getter(i -> i.slug).setter((i, v) -> i.slug = v))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(i -> i.updatedAt).setter((i, v) -> i.updatedAt = v))
            .build();
}
