package dev.newsroom.application.port;

/**
 * What one list page takes, fed its items in order: at most {@code limit} of them, and while their views' bytes
 * stay within {@code maxBytes} (the first item always, so a page is never empty while items remain). Once an item
 * is refused the page is full. Sizing by stored sizes before writing means a page is read and written once.
 */
public final class PageBudget {
    /**
     * The most bytes of comment views on one page: Lambda refuses a response over 6 MB (API Gateway then answers
     * 502) and the body travels in it as a JSON string, where escaping can double it; the rest of 2.5 MB is room
     * for the page's own fields.
     */
    public static final long VIEW_BYTES = 2_400_000;

    private final int limit;
    private final long maxBytes;
    private int taken;
    private long bytes;

    public PageBudget(int limit, long maxBytes) {
        this.limit = limit;
        this.maxBytes = maxBytes;
    }

    /** The budget of a page of comment views. */
    public static PageBudget forViews(int limit) {
        return new PageBudget(limit, VIEW_BYTES);
    }

    /** True when an item of {@code itemBytes} goes on the page (and is counted); false when the page is full. */
    public boolean take(long itemBytes) {
        if (taken >= limit || (taken > 0 && bytes + itemBytes > maxBytes)) {
            return false;
        }
        taken++;
        bytes += itemBytes;
        return true;
    }
}
