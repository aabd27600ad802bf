package dev.newsroom.local.wordpress;

import java.io.PrintStream;

/** A progress line on stderr every few seconds of a long import: posts and comments read, and the rate. */
final class Progress {
    private static final long EVERY_NANOS = 5_000_000_000L;
    private final PrintStream err;
    private final long start = System.nanoTime();
    private long lastPrinted = start;
    private long posts;
    private long comments;

    Progress(PrintStream err) {
        this.err = err;
    }

    void read(WxrPost post) {
        posts++;
        comments += post.comments().size();
        long now = System.nanoTime();
        if (now - lastPrinted >= EVERY_NANOS) {
            lastPrinted = now;
            err.printf("import-wordpress: %,d posts, %,d comments read (%,d comments/s)%n", posts, comments,
                    commentsPerSecond(now));
        }
    }

    long commentsPerSecond(long now) {
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        return Math.round(comments / seconds);
    }
}
