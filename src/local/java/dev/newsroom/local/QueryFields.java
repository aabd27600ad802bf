package dev.newsroom.local;

import dev.newsroom.adapter.in.PercentDecoding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A query string or form body ({@code a=1&b=x+y}) as names to their values in order, percent-decoded. */
final class QueryFields {
    private QueryFields() {
    }

    static Map<String, List<String>> parse(String raw) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = PercentDecoding.decodeOrKeep(eq < 0 ? pair : pair.substring(0, eq), true);
                String value = eq < 0 ? "" : PercentDecoding.decodeOrKeep(pair.substring(eq + 1), true);
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return fields;
    }
}
