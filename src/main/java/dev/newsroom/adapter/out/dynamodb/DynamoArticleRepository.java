package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.application.port.ArticleDates;
import dev.newsroom.application.port.ArticleRepository;
import dev.newsroom.application.port.Page;
import dev.newsroom.application.port.PublishedMonth;
import dev.newsroom.domain.Article;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Articles and their list entries in DynamoDB. Every write of an article and its entries is one transaction;
 * the count is never touched by editors' writes: only the counting of approvals ({@link DynamoApprovalCounts})
 * and an import's own count steps ({@link ImportCountSteps}) change it.
 */
public final class DynamoArticleRepository implements ArticleRepository {
    static final String DELETION_PENDING =
            "The previous article with this slug is still being deleted; try again in a moment.";
    private static final IndexPager.IndexKeys LIST_KEYS =
            new IndexPager.IndexKeys(TableLayout.GSI1, TableLayout.GSI1_PK, TableLayout.GSI1_SK);
    /** Well inside the admin function's 15 s timeout, leaving room for the rest of the request. */
    public static final java.time.Duration DELETION_BUDGET = java.time.Duration.ofSeconds(8);
    /** The comments function's 15 s timeout and a margin. */
    public static final java.time.Duration DELETION_SETTLE = java.time.Duration.ofSeconds(20);
    private final DynamoDbClient client;
    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<ArticleItem> articles;
    private final DynamoDbTable<ListEntryItem> entries;
    private final IndexPager pager;
    private final Writes writes;
    private final CommentCascade cascade;
    private final PublishedArchive archive;

    public DynamoArticleRepository(DynamoDbClient client, DynamoDbEnhancedClient enhanced, String tableName,
                                   CursorCodec cursors) {
        this(client, enhanced, tableName, cursors, DELETION_BUDGET, DELETION_SETTLE);
    }

    /**
     * With {@code deletionBudget}: how long one request may spend deleting a deleted article's comments, and
     * {@code deletionSettle}: how long after the deletion the cascade's last sweep must begin (longer than the
     * comments function's timeout, so a submission that read the article just before is swept too).
     */
    public DynamoArticleRepository(DynamoDbClient client, DynamoDbEnhancedClient enhanced, String tableName,
                                   CursorCodec cursors, java.time.Duration deletionBudget,
                                   java.time.Duration deletionSettle) {
        this.client = client;
        this.enhanced = enhanced;
        this.articles = enhanced.table(tableName, ArticleItem.SCHEMA);
        this.entries = enhanced.table(tableName, ListEntryItem.SCHEMA);
        this.pager = new IndexPager(cursors);
        this.writes = new Writes(tableName);
        this.cascade = new CommentCascade(client, enhanced, tableName, deletionBudget, deletionSettle);
        this.archive = new PublishedArchive(client, tableName);
    }

    @Override
    public java.util.Optional<Article> find(String slug) {
        return find(slug, false);
    }

    @Override
    public java.util.Optional<Article> findCurrent(String slug) {
        return find(slug, true);
    }

    private java.util.Optional<Article> find(String slug, boolean consistent) {
        return item(slug, consistent).map(ItemMapper::toArticle);
    }

    private java.util.Optional<ArticleItem> item(String slug, boolean consistent) {
        return java.util.Optional.ofNullable(
                DynamoCalls.call(() -> articles.getItem(r -> r.key(key(slug)).consistentRead(consistent))));
    }

    /** An article as stored and where an import made it from: {@code origin} null when it was made here. */
    public record Stored(Article article, String origin) {
    }

    /** The article exactly as stored now (a consistent read) with its origin, read together. */
    public java.util.Optional<Stored> findCurrentWithOrigin(String slug) {
        return item(slug, true).map(i -> new Stored(ItemMapper.toArticle(i), i.importedFrom));
    }

    @Override
    public Page<Article> listPublished(String category, int limit, String cursor) {
        // An article's summary is small (title, excerpt, a few fields): the limit alone bounds the page.
        Page<ListEntryItem> page = pager.page(entries.index(TableLayout.GSI1), ListEntryItem.SCHEMA, LIST_KEYS,
                TableLayout.listName(category), false, limit, cursor, entry -> 0);
        Map<String, Article> bySlug = readMany(page.items().stream().map(e -> e.slug).toList());
        List<Article> ordered = page.items().stream().map(e -> bySlug.get(e.slug))
                .filter(a -> a != null && a.isPublished()).toList();
        return new Page<>(ordered, page.nextCursor());
    }

    @Override
    public List<PublishedMonth> publishedMonths() {
        return archive.months();
    }

