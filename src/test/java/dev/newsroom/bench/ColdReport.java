package dev.newsroom.bench;

/** The line a cold-start child prints for the benchmark: init and first-request milliseconds and the status. */
final class ColdReport {
    private ColdReport() {
    }

    static void print(long start, long initialised, long done, int status) {
        System.out.println("RESULT init=" + (initialised - start) / 1_000_000.0 + " first=" + (done - initialised) / 1_000_000.0
                + " status=" + status);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
