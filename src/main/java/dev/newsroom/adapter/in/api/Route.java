package dev.newsroom.adapter.in.api;

import dev.newsroom.adapter.in.PercentDecoding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One method on one API Gateway resource template ({@code /articles/{slug}}) and what answers it.
 * {@link #match(String)} extracts path parameters from a concrete path (percent-decoded).
 */
public record Route(String method, String resource, Function<ApiRequest, ApiResponse> action) {

    public Map<String, String> match(String path) {
        return match(resource, path);
    }

    /** The path parameters when {@code resourceTemplate} matches {@code path}, else null. */
    public static Map<String, String> match(String resourceTemplate, String path) {
        String[] template = resourceTemplate.split("/", -1);
        String[] actual = path.split("/", -1);
        if (template.length != actual.length) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                parameters.put(t.substring(1, t.length() - 1), PercentDecoding.decodeOrKeep(actual[i], false));
            } else if (!t.equals(actual[i])) {
                return null;
            }
        }
        return parameters;
    }

}
