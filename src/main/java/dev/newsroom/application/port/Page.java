package dev.newsroom.application.port;

import java.util.List;

/** One page of a list; {@code nextCursor} is null exactly when nothing remains after this page. */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
