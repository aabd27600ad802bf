package dev.newsroom.bench;

import dev.newsroom.adapter.in.api.CommentsFunction;
import dev.newsroom.adapter.in.api.Priming;

/**
 * The priming row: our comments function's init, then its SnapStart priming (what {@code beforeCheckpoint}
 * runs), then the first real submission, timed alone. Against (a)'s first call, it shows what priming takes out
 * of the first request after a restore, as far as a fresh JVM here can show it (no snapshot is taken: the JVM
 * simply carries on, with the classes loaded and the connection open).
 */
public final class ColdPrimed {
    private ColdPrimed() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        CommentsFunction function = new CommentsFunction();
        Priming.prime(function);
        long primed = System.nanoTime();
        int status = function.handleRequest(ColdOurs.submission(args), null).getStatusCode();
        ColdReport.print(start, primed, System.nanoTime(), status);
    }
}
