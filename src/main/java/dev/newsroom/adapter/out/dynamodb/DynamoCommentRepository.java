package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.application.port.CommentRepository;
import dev.newsroom.application.port.CommentSubmission;
import dev.newsroom.application.port.IdempotencyCollision;
import dev.newsroom.application.port.Page;
import dev.newsroom.application.port.RecordedResponse;
import dev.newsroom.application.port.SpamVerdict;
import dev.newsroom.application.port.SubmissionGuards;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentStatus;
import dev.newsroom.domain.Hashes;
import dev.newsroom.domain.ServiceException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Comments in DynamoDB. Each write is one {@code TransactWriteItems}: a submission's comment, duplicate
 * fingerprint, flood marks and idempotency record succeed or fail together (the cancellation reasons are read
 * in item order to tell which rule stopped it). No comment write touches the article item: counts follow from
 * the change stream ({@link DynamoApprovalCounts}).
 */
public final class DynamoCommentRepository implements CommentRepository {
    private static final IndexPager.IndexKeys THREAD =
            new IndexPager.IndexKeys(TableLayout.GSI1, TableLayout.GSI1_PK, TableLayout.GSI1_SK);
    private static final IndexPager.IndexKeys QUEUE =
            new IndexPager.IndexKeys(TableLayout.GSI2, TableLayout.GSI2_PK, TableLayout.GSI2_SK);
    private static final IndexPager.IndexKeys AUTHORS =
            new IndexPager.IndexKeys(TableLayout.GSI3, TableLayout.GSI3_PK, TableLayout.GSI3_SK);
    private final DynamoDbClient client;
    private final DynamoDbTable<CommentItem> table;
    private final IndexPager pager;
    private final Writes writes;
    private final Clock clock;
    private final int queueShards;

    /** {@code queueShards}: how many partitions each status's moderation queue is split over (only ever raise it). */
    public DynamoCommentRepository(DynamoDbClient client, DynamoDbEnhancedClient enhanced, String tableName,
                                   CursorCodec cursors, Clock clock, int queueShards) {
        this.client = client;
        this.table = enhanced.table(tableName, CommentItem.SCHEMA);
        this.pager = new IndexPager(cursors);
        this.writes = new Writes(tableName);
        this.clock = clock;
        this.queueShards = queueShards;
    }

