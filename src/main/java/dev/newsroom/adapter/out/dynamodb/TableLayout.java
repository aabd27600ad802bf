package dev.newsroom.adapter.out.dynamodb;

/**
 * The single-table layout. Keys are strings {@code pk}/{@code sk}; three overloaded indexes serve every
 * access pattern without a Scan:
 * <pre>
 * item              pk                     sk           gsi1 (pk / sk)                gsi2            gsi3
 * article           ARTICLE#slug           A            -                             -               -
 * list entry        ARTICLE#slug           L#list       L#list / publishedAt#slug     -               -
 * draft entry       ARTICLE#slug           L#drafts     L#drafts / updatedAt#slug     -               -
 * comment           COMMENT#id             C            T#slug#status / id            Q#status#n / id E#emailHash / status#author#id
 * duplicate mark    DUP#fingerprint        D
 * flood mark        FLOOD#ip#ipHash FLOOD#em#emailHash  F  (expiresAt TTL)
 * idempotency       IDEM#key               I            (expiresAt TTL)
 * settings          SETTINGS               DISCUSSION
 * notifier's ledger NOTIFY#slug            N            (expiresAt TTL; in the index notifyDue while comments wait)
 * </pre>
 * Comment ids are ULIDs, so the thread and queue indexes sort by creation time. The queue of a status is split
 * over N partitions ({@code n} = a hash of the id mod N, N a setting) so that no index partition key is shared by
 * all comments; pages read all N and merge them by id. The author index sorts by status
 * and author fingerprint first, so "has this author an approved comment now?" is one key-prefix query.
 * A fourth index, {@code notifyDue}, sparse and keys only, holds nothing but the notifier's ledger items whose
 * comments wait: the notifier may Query it alone, and it shows no comment, email or address.
 */
public final class TableLayout {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1 = "gsi1";
    public static final String GSI2 = "gsi2";
    public static final String GSI3 = "gsi3";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    public static final String GSI2_PK = "gsi2pk";
    public static final String GSI2_SK = "gsi2sk";
    public static final String GSI3_PK = "gsi3pk";
    public static final String GSI3_SK = "gsi3sk";
    public static final String TTL = "expiresAt";
    /** The notifier's due list: index and its partition key attribute (sort key: the table's {@code pk}). */
    public static final String DUE_INDEX = "notifyDue";
    public static final String DUE_PK = "notifyDue";

    static final String ARTICLE_SK = "A";
    static final String COMMENT_SK = "C";
    /** The spam service's verdict on a comment: an item beside it, in its partition ({@code COMMENT#id}). */
    static final String SPAM_CHECK_SK = "SPAMCHECK";

    private TableLayout() {
    }

    static String articlePk(String slug) {
        return "ARTICLE#" + slug;
    }

    /** The list of drafts (never a category's: those are {@code L#cat#name}). */
    static final String DRAFTS_LIST = "L#drafts";

    static String listName(String category) {
        return category == null ? "L#all" : "L#cat#" + category;
    }

    static String commentPk(String id) {
        return "COMMENT#" + id;
    }

    static String threadPk(String slug, String status) {
        return "T#" + slug + "#" + status;
    }

    /** The queue partition of a comment: its status and one of {@code shards} partitions, by a hash of its id. */
    static String queuePk(String status, String commentId, int shards) {
        return queueShard(status, Math.floorMod(commentId.hashCode(), shards));
    }

    static String queueShard(String status, int shard) {
        return "Q#" + status + "#" + shard;
    }

    /** The one queue partition per status that comments had before the queue was sharded; still read. */
    static String legacyQueuePk(String status) {
        return "Q#" + status;
    }

    static String emailPk(String emailHash) {
        return "E#" + emailHash;
    }

    /** The author-index sort key: the comment's status and author fingerprint, then its id. */
    static String authorSk(String status, String authorKey, String id) {
        return authorPrefix(status, authorKey) + id;
    }

    static String authorPrefix(String status, String authorKey) {
        return status + "#" + authorKey + "#";
    }
}
