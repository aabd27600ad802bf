package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An import's own counting of the comments it writes: one sum per article and run instead of one change at a
 * time from the change stream. A step is opened on the article item before any of its comments is stored (its
 * id added to the article's {@code importSteps}, in the same write that creates an imported article, or by
 * {@link #open}); the comments are stored, each marked as counted at its version (the change stream then leaves
 * them out, see {@code ApprovalChanges}) and with its step and what it adds there; then {@link #apply} adds the sum
 * and closes the step in one conditional write of the article, so the sum is added exactly once. A run cut off
 * between its comments and its sum leaves the step open; the next run of the same import finds it
 * ({@link #unfinished}) and applies it with the sum of what its stored comments say they add (read consistently),
 * before it writes anything more there. Editors' updates keep the attribute (they set only the article's own
 * fields); it is never shown.
 */
public final class ImportCountSteps {
    static final String OPEN_STEPS = "importSteps";
    private static final String SEPARATOR = "#";
    private final DynamoDbClient client;
    private final String table;

    public ImportCountSteps(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** A new step of the import from {@code origin}: the origin and a random id. */
    public static String newStep(String origin) {
        return origin + SEPARATOR + UUID.randomUUID();
    }

    /** Opens {@code step} on an article that exists (an article created by the import opens it as it is created). */
    public void open(String slug, String step) {
        try {
            DynamoCalls.run(() -> client.updateItem(b -> b.tableName(table).key(articleKey(slug))
                    .updateExpression("ADD " + OPEN_STEPS + " :s").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromSs(List.of(step))))));
        } catch (ConditionalCheckFailedException gone) {
            throw ServiceException.articleNotFound();
        }
    }

    /** Adds {@code sum} to the article's count and closes {@code step}, both or neither; nothing when already closed. */
    public void apply(String slug, String step, long sum) {
        try {
            DynamoCalls.run(() -> client.updateItem(b -> b.tableName(table).key(articleKey(slug))
                    .updateExpression("ADD commentCount :n DELETE " + OPEN_STEPS + " :s")
                    .conditionExpression("contains(" + OPEN_STEPS + ", :step)")
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Long.toString(sum)),
                            ":s", AttributeValue.fromSs(List.of(step)), ":step", AttributeValue.fromS(step)))));
        } catch (ConditionalCheckFailedException closed) {
            // settled by a later run already, or the article deleted: nothing to add
        } catch (ServiceException refused) {
            if (refused.code() == ErrorCode.UNAVAILABLE) {
                throw refused;
            }
            // never the post's fault: its comments are stored, their sum is not, and the next run settles it
            throw new IllegalStateException("DynamoDB refused the count of \"" + slug + "\" (" + refused.getMessage() + ")", refused);
        }
    }

    /** The steps of the import from {@code origin} an earlier run left open on the article (consistent read). */
    public List<String> unfinished(String slug, String origin) {
        var found = DynamoCalls.call(() -> client.getItem(b -> b.tableName(table).key(articleKey(slug)).consistentRead(true)
                .projectionExpression(OPEN_STEPS)));
        if (!found.hasItem() || !found.item().containsKey(OPEN_STEPS)) {
            return List.of();
        }
        return found.item().get(OPEN_STEPS).ss().stream().filter(step -> isOf(step, origin)).toList();
    }

    private static boolean isOf(String step, String origin) {
        int at = step.lastIndexOf(SEPARATOR);
        return at > 0 && step.substring(0, at).equals(origin);
    }

    private static Map<String, AttributeValue> articleKey(String slug) {
        return Writes.key(TableLayout.articlePk(slug), TableLayout.ARTICLE_SK);
    }
}
