package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.application.port.SettingsRepository;
import dev.newsroom.domain.DiscussionSettings;
import dev.newsroom.domain.PageDisplay;
import dev.newsroom.domain.ServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The discussion settings as one item; saves are conditional on the version the moderator read. */
public final class DynamoSettingsRepository implements SettingsRepository {
    private static final Map<String, AttributeValue> KEY = Writes.key("SETTINGS", "DISCUSSION");
    private final DynamoDbClient client;
    private final String tableName;

    public DynamoSettingsRepository(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public Optional<DiscussionSettings> load() {
        Map<String, AttributeValue> item = DynamoCalls.call(() ->
                client.getItem(b -> b.tableName(tableName).key(KEY).consistentRead(true)).item());
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DiscussionSettings(
                item.get("requireNameEmail").bool(), number(item, "floodSeconds"), number(item, "maxLinks"),
                strings(item, "moderationKeys"), strings(item, "disallowedKeys"), item.get("moderateAll").bool(),
                item.get("requirePreviouslyApproved").bool(), number(item, "threadDepth"),
                number(item, "closeCommentsAfterDays"), Long.parseLong(item.get("version").n()), display(item)));
    }

    @Override
    public DiscussionSettings save(DiscussionSettings s, long expectedVersion) {
        DiscussionSettings saved = s.withVersion(expectedVersion + 1);
        Map<String, AttributeValue> item = new HashMap<>(KEY);
        item.put("requireNameEmail", AttributeValue.fromBool(saved.requireNameEmail()));
        item.put("floodSeconds", n(saved.floodSeconds()));
        item.put("maxLinks", n(saved.maxLinks()));
        item.put("moderationKeys", list(saved.moderationKeys()));
        item.put("disallowedKeys", list(saved.disallowedKeys()));
        item.put("moderateAll", AttributeValue.fromBool(saved.moderateAll()));
        item.put("requirePreviouslyApproved", AttributeValue.fromBool(saved.requirePreviouslyApproved()));
        item.put("threadDepth", n(saved.threadDepth()));
        item.put("closeCommentsAfterDays", n(saved.closeCommentsAfterDays()));
        item.put("version", n(saved.version()));
        PageDisplay d = saved.display();
        item.put("dateFormat", AttributeValue.fromS(d.dateFormat()));
        item.put("timeFormat", AttributeValue.fromS(d.timeFormat()));
        item.put("timezone", AttributeValue.fromS(d.timezone()));
        item.put("showAvatars", AttributeValue.fromBool(d.showAvatars()));
        item.put("avatarDefault", AttributeValue.fromS(d.avatarDefault()));
        item.put("commentsPerPage", n(d.commentsPerPage()));
        String condition = expectedVersion == 0 ? "attribute_not_exists(pk) OR version = :expected" : "version = :expected";
        try {
            DynamoCalls.run(() -> client.putItem(b -> b.tableName(tableName).item(item)
                    .conditionExpression(condition)
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion)))));
        } catch (ConditionalCheckFailedException e) {
            throw ServiceException.versionConflict();
        }
        return saved;
    }

    /** The display settings; settings saved before they existed show pages as the defaults do. */
    private static PageDisplay display(Map<String, AttributeValue> item) {
        PageDisplay d = PageDisplay.defaults();
        return new PageDisplay(text(item, "dateFormat", d.dateFormat()), text(item, "timeFormat", d.timeFormat()),
                text(item, "timezone", d.timezone()),
                item.containsKey("showAvatars") ? item.get("showAvatars").bool() : d.showAvatars(),
                text(item, "avatarDefault", d.avatarDefault()),
                item.containsKey("commentsPerPage") ? number(item, "commentsPerPage") : d.commentsPerPage());
    }

    private static String text(Map<String, AttributeValue> item, String name, String fallback) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? fallback : v.s();
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    private static int number(Map<String, AttributeValue> item, String name) {
        return Integer.parseInt(item.get(name).n());
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
    }
}
