package dev.newsroom.local.wordpress;

import java.util.Map;

/**
 * The text fields of one {@code <item>} or {@code <wp:comment>} by their local names ({@code post_name},
 * {@code comment_date_gmt}, {@code title}, ...; post meta as {@code meta:KEY}), each with where it was in the file,
 * for messages about it; a field over its bound ({@link FieldLimits}) is not held: {@code oversize} names it with
 * the bound it passed.
 */
public record WxrRecord(Position start, Map<String, String> values, Map<String, Position> positions,
                        Map<String, Integer> oversize) {

    public WxrRecord(Position start, Map<String, String> values, Map<String, Position> positions) {
        this(start, values, positions, Map.of());
    }

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

    /** Refuses the record when a field was over its bound, naming the first such field, its place and bound. */
    public void checkBounds(String what) throws ImportProblem {
        String field = oversize.keySet().stream().sorted().findFirst().orElse(null);
        if (field != null) {
            throw new ImportProblem(what + ": its " + field + " is over " + oversize.get(field)
                    + " characters, more than it may hold here; left out", at(field));
        }
    }
}
