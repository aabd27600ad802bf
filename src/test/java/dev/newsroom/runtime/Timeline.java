package dev.newsroom.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** One ordered record of what the fake Lambda service, the credentials endpoint and DynamoDB saw, in order. */
final class Timeline {
    record Entry(long seq, String source, String what) {
    }

    private final AtomicLong seq = new AtomicLong();
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    long add(String source, String what) {
        long n = seq.incrementAndGet();
        entries.add(new Entry(n, source, what));
        return n;
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The sequence number of the first entry from {@code source} whose text contains {@code text}, or -1. */
    long first(String source, String text) {
        return entries.stream().filter(e -> e.source().equals(source) && e.what().contains(text))
                .mapToLong(Entry::seq).min().orElse(-1);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Entry e : entries) {
            out.append(e.seq()).append(' ').append(e.source()).append(": ").append(e.what()).append('\n');
        }
        return out.toString();
    }
}