    /**
     * From the list's entries; an entry written before entries carried the article's last change has it read from
     * the article itself (100 a batch), until the article is saved again.
     */
    @Override
    public List<ArticleDates> publishedIn(YearMonth month, int skip, int max) {
        List<ArticleDates> dates = archive.in(month, skip, max);
        List<String> undated = dates.stream().filter(d -> d.updatedAt() == null).map(ArticleDates::slug).toList();
        if (undated.isEmpty()) {
            return dates;
        }
        Map<String, Instant> updated = new HashMap<>();
        for (int from = 0; from < undated.size(); from += 100) {
            readMany(undated.subList(from, Math.min(undated.size(), from + 100))).values()
                    .forEach(a -> updated.put(a.slug(), a.updatedAt()));
        }
        return dates.stream().map(d -> d.updatedAt() != null ? d
                : new ArticleDates(d.slug(), d.publishedAt(), updated.get(d.slug()))).toList();
    }

    /** One Query of the drafts list (newest change first) and one batch read of those articles. */
    @Override
    public Page<Article> listDrafts(int limit, String cursor) {
        Page<ListEntryItem> page = pager.page(entries.index(TableLayout.GSI1), ListEntryItem.SCHEMA, LIST_KEYS,
                TableLayout.DRAFTS_LIST, false, limit, cursor, entry -> 0); // small summaries: the limit bounds the page
        Map<String, Article> bySlug = readMany(page.items().stream().map(e -> e.slug).toList());
        List<Article> ordered = page.items().stream().map(e -> bySlug.get(e.slug))
                .filter(a -> a != null && !a.isPublished()).toList();
        return new Page<>(ordered, page.nextCursor());
    }

    @Override
    public Map<String, Long> commentCounts(Collection<String> slugs) {
        return readMany(List.copyOf(slugs)).values().stream().filter(Article::isPublished)
                .collect(Collectors.toMap(Article::slug, Article::commentCount));
    }

