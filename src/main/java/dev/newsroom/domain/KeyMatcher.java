package dev.newsroom.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether any of a list of keys (WordPress's moderation or disallowed keys) occurs in a text: each key trimmed and
 * lower-cased (empty ones skipped), matched as a case-insensitive substring of the lower-cased text. One pass over
 * the text, whatever the number of keys (an Aho-Corasick automaton: each character follows one transition, or
 * failure links whose total is bounded by the characters read). Built once per key list: the settings' lists are
 * held until they change, so the last two built are kept. Its size is the keys' total length, at most the
 * settings' limit of 1,000 keys of 200 characters per list.
 */
final class KeyMatcher {
    private static volatile KeyMatcher last;
    private static volatile KeyMatcher beforeLast;

    private final List<String> keys;
    /** Transitions: (state << 16 | character) to state. */
    private final Map<Long, Integer> next = new HashMap<>();
    private final List<Integer> fail = new ArrayList<>(List.of(0));
    /** Whether a key ends at the state, or at one of its failure links. */
    private final List<Boolean> found = new ArrayList<>(List.of(false));

    private KeyMatcher(List<String> keys) {
        this.keys = keys;
        for (String raw : keys) {
            String key = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
            if (!key.isEmpty()) {
                add(key);
            }
        }
        linkFailures();
    }

    /** The matcher of {@code keys}, built now or kept from the last calls with the same list. */
    static KeyMatcher of(List<String> keys) {
        KeyMatcher recent = last;
        if (recent != null && recent.keys == keys) {
            return recent;
        }
        KeyMatcher older = beforeLast;
        if (older != null && older.keys == keys) {
            return older;
        }
        KeyMatcher built = new KeyMatcher(keys);
        beforeLast = recent;
        last = built;
        return built;
    }

    boolean isEmpty() {
        return next.isEmpty();
    }

    /** Whether a key occurs in {@code lowerCased} (a text already lower-cased with {@link Locale#ROOT}). */
    boolean foundIn(String lowerCased) {
        if (lowerCased == null || next.isEmpty()) {
            return false;
        }
        int state = 0;
        for (int i = 0; i < lowerCased.length(); i++) {
            char c = lowerCased.charAt(i);
            Integer to = next.get(edge(state, c));
            while (to == null && state != 0) {
                state = fail.get(state);
                to = next.get(edge(state, c));
            }
            state = to == null ? 0 : to;
            if (found.get(state)) {
                return true;
            }
        }
        return false;
    }

    private void add(String key) {
        int state = 0;
        for (int i = 0; i < key.length(); i++) {
            long edge = edge(state, key.charAt(i));
            Integer to = next.get(edge);
            if (to == null) {
                to = fail.size();
                next.put(edge, to);
                fail.add(0);
                found.add(false);
            }
            state = to;
        }
        found.set(state, true);
    }

    /** Breadth first: each state's failure link is the longest proper suffix of its path that is a state. */
    private void linkFailures() {
        Map<Integer, List<long[]>> children = new HashMap<>();
        next.forEach((edge, to) -> children.computeIfAbsent((int) (edge >>> 16), s -> new ArrayList<>())
                .add(new long[]{edge & 0xffff, to}));
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        while (!queue.isEmpty()) {
            int state = queue.poll();
            for (long[] child : children.getOrDefault(state, List.of())) {
                char c = (char) child[0];
                int to = (int) child[1];
                if (state != 0) {
                    int f = fail.get(state);
                    while (f != 0 && !next.containsKey(edge(f, c))) {
                        f = fail.get(f);
                    }
                    Integer target = next.get(edge(f, c));
                    fail.set(to, target == null || target == to ? 0 : target);
                    found.set(to, found.get(to) || found.get(fail.get(to)));
                }
                queue.add(to);
            }
        }
    }

    private static long edge(int state, char c) {
        return ((long) state << 16) | c;
    }
}
