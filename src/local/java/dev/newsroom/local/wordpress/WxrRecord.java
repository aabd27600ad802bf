package dev.newsroom.local.wordpress;

import java.util.Map;

/**
 * The text fields of one {@code <item>} or {@code <wp:comment>} by their local names ({@code post_name},
 * {@code comment_date_gmt}, {@code title}, ...), each with where it was in the file, for messages about it.
 */
public record WxrRecord(Position start, Map<String, String> values, Map<String, Position> positions) {

    /** The field's text, trimmed; empty when absent. */
    public String text(String name) {
        String value = values.get(name);
        return value == null ? "" : value.trim();
    }

    /** The field's text exactly as exported (content keeps its spaces and newlines); empty when absent. */
    public String raw(String name) {
        String value = values.get(name);
        return value == null ? "" : value;
    }

    /** Where the field was, or where the record started when it was absent. */
    public Position at(String name) {
        return positions.getOrDefault(name, start);
    }
}
