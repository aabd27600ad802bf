package dev.newsroom.local.wordpress;

import dev.newsroom.config.AppContext;
import dev.newsroom.local.StreamCounter;

import java.io.PrintStream;

/**
 * What an import command runs with: the service's context, the counter reading the table's change stream into
 * counts (null where the stack's counts function does it, in AWS), and where its summary ({@code out}) and its
 * problems and progress ({@code err}) go.
 */
public record ImportRun(AppContext app, StreamCounter counter, PrintStream out, PrintStream err) {

    /** Brings every count up to date before the summary (locally); says what the counts are once it returns. */
    public String countsSettled() {
        if (counter == null) {
            return "counts follow from the stack's counts function within seconds";
        }
        counter.drain();
        return "counts exact";
    }
}
