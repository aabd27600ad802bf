package dev.newsroom.adapter.in;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Query parameters of an address this service links back to, where an earlier visit's state must not carry over. */
public final class QueryParameters {
    private QueryParameters() {
    }

    /**
     * {@code url} without the query parameters named {@code names} (with or without a value), every other parameter
     * kept as written and in its order; the {@code ?} goes when nothing is left. A fragment is not expected.
     */
    public static String without(String url, Set<String> names) {
        int mark = url.indexOf('?');
        if (mark < 0) {
            return url;
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : url.substring(mark + 1).split("&")) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (!parameter.isEmpty() && !names.contains(name)) {
                kept.add(parameter);
            }
        }
        return url.substring(0, mark) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }
}
