package dev.newsroom.local.wordpress;

import dev.newsroom.adapter.in.stream.ApprovalChanges;
import dev.newsroom.adapter.in.stream.HeldComments;
import dev.newsroom.adapter.out.dynamodb.CommentItems;
import dev.newsroom.adapter.out.dynamodb.ImportCountSteps;
import dev.newsroom.domain.Comment;
import dev.newsroom.domain.CommentStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stores one article's imported comments (from WordPress or Disqus) so that running an import again changes
 * nothing: each comment is compared with what is stored; the same is left alone (no write, so no change record
 * either); a changed one is written as the next version; one a moderator changed here is kept as it is. Written
 * in steps that each end stored before the next begins: the duplicate marks of the comments that change, then the
 * comments depth by depth (no reply is ever stored without its parent), then the article's count. The count is the
 * import's own ({@link ImportCountSteps}): the sum of what the written versions change (entering or leaving
 * {@code approved}, a change of status made at the source between two imports included) is added once, and each
 * written item is marked as counted at its version, so the change stream's counting leaves it out. Each comment
 * item is marked with the import's origin, so the moderators' digest leaves it out too.
 */
public final class ImportedComments implements AutoCloseable {
    private static final int GET_BATCH = 100;
    /** On each comment item written: the count step it was written in, and what it adds to the count there. */
    static final String COUNT_STEP = "countStep";
    static final String COUNT_DELTA = "countDelta";
    /** {@code BatchWriteItem} calls at once, shared by every article being written. */
    private static final int SENDERS = 8;
    private final DynamoDbClient client;
    private final String table;
    private final BatchWriter batches;
    private final int queueShards;
    private final ImportCountSteps steps;

    /**
     * What one article's writing did: comments written, already there unchanged, kept as moderated here, and
     * left under another article they are stored under (moving a comment would change two counts at once).
     */
    public record Outcome(int written, int unchanged, int kept, int elsewhere) {
    }

    /**
     * What writing one article's comments will do, worked out before anything is written: the duplicate marks to
     * put and delete, the comment items depth by depth, and the sum they add to the article's count; its count step
     * ({@link #countStep}) is null when no comment written changes the count (nothing to count, so nothing to open);
     * a step whose changes cancel out (one comment approved, another unapproved) is opened and closed all the same.
     */
    public static final class Plan {
        private final String slug;
        private final String countStep;
        private final long sum;
        private final BatchWriter.Step marks;
        private final Map<Integer, BatchWriter.Step> depths;
        private final Outcome outcome;

        private Plan(String slug, String countStep, long sum, BatchWriter.Step marks, Map<Integer, BatchWriter.Step> depths,
                     Outcome outcome) {
            this.slug = slug;
            this.countStep = countStep;
            this.sum = sum;
            this.marks = marks;
            this.depths = depths;
            this.outcome = outcome;
        }

        /** The step to open on the article before the comments are written, or null. */
        public String countStep() {
            return countStep;
        }
    }

    public ImportedComments(DynamoDbClient client, String table, int queueShards) {
        this.client = client;
        this.table = table;
        this.batches = new BatchWriter(client, table, SENDERS);
        this.queueShards = queueShards;
        this.steps = new ImportCountSteps(client, table);
    }

    /**
     * Settles the count of the article's comments from {@code origin} if an earlier run was cut off between
     * storing them and adding them to the count: each step it left open adds what its stored comments say they add
     * ({@code stored}, read after the cut), once. Called before anything more is written there.
     */
    public void settleUnfinished(String slug, String origin, Stored stored) {
        for (String step : steps.unfinished(slug, origin)) {
            steps.apply(slug, step, stored.stepSums().getOrDefault(step, 0L));
        }
    }

    /** Writes {@code comments} (each parent before its replies) against {@code stored}, their stored versions. */
    public Outcome write(String origin, List<Comment> comments, Stored stored) {
        return write(plan(origin, comments, stored.comments()), List.of(), false);
    }