    @Override
    public Optional<Comment> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return Optional.empty();
        }
        Key key = Key.builder().partitionValue(TableLayout.commentPk(id)).sortValue(TableLayout.COMMENT_SK).build();
        CommentItem item = DynamoCalls.call(() -> table.getItem(r -> r.key(key).consistentRead(true)));
        return Optional.ofNullable(item).map(ItemMapper::toComment);
    }

    @Override
    public Page<Comment> listApproved(String articleSlug, boolean ascending, int limit, String cursor) {
        return map(pager.page(table.index(TableLayout.GSI1), CommentItem.SCHEMA, THREAD,
                TableLayout.threadPk(articleSlug, CommentStatus.APPROVED.wire()), ascending, limit, cursor, ItemMapper::viewBytes));
    }

    @Override
    public Page<Comment> listByStatus(CommentStatus status, String articleSlug, int limit, String cursor) {
        if (articleSlug != null) {
            return map(pager.page(table.index(TableLayout.GSI1), CommentItem.SCHEMA, THREAD,
                    TableLayout.threadPk(articleSlug, status.wire()), true, limit, cursor, ItemMapper::viewBytes));
        }
        List<String> partitions = new ArrayList<>();
        for (int shard = 0; shard < queueShards; shard++) {
            partitions.add(TableLayout.queueShard(status.wire(), shard));
        }
        partitions.add(TableLayout.legacyQueuePk(status.wire()));
        return map(pager.mergedPage(table.index(TableLayout.GSI2), CommentItem.SCHEMA, QUEUE, "queue|" + status.wire(),
                partitions, limit, cursor, ItemMapper::viewBytes));
    }

    @Override
    public List<Comment> listByEmail(String email) {
        String partition = TableLayout.emailPk(Hashes.avatarHash(email));
        return DynamoCalls.call(() -> table.index(TableLayout.GSI3)
                .query(QueryConditional.keyEqualTo(k -> k.partitionValue(partition)))
                .stream().flatMap(p -> p.items().stream()).map(ItemMapper::toComment)
                .filter(c -> c.authorEmail() != null && c.authorEmail().equalsIgnoreCase(email.trim()))
                .sorted(Comparator.comparing(Comment::id))
                .toList());
    }

    /** One page of the email's partition of the author index (status, author, id order). */
    @Override
    public Page<Comment> pageByEmail(String email, int limit, String cursor) {
        String partition = TableLayout.emailPk(Hashes.avatarHash(email));
        Page<Comment> page = map(pager.page(table.index(TableLayout.GSI3), CommentItem.SCHEMA, AUTHORS, partition, true,
                limit, cursor, ItemMapper::viewBytes));
        return new Page<>(page.items().stream().filter(c -> c.authorEmail() != null
                && c.authorEmail().equalsIgnoreCase(email.trim())).toList(), page.nextCursor());
    }

    /**
     * WordPress's meaning: the author (same name and email) has an approved comment now. One key-prefix query
     * of the author index, so a comment later marked spam, trashed, deleted or erased no longer counts.
     */
    @Override
    public boolean isPreviouslyApproved(String authorName, String authorEmail) {
        String partition = TableLayout.emailPk(Hashes.avatarHash(authorEmail));
        String prefix = TableLayout.authorPrefix(CommentStatus.APPROVED.wire(), Comment.authorKey(authorName, authorEmail));
        return DynamoCalls.call(() -> client.query(b -> b.tableName(table.tableName()).indexName(TableLayout.GSI3)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.GSI3_PK, "#sk", TableLayout.GSI3_SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition), ":prefix", AttributeValue.fromS(prefix)))
                .select(Select.COUNT).limit(1)).count() > 0);
    }

    /** One paginated {@code Select COUNT} query of the author index by key prefix (reads the author's approved items). */
    @Override
    public long countApprovedByAuthor(String authorName, String authorEmail) {
        return count(TableLayout.GSI3, TableLayout.GSI3_PK, TableLayout.emailPk(Hashes.avatarHash(authorEmail)),
                TableLayout.GSI3_SK, TableLayout.authorPrefix(CommentStatus.APPROVED.wire(), Comment.authorKey(authorName, authorEmail)));
    }

    /**
     * Paginated {@code Select COUNT} queries: of the article's thread partition, or of every queue shard and the
     * legacy queue partition. DynamoDB charges a count as reading the items it counts (docs/DESIGN.md).
     */
    @Override
    public long countByStatus(CommentStatus status, String articleSlug) {
        if (articleSlug != null) {
            return count(TableLayout.GSI1, TableLayout.GSI1_PK, TableLayout.threadPk(articleSlug, status.wire()), null, null);
        }
        long total = count(TableLayout.GSI2, TableLayout.GSI2_PK, TableLayout.legacyQueuePk(status.wire()), null, null);
        for (int shard = 0; shard < queueShards; shard++) {
            total += count(TableLayout.GSI2, TableLayout.GSI2_PK, TableLayout.queueShard(status.wire(), shard), null, null);
        }
        return total;
    }

    /** The items of one index partition, or of those whose sort key ({@code sortName}) starts with {@code sortPrefix}. */
    private long count(String index, String keyName, String partition, String sortName, String sortPrefix) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", keyName));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(partition)));
        String condition = "#pk = :pk";
        if (sortPrefix != null) {
            names.put("#sk", sortName);
            values.put(":prefix", AttributeValue.fromS(sortPrefix));
            condition += " AND begins_with(#sk, :prefix)";
        }
        String keyCondition = condition;
        long total = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = DynamoCalls.call(() -> client.query(b -> b.tableName(table.tableName()).indexName(index)
                    .keyConditionExpression(keyCondition).expressionAttributeNames(names).expressionAttributeValues(values)
                    .select(Select.COUNT).exclusiveStartKey(from)));
            total += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return total;
    }

    @Override
    public Optional<RecordedResponse> findResponse(String idempotencyKey) {
        Map<String, AttributeValue> item = DynamoCalls.call(() -> client.getItem(b -> b.tableName(table.tableName())
                .key(idempotencyKeyOf(idempotencyKey)).consistentRead(true)).item());
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        long expires = Long.parseLong(item.get(TableLayout.TTL).n());
        if (expires <= clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(new RecordedResponse(idempotencyKey, item.get("requestHash").s(), recordedStatus(item),
                RecordedBodies.get(item), java.time.Instant.ofEpochSecond(expires)));
    }

    /**
     * One eventually consistent BatchGetItem of the duplicate marks and flood marks the submission's transaction
     * is conditioned on (at most four small items); keys DynamoDB leaves unprocessed are not retried, as the
     * transaction checks them all again.
     */
    @Override
    public void refuseEarly(SubmissionGuards g) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        g.fingerprints().stream().distinct().forEach(f -> keys.add(DuplicateMarks.key(f)));
        if (g.floodSeconds() > 0 && g.ip() != null) {
            keys.add(DuplicateMarks.ipFloodKey(g.ip()));
        }
        if (g.floodSeconds() > 0 && g.email() != null) {
            keys.add(DuplicateMarks.emailFloodKey(g.email()));
        }
        List<Map<String, AttributeValue>> found = DynamoCalls.call(() -> client.batchGetItem(b -> b.requestItems(
                Map.of(table.tableName(), KeysAndAttributes.builder().keys(keys).build())))
                .responses().getOrDefault(table.tableName(), List.of()));
        if (found.stream().anyMatch(item -> item.get(TableLayout.PK).s().startsWith("DUP#"))) {
            throw ServiceException.duplicateComment();
        }
        long last = found.stream().filter(item -> item.containsKey("lastAt"))
                .mapToLong(item -> Long.parseLong(item.get("lastAt").n())).max().orElse(Long.MIN_VALUE);
        long waitMillis = last == Long.MIN_VALUE ? 0 : last + g.floodSeconds() * 1000L - g.now().toEpochMilli();
        if (waitMillis > 0) {
            throw ServiceException.commentFlood(Math.max(1, (waitMillis + 999) / 1000));
        }
    }

    /**
     * One transaction of the submission's own items only: the comment, its duplicate mark, its flood marks and
     * its idempotency record. The article item is not in it (concurrent transactions on one item cancel each
     * other, and a lead story draws many at once): the caller has read the article, and a comment published at
     * once is counted from the change stream ({@link DynamoApprovalCounts}).
     */
    @Override
    public void submit(CommentSubmission s) {
        Comment c = s.comment();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(writes.putIfAbsent(CommentItem.SCHEMA.itemToMap(ItemMapper.toItem(c, queueShards), true)));
        items.add(writes.putIfAbsent(DuplicateMarks.item(c)));
        final int dupIndex = 1;
        List<Integer> floodIndexes = new ArrayList<>();
        if (s.floodSeconds() > 0) {
            if (c.ip() != null) {
                floodIndexes.add(items.size());
                items.add(floodMark(DuplicateMarks.ipFloodKey(c.ip()), s));
            }
            if (c.authorEmail() != null) {
                floodIndexes.add(items.size());
                items.add(floodMark(DuplicateMarks.emailFloodKey(c.authorEmail()), s));
            }
        }
        int idemIndex = -1;
        if (s.response() != null) {
            idemIndex = items.size();
            items.add(idempotencyRecord(s.response(), s.now().getEpochSecond()));
        }
        if (s.spamVerdict() != null) {
            items.add(writes.put(spamCheckItem(c.id(), s.spamVerdict())));
        }
        try {
            DynamoCalls.transact(client, items);
        } catch (TransactionCanceledException e) {
            throw submissionFailure(e, s, dupIndex, floodIndexes, idemIndex);
        }
    }

    private RuntimeException submissionFailure(TransactionCanceledException e, CommentSubmission s,
                                               int dupIndex, List<Integer> floodIndexes, int idemIndex) {
        if (Writes.failedAt(e, idemIndex)) {
            return new IdempotencyCollision();
        }
        if (Writes.failedAt(e, dupIndex)) {
            return ServiceException.duplicateComment();
        }
        long waitMillis = 0;
        for (int index : floodIndexes) {
            if (Writes.failedAt(e, index)) {
                Map<String, AttributeValue> old = Writes.oldItemAt(e, index);
                long last = old != null && old.containsKey("lastAt") ? Long.parseLong(old.get("lastAt").n())
                        : s.now().toEpochMilli();
                waitMillis = Math.max(waitMillis, last + s.floodSeconds() * 1000L - s.now().toEpochMilli());
            }
        }
        if (floodIndexes.stream().anyMatch(i -> Writes.failedAt(e, i))) {
            long seconds = Math.max(1, (waitMillis + 999) / 1000);
            return ServiceException.commentFlood(seconds);
        }
        return DynamoCalls.unavailable(e);
    }

    @Override
    public Comment update(Comment before, Comment after) {
        return replace(before, after, List.of());
    }

    /**
     * The author's personal data goes in one transaction with the comment: the stored response of its
     * idempotency key (which repeats name, URL and content) and the flood marks of its IP and email.
     */
    @Override
    public Comment erase(Comment before, Comment anonymised) {
        List<TransactWriteItem> traces = new ArrayList<>();
        if (before.idempotencyKey() != null) {
            traces.add(writes.delete(idempotencyKeyOf(before.idempotencyKey())));
        }
        if (before.ip() != null) {
            traces.add(writes.delete(DuplicateMarks.ipFloodKey(before.ip())));
        }
        if (before.authorEmail() != null) {
            traces.add(writes.delete(DuplicateMarks.emailFloodKey(before.authorEmail())));
            traces.add(writes.delete(DuplicateMarks.legacyAuthorMark(before.authorKey())));
        }
        return replace(before, anonymised, traces);
    }

    /**
     * Replaces {@code before} with {@code after} (its duplicate mark in step), plus {@code alsoWrite}. The
     * article's count follows from the change stream ({@link DynamoApprovalCounts}), not in this transaction.
     */
    private Comment replace(Comment before, Comment after, List<TransactWriteItem> alsoWrite) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(writes.putIf(CommentItem.SCHEMA.itemToMap(ItemMapper.toItem(after, queueShards), true), "version = :expected",
                Map.of(":expected", AttributeValue.fromN(Long.toString(before.version())))));
        String beforeMark = before.status() == CommentStatus.TRASH ? null : before.duplicateKey();
        String afterMark = after.status() == CommentStatus.TRASH ? null : after.duplicateKey();
        if (!Objects.equals(beforeMark, afterMark)) {
            if (beforeMark != null) {
                DuplicateMarks.keysOf(before).forEach(mark -> items.add(writes.delete(mark)));
            }
            if (afterMark != null) {
                items.add(writes.put(DuplicateMarks.item(after)));
            }
        }
        items.addAll(alsoWrite);
        try {
            DynamoCalls.transact(client, items);
        } catch (TransactionCanceledException e) {
            if (Writes.failedAt(e, 0)) {
                throw find(before.id()).isPresent() ? ServiceException.versionConflict() : ServiceException.commentNotFound();
            }
            throw DynamoCalls.unavailable(e);
        }
        return after;
    }

    @Override
    public void delete(Comment current) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(writes.deleteIf(Writes.key(TableLayout.commentPk(current.id()), TableLayout.COMMENT_SK),
                "version = :expected", Map.of(":expected", AttributeValue.fromN(Long.toString(current.version())))));
        if (current.status() != CommentStatus.TRASH) {
            DuplicateMarks.keysOf(current).forEach(mark -> items.add(writes.delete(mark)));
        }
        items.add(writes.delete(spamCheckKey(current.id())));
        if (current.idempotencyKey() != null) {
            items.add(writes.delete(idempotencyKeyOf(current.idempotencyKey())));
        }
        DynamoCalls.transactGuarded(client, items, ServiceException::versionConflict);
    }

    @Override
    public Optional<SpamVerdict> spamVerdict(String commentId) {
        Map<String, AttributeValue> item = DynamoCalls.call(() -> client.getItem(b -> b.tableName(table.tableName())
                .key(spamCheckKey(commentId)).consistentRead(true)).item());
        return item == null || !item.containsKey("verdict") ? Optional.empty()
                : SpamVerdict.parse(item.get("verdict").s());
    }

    @Override
    public void recordSpamVerdict(String commentId, SpamVerdict verdict) {
        DynamoCalls.run(() -> client.putItem(b -> b.tableName(table.tableName()).item(spamCheckItem(commentId, verdict))));
    }

    static Map<String, AttributeValue> spamCheckKey(String commentId) {
        return Writes.key(TableLayout.commentPk(commentId), TableLayout.SPAM_CHECK_SK);
    }

    private static Map<String, AttributeValue> spamCheckItem(String commentId, SpamVerdict verdict) {
        Map<String, AttributeValue> item = new HashMap<>(spamCheckKey(commentId));
        item.put("verdict", AttributeValue.fromS(verdict.wire()));
        return item;
    }

    private TransactWriteItem floodMark(Map<String, AttributeValue> key, CommentSubmission s) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("lastAt", AttributeValue.fromN(Long.toString(s.now().toEpochMilli())));
        item.put(TableLayout.TTL, AttributeValue.fromN(Long.toString(s.now().getEpochSecond() + s.floodSeconds() + 60)));
        long threshold = s.now().toEpochMilli() - s.floodSeconds() * 1000L;
        return writes.putIf(item, "attribute_not_exists(pk) OR lastAt <= :threshold",
                Map.of(":threshold", AttributeValue.fromN(Long.toString(threshold))));
    }

    private TransactWriteItem idempotencyRecord(RecordedResponse r, long nowSeconds) {
        Map<String, AttributeValue> item = new HashMap<>(idempotencyKeyOf(r.key()));
        item.put("requestHash", AttributeValue.fromS(r.requestHash()));
        item.put("status", AttributeValue.fromS(r.status().wire()));
        RecordedBodies.put(item, r.receipt());
        item.put(TableLayout.TTL, AttributeValue.fromN(Long.toString(r.expiresAt().getEpochSecond())));
        return writes.putIf(item, "attribute_not_exists(pk) OR expiresAt <= :now",
                Map.of(":now", AttributeValue.fromN(Long.toString(nowSeconds))));
    }

    /** The recorded comment status; records written before it was stored kept the HTTP status (201 or 202). */
    private static CommentStatus recordedStatus(Map<String, AttributeValue> item) {
        if (item.containsKey("status")) {
            return CommentStatus.parse(item.get("status").s()).orElse(CommentStatus.PENDING);
        }
        return "201".equals(item.get("statusCode").n()) ? CommentStatus.APPROVED : CommentStatus.PENDING;
    }

    static Map<String, AttributeValue> idempotencyKeyOf(String key) {
        return Writes.key("IDEM#" + key, "I");
    }

    private static Page<Comment> map(Page<CommentItem> page) {
        return new Page<>(page.items().stream().map(ItemMapper::toComment).toList(), page.nextCursor());
    }
}
