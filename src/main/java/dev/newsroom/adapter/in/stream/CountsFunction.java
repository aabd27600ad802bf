package dev.newsroom.adapter.in.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.newsroom.application.CountApprovals;
import dev.newsroom.application.port.ApprovalChange;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.ServiceException;
import org.crac.Core;
import org.crac.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The counts function, on the table's change stream: keeps each article's {@code commentCount} equal to its
 * approved comments. A batch that fails is retried whole by Lambda, in order; applying is idempotent, so a retry
 * never counts twice. Logs one JSON line per batch (numbers only).
 */
public final class CountsFunction implements RequestHandler<DynamodbEvent, Void> {
    /**
     * Not a valid slug, so no article can ever have it: the priming change aims at it and is refused on the
     * article's condition.
     */
    static final String PRIMING_SLUG = "--priming";
    private final CountApprovals counter;
    /** Held strongly: CRaC keeps only weak references to registered resources. */
    final Resource priming = new Resource() {
        @Override
        public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
            try {
                prime();
            } catch (RuntimeException e) {
                // a hook that throws fails the version's publish; a cold first batch is the lesser harm
                System.out.println("{\"function\":\"counts\",\"priming\":\"incomplete\",\"exception\":\""
                        + e.getClass().getName() + "\"}");
            }
        }

        @Override
        public void afterRestore(org.crac.Context<? extends Resource> context) {
            // nothing to refresh: credentials and connections renew on demand
        }
    };

    public CountsFunction() {
        this(AppContext.shared());
    }

    public CountsFunction(AppContext app) {
        this.counter = app.countApprovals();
        Core.getGlobalContext().register(priming);
    }

    /**
     * SnapStart priming: the record parsing and one counting transaction, for an article that cannot exist, so
     * DynamoDB refuses it on the article's condition and nothing is written. Returns how many were applied (0).
     */
    int prime() {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("INSERT");
        var change = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord();
        change.setNewImage(Map.of("pk", new AttributeValue("COMMENT#priming"), "id", new AttributeValue("priming"),
                "articleSlug", new AttributeValue(PRIMING_SLUG), "status", new AttributeValue("approved"),
                "version", new AttributeValue().withN("1")));
        record.setDynamodb(change);
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return apply(event);
    }

    @Override
    public Void handleRequest(DynamodbEvent event, Context context) {
        try {
            apply(event);
        } catch (ServiceException e) {
            // Lambda retries the batch; the log says why (names and codes of the cause, never record contents)
            StringBuilder line = new StringBuilder("{\"function\":\"counts\",\"failed\":\"" + e.code().wire() + "\"");
            e.diagnostics().forEach((k, v) -> line.append(",\"").append(k).append("\":\"").append(v).append('"'));
            System.out.println(line.append('}'));
            throw e;
        }
        return null;
    }

    private int apply(DynamodbEvent event) {
        List<ApprovalChange> changes = new ArrayList<>();
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            var change = record.getDynamodb();
            ApprovalChanges.of(record.getEventName(), text(change == null ? null : change.getOldImage()),
                    text(change == null ? null : change.getNewImage())).ifPresent(changes::add);
        }
        int applied = counter.apply(changes);
        System.out.println("{\"function\":\"counts\",\"records\":" + records.size() + ",\"changes\":" + changes.size()
                + ",\"applied\":" + applied + "}");
        return applied;
    }

    private static UnaryOperator<String> text(Map<String, AttributeValue> image) {
        return name -> {
            AttributeValue value = image == null ? null : image.get(name);
            return value == null ? null : value.getS() != null ? value.getS() : value.getN();
        };
    }
}
