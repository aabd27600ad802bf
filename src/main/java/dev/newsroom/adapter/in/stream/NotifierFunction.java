package dev.newsroom.adapter.in.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.newsroom.application.NotifyModerators;
import dev.newsroom.application.port.HeldComment;
import dev.newsroom.application.port.ModeratorAlerts;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.ServiceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The notifier function, on the table's change stream (new held and spam comments, by its event filter) and on
 * a one-minute schedule (an event with no records): tells moderators through {@link NotifyModerators}, then
 * sends the digests whose minute has passed. Never on a submission's path. Logs one JSON line per invocation
 * (numbers only). A batch that cannot reach the database is retried by Lambda; a digest SNS refuses waits for
 * the next minute.
 */
public final class NotifierFunction implements RequestHandler<DynamodbEvent, Void> {
    private final NotifyModerators notifier;

    public NotifierFunction() {
        this(AppContext.shared(), AppContext.moderatorAlerts());
    }

    public NotifierFunction(AppContext app, ModeratorAlerts alerts) {
        this.notifier = app.notifyModerators(alerts);
    }

    @Override
    public Void handleRequest(DynamodbEvent event, Context context) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event == null || event.getRecords() == null ? List.of()
                : event.getRecords();
        List<HeldComment> held = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            var change = record.getDynamodb();
            Map<String, AttributeValue> image = change == null ? null : change.getNewImage();
            HeldComments.of(record.getEventName(), name -> {
                AttributeValue value = image == null ? null : image.get(name);
                return value == null ? null : value.getS();
            }).ifPresent(held::add);
        }
        NotifyModerators.Told told;
        try {
            told = notifier.tell(held);
        } catch (ServiceException e) {
            log("tell", e);
            throw e;
        }
        NotifyModerators.Told flushed;
        try {
            flushed = notifier.flushDue();
        } catch (ServiceException e) {
            // the batch itself is told: retrying it would count it twice; the next minute flushes again
            log("flush", e);
            flushed = NotifyModerators.Told.NOTHING;
        }
        System.out.println("{\"function\":\"notifier\",\"records\":" + records.size() + ",\"held\":" + held.size()
                + ",\"sent\":" + (told.sent() + flushed.sent()) + ",\"failed\":" + (told.failed() + flushed.failed()) + "}");
        return null;
    }

    private static void log(String step, ServiceException e) {
        StringBuilder line = new StringBuilder("{\"function\":\"notifier\",\"step\":\"" + step + "\",\"failed\":\""
                + e.code().wire() + "\"");
        e.diagnostics().forEach((k, v) -> line.append(",\"").append(k).append("\":\"").append(v).append('"'));
        System.out.println(line.append('}'));
    }
}