    private Map<String, Article> readMany(List<String> slugs) {
        if (slugs.isEmpty()) {
            return Map.of();
        }
        ReadBatch.Builder<ArticleItem> batch = ReadBatch.builder(ArticleItem.class).mappedTableResource(articles);
        slugs.stream().distinct().forEach(s -> batch.addGetItem(key(s)));
        BatchGetItemEnhancedRequest request = BatchGetItemEnhancedRequest.builder().readBatches(batch.build()).build();
        return DynamoCalls.call(() -> enhanced.batchGetItem(request).resultsForTable(articles).stream()
                .map(ItemMapper::toArticle)
                .collect(Collectors.toMap(Article::slug, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
    }

    @Override
    public void create(Article article) {
        if (!create(article, null, null)) {
            throw new ServiceException(ErrorCode.SLUG_TAKEN, "An article with this slug already exists.");
        }
    }

    /**
     * As {@link #create}, the item marked in the same transaction as made by an import from {@code origin}, so an
     * article and its origin are never stored one without the other, with the import's count step {@code countStep}
     * open on it when not null ({@link ImportCountSteps}). False, and nothing written, when an article with the
     * slug exists (the import then reads it); {@code slug_taken} while an article with the slug is being deleted.
     */
    public boolean createImported(Article article, String origin, String countStep) {
        return create(article, Objects.requireNonNull(origin), countStep);
    }

    private boolean create(Article article, String origin, String countStep) {
        ArticleItem item = ItemMapper.toItem(article);
        item.importedFrom = origin;
        Map<String, AttributeValue> stored = new HashMap<>(ArticleItem.SCHEMA.itemToMap(item, true));
        if (countStep != null) {
            stored.put(ImportCountSteps.OPEN_STEPS, AttributeValue.fromSs(List.of(countStep)));
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(writes.putIfAbsent(stored));
        items.add(writes.check(CommentCascade.tombstoneKey(article.slug()), "attribute_not_exists(pk)", null, null));
        ItemMapper.listEntries(article).forEach(e -> items.add(writes.put(ListEntryItem.SCHEMA.itemToMap(e, true))));
        try {
            DynamoCalls.transact(client, items);
            return true;
        } catch (TransactionCanceledException e) {
            if (Writes.failedAt(e, 0)) {
                return false;
            }
            if (Writes.failedAt(e, 1)) {
                throw new ServiceException(ErrorCode.SLUG_TAKEN, DELETION_PENDING);
            }
            throw DynamoCalls.unavailable(e);
        }
    }

    @Override
    public Article update(Article current, Article article, long expectedVersion) {
        return update(current, article, expectedVersion, null, false);
    }

    /**
     * As {@link #update}, and only while the stored item is still the one an import made from {@code origin}
     * ({@code version_conflict} otherwise: the article was deleted and made again here in the meantime).
     */
    public Article updateImported(Article current, Article article, long expectedVersion, String origin) {
        return update(current, article, expectedVersion, Objects.requireNonNull(origin), false);
    }

    /**
     * As {@link #updateImported}, for an article an import made before imports kept their origin: the update also
     * stores {@code origin}, only while the item still has none.
     */
    public Article adoptImported(Article current, Article article, long expectedVersion, String origin) {
        return update(current, article, expectedVersion, Objects.requireNonNull(origin), true);
    }

    /** An editor's update leaves {@code importedFrom} as it is ({@code toItem} never sets it). */
    private Article update(Article current, Article article, long expectedVersion, String origin, boolean adopt) {
        Map<String, AttributeValue> fields = new HashMap<>(ArticleItem.SCHEMA.itemToMap(ItemMapper.toItem(article), true));
        fields.keySet().removeAll(Set.of(TableLayout.PK, TableLayout.SK, "commentCount"));
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> vals = new HashMap<>();
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, AttributeValue> field : fields.entrySet()) {
            names.put("#f" + n, field.getKey());
            vals.put(":f" + n, field.getValue());
            sets.add("#f" + n + " = :f" + n);
            n++;
        }
        if (adopt) {
            sets.add("#o = :origin");
        }
        for (String optional : List.of("sourceName", "sourceUrl", "publishedAt", "leadImage")) {
            if (!fields.containsKey(optional)) {
                names.put("#r" + removes.size(), optional);
                removes.add("#r" + removes.size());
            }
        }
        vals.put(":expected", AttributeValue.fromN(Long.toString(expectedVersion)));
        String expression = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        names.put("#v", "version");
        String condition = "attribute_exists(pk) AND #v = :expected";
        if (origin != null) {
            names.put("#o", ArticleItem.IMPORTED_FROM);
            vals.put(":origin", AttributeValue.fromS(origin));
            condition += adopt ? " AND attribute_not_exists(#o)" : " AND #o = :origin";
        }

        List<TransactWriteItem> items = new ArrayList<>();
        items.add(writes.update(Writes.key(TableLayout.articlePk(article.slug()), TableLayout.ARTICLE_SK), expression,
                condition, names, vals));
        Set<String> newLists = new java.util.HashSet<>();
        ItemMapper.listEntries(article).forEach(e -> {
            newLists.add(e.sk);
            items.add(writes.put(ListEntryItem.SCHEMA.itemToMap(e, true)));
        });
        ItemMapper.listEntries(current).stream().filter(e -> !newLists.contains(e.sk))
                .forEach(e -> items.add(writes.delete(Writes.key(e.pk, e.sk))));
        DynamoCalls.transactGuarded(client, items, ServiceException::versionConflict);
        return findCurrent(article.slug()).orElseThrow(ServiceException::articleNotFound);
    }

    @Override
    public boolean delete(Article current, Long expectedVersion) {
        String slug = current.slug();
        long deletedAt = System.currentTimeMillis();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(expectedVersion == null
                ? writes.deleteIf(Writes.key(TableLayout.articlePk(slug), TableLayout.ARTICLE_SK), "attribute_exists(pk)", Map.of())
                : writes.deleteIf(Writes.key(TableLayout.articlePk(slug), TableLayout.ARTICLE_SK), "version = :expected",
                Map.of(":expected", AttributeValue.fromN(expectedVersion.toString()))));
        ItemMapper.listEntries(current).forEach(e -> items.add(writes.delete(Writes.key(e.pk, e.sk))));
        items.add(writes.put(CommentCascade.tombstone(slug, deletedAt)));
        DynamoCalls.transactGuarded(client, items, ServiceException::versionConflict);
        return cascade.run(slug, deletedAt);
    }

    @Override
    public java.util.Optional<Boolean> resumeDeletion(String slug) {
        long since = cascade.pendingSince(slug);
        if (since >= 0) {
            return java.util.Optional.of(cascade.run(slug, since));
        }
        // Comments an earlier version's cascade left behind (it had no tombstone): the same cleanup, settled already.
        return cascade.anyLeft(slug) ? java.util.Optional.of(cascade.run(slug, 0)) : java.util.Optional.empty();
    }

    private static Key key(String slug) {
        return Key.builder().partitionValue(TableLayout.articlePk(slug)).sortValue(TableLayout.ARTICLE_SK).build();
    }
}
