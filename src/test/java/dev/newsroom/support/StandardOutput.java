package dev.newsroom.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What code prints on standard output (the functions' log and metric lines), captured for a test to read. */
public final class StandardOutput {
    private StandardOutput() {
    }

    /** Runs {@code action} with standard output captured, and puts it back even when {@code action} fails. */
    public static String of(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
