package dev.newsroom.adapter.in.api;

import dev.newsroom.domain.ServiceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON object read field by field: each accessor returns null for a missing or null field and
 * answers {@code malformed_body} when the field has another type, so a wrong type is never a 500.
 */
public final class JsonObject {
    private final Map<String, Object> fields;

    JsonObject(Map<String, Object> fields) {
        this.fields = fields;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String text(String field) {
        return typed(field, String.class, "a string");
    }

    public Boolean bool(String field) {
        return typed(field, Boolean.class, "true or false");
    }

    /** A whole number that fits in a long; fractions, strings and huge numbers are {@code malformed_body}. */
    public Long integer(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Long number)) {
            throw wrongType(field, "a whole number");
        }
        return number;
    }

    /** A list of strings (empty when absent). */
    public List<String> texts(String field) {
        List<String> out = new ArrayList<>();
        for (Object element : list(field)) {
            if (!(element instanceof String text)) {
                throw wrongType(field, "a list of strings");
            }
            out.add(text);
        }
        return out;
    }

    /** A list of objects (empty when absent). */
    @SuppressWarnings("unchecked")
    public List<JsonObject> objects(String field) {
        List<JsonObject> out = new ArrayList<>();
        for (Object element : list(field)) {
            if (!(element instanceof Map<?, ?> map)) {
                throw wrongType(field, "a list of objects");
            }
            out.add(new JsonObject((Map<String, Object>) map));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public JsonObject object(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw wrongType(field, "an object");
        }
        return new JsonObject((Map<String, Object>) map);
    }

    private List<?> list(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw wrongType(field, "a list");
        }
        return list;
    }

    private <T> T typed(String field, Class<T> type, String expected) {
        Object value = fields.get(field);
        if (value == null) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw wrongType(field, expected);
        }
        return type.cast(value);
    }

    private static ServiceException wrongType(String field, String expected) {
        return ServiceException.malformed("The field " + field + " must be " + expected + ".");
    }
}
