package dev.newsroom.application.memory;

import dev.newsroom.application.port.Page;
import dev.newsroom.application.port.PageBudget;
import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Paging as the DynamoDB adapter pages: items in the order of their sort key, a page never empty while more
 * remain, within {@link PageBudget}'s bytes by {@code size}, {@code nextCursor} null exactly when nothing is left, and a cursor refused ({@code invalid_cursor}) on
 * any list but the one that issued it.
 */
final class MemoryPages {
    private static final String SEPARATOR = "\u0000";

    private MemoryPages() {
    }

    static <T> Page<T> page(String listId, List<T> items, Function<T, String> sortKey, boolean ascending, int limit,
                            String cursor, ToLongFunction<T> size) {
        Comparator<String> order = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        String after = cursor == null ? null : afterKey(listId, cursor);
        List<T> remaining = items.stream()
                .filter(item -> after == null || order.compare(sortKey.apply(item), after) > 0)
                .sorted(Comparator.comparing(sortKey, order))
                .toList();
        PageBudget budget = PageBudget.forViews(limit);
        int fits = 0;
        while (fits < remaining.size() && budget.take(size.applyAsLong(remaining.get(fits)))) {
            fits++;
        }
        if (fits == remaining.size()) {
            return new Page<>(remaining, null);
        }
        List<T> page = remaining.subList(0, fits);
        return new Page<>(page, listId + SEPARATOR + sortKey.apply(page.get(fits - 1)));
    }

    private static String afterKey(String listId, String cursor) {
        if (!cursor.startsWith(listId + SEPARATOR)) {
            throw new ServiceException(ErrorCode.INVALID_CURSOR, "This cursor was not issued for this list.");
        }
        return cursor.substring(listId.length() + SEPARATOR.length());
    }
}
