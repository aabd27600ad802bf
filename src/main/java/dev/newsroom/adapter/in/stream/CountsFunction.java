package dev.newsroom.adapter.in.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.newsroom.application.CountApprovals;
import dev.newsroom.application.port.ApprovalChange;
import dev.newsroom.config.AppContext;

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
    private final CountApprovals counter;

    public CountsFunction() {
        this(AppContext.shared());
    }

    public CountsFunction(AppContext app) {
        this.counter = app.countApprovals();
    }

    @Override
    public Void handleRequest(DynamodbEvent event, Context context) {
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
        return null;
    }

    private static UnaryOperator<String> text(Map<String, AttributeValue> image) {
        return name -> {
            AttributeValue value = image == null ? null : image.get(name);
            return value == null ? null : value.getS() != null ? value.getS() : value.getN();
        };
    }
}
