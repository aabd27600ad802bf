package dev.newsroom.local.wordpress;

import dev.newsroom.config.AppContext;

import java.io.PrintStream;

/**
 * What an import command runs with: the service's context, and where its summary ({@code out}) and its problems
 * and progress ({@code err}) go.
 */
public record ImportRun(AppContext app, PrintStream out, PrintStream err) {
    /**
     * Said at the end of a summary: the imports add what they write to the counts themselves, one sum per article
     * ({@link ImportedComments}), so every count is exact once the command ends, locally and in AWS alike.
     */
    public static final String COUNTS_EXACT = "counts exact";
}
