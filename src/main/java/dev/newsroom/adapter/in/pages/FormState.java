package dev.newsroom.adapter.in.pages;

import dev.newsroom.domain.FieldError;
import dev.newsroom.domain.ServiceException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comment form as a reader left it: the values they typed (WordPress's field names {@code author},
 * {@code email}, {@code url}, {@code comment}), the comment they reply to (null for none), and, after a refused
 * post, each message beside its field and the messages that belong to no field.
 */
record FormState(Map<String, String> values, String parentId, Map<String, String> fieldErrors, List<String> messages) {
    private static final Map<String, String> FIELD_NAMES =
            Map.of("authorName", "author", "authorEmail", "email", "authorUrl", "url", "content", "comment");

    static FormState empty(String parentId) {
        return new FormState(Map.of(), parentId, Map.of(), List.of());
    }

    /** The form after {@code refusal}: messages of the form's fields beside them, any other at the top. */
    static FormState refused(Map<String, String> values, String parentId, ServiceException refusal) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> general = new java.util.ArrayList<>();
        for (FieldError error : refusal.fields()) {
            String name = FIELD_NAMES.get(error.field());
            if (name == null) {
                general.add(error.message());
            } else {
                byField.merge(name, error.message(), (a, b) -> a.equals(b) ? a : a + " " + b);
            }
        }
        if (byField.isEmpty() && general.isEmpty()) {
            general.add(refusal.getMessage());
        }
        return new FormState(Map.copyOf(values), parentId, byField, List.copyOf(general));
    }

    String value(String field) {
        return values.getOrDefault(field, "");
    }

    boolean refused() {
        return !fieldErrors.isEmpty() || !messages.isEmpty();
    }
}
