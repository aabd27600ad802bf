package dev.newsroom.application.memory;

import dev.newsroom.application.port.Page;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Paging as the DynamoDB adapter pages: items in the order of their sort key, a page never empty while more
 * remain, {@code nextCursor} null exactly when nothing is left, and a cursor refused ({@code invalid_cursor}) on
 * any list but the one that issued it.
 */
final class MemoryPages {
    private static final String SEPARATOR = "\u0000";

    private MemoryPages() {
    }

    static <T> Page<T> page(String listId, List<T> items, Function<T, String> sortKey, boolean ascending, int limit,
                            String cursor) {
        Comparator<String> order = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        String after = cursor == null ? null : afterKey(listId, cursor);
        List<T> remaining = items.stream()
                .filter(item -> after == null || order.compare(sortKey.apply(item), after) > 0)
                .sorted(Comparator.comparing(sortKey, order))
                .toList();
        if (remaining.size() <= limit) {
            return new Page<>(remaining, null);
        }
        List<T> page = remaining.subList(0, limit);
        return new Page<>(page, listId + SEPARATOR + sortKey.apply(page.get(limit - 1)));
    }

    private static String afterKey(String listId, String cursor) {
        if (!cursor.startsWith(listId + SEPARATOR)) {
            throw new ServiceException(ErrorCode.INVALID_CURSOR, "This cursor was not issued for this list.");
        }
        return cursor.substring(listId.length() + SEPARATOR.length());
    }
}