    /** What writing {@code comments} (each parent before its replies) against {@code stored} will do. */
    Plan plan(String origin, List<Comment> comments, Map<String, Comment> stored) {
        BatchWriter.Step marks = new BatchWriter.Step();
        Map<Integer, BatchWriter.Step> depths = new TreeMap<>();
        int written = 0;
        int unchanged = 0;
        int kept = 0;
        int elsewhere = 0;
        long sum = 0;
        boolean counted = false;
        String step = ImportCountSteps.newStep(origin);
        Map<Integer, List<Map<String, AttributeValue>>> items = new TreeMap<>();
        for (Comment comment : comments) {
            Comment before = stored.get(comment.id());
            if (before != null && before.moderatedBy() != null) {
                kept++;
                continue;
            }
            if (before != null && !before.articleSlug().equals(comment.articleSlug())) {
                elsewhere++;
                continue;
            }
            if (before != null && comment.withVersion(before.version()).equals(before)) {
                unchanged++;
                continue;
            }
            Comment next = comment.withVersion(before == null ? 1 : before.version() + 1);
            Map<String, AttributeValue> newMark = CommentItems.duplicateMarkKey(next);
            if (before != null) {
                // both of the stored comment's fingerprints: the folded one, and the unfolded one of earlier marks
                CommentItems.duplicateMarkKeys(before).stream().filter(old -> !old.equals(newMark)).forEach(marks::delete);
            }
            if (newMark != null) {
                marks.put(CommentItems.duplicateMark(next));
            }
            Map<String, AttributeValue> item = new HashMap<>(CommentItems.item(next, queueShards));
            // marked as imported: moderators are not sent a digest of a site's old held comments
            item.put(HeldComments.IMPORTED_FROM, AttributeValue.fromS(origin));
            // and as counted at this version: the import adds it to the count itself, the change stream leaves it out
            item.put(ApprovalChanges.COUNTED_VERSION, AttributeValue.fromN(Long.toString(next.version())));
            // and with what it adds to the count in which step, so a run cut off before the sum can be settled
            int delta = approved(next) - (before == null ? 0 : approved(before));
            item.put(COUNT_DELTA, AttributeValue.fromN(Integer.toString(delta)));
            sum += delta;
            counted |= delta != 0;
            items.computeIfAbsent(next.depth(), d -> new ArrayList<>()).add(item);
            written++;
        }
        // the items go into their steps once it is known whether there is a count step to name on them
        for (Map.Entry<Integer, List<Map<String, AttributeValue>>> depth : items.entrySet()) {
            BatchWriter.Step batch = depths.computeIfAbsent(depth.getKey(), d -> new BatchWriter.Step());
            for (Map<String, AttributeValue> item : depth.getValue()) {
                if (counted) {
                    item.put(COUNT_STEP, AttributeValue.fromS(step));
                } else {
                    item.remove(COUNT_DELTA); // no step: nothing to settle
                }
                batch.put(item);
            }
        }
        String slug = comments.isEmpty() ? null : comments.get(0).articleSlug();
        return new Plan(slug, counted ? step : null, sum, marks, depths,
                new Outcome(written, unchanged, kept, elsewhere));
    }

    /**
     * Carries out {@code plan}, with {@code alongside} (other items of the article) in its first step: opens its
     * count step on the article unless {@code stepOpen} (opened as the article was created), stores the marks, the
     * comments depth by depth, then adds the sum.
     */
    Outcome write(Plan plan, List<Map<String, AttributeValue>> alongside, boolean stepOpen) {
        if (plan.countStep != null && !stepOpen) {
            steps.open(plan.slug, plan.countStep);
        }
        alongside.forEach(plan.marks::put);
        batches.write(plan.marks);
        plan.depths.values().forEach(batches::write);
        if (plan.countStep != null) {
            steps.apply(plan.slug, plan.countStep, plan.sum);
        }
        return plan.outcome;
    }

    private static int approved(Comment c) {
        return c.status() == CommentStatus.APPROVED ? 1 : 0;
    }

    /**
     * The comments as stored now, and for each count step their items name, the sum of what those items add
     * (consistent reads, 100 keys a call, unprocessed keys asked again).
     */
    public record Stored(Map<String, Comment> comments, Map<String, Long> stepSums) {
    }

    /** {@code comments} as stored now (see {@link Stored}). */
    public Stored stored(List<Comment> comments) {
        Map<String, Comment> stored = new HashMap<>();
        Map<String, Long> stepSums = new HashMap<>();
        for (int from = 0; from < comments.size(); from += GET_BATCH) {
            List<Map<String, AttributeValue>> keys = comments.subList(from, Math.min(comments.size(), from + GET_BATCH))
                    .stream().map(c -> CommentItems.key(c.id())).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> asking = request;
                var response = client.batchGetItem(b -> b.requestItems(asking));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    Comment c = CommentItems.comment(item);
                    stored.put(c.id(), c);
                    if (item.containsKey(COUNT_STEP) && item.containsKey(COUNT_DELTA)) {
                        stepSums.merge(item.get(COUNT_STEP).s(), Long.parseLong(item.get(COUNT_DELTA).n()), Long::sum);
                    }
                }
                request = response.unprocessedKeys().isEmpty() || response.unprocessedKeys().values().stream()
                        .allMatch(k -> k.keys().isEmpty()) ? Map.of() : response.unprocessedKeys();
            }
        }
        return new Stored(stored, stepSums);
    }

    /** Stops the writer's senders once the import is done. */
    @Override
    public void close() {
        batches.close();
    }
}
