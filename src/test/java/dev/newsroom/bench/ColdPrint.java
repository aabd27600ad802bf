package dev.newsroom.bench;

/** Cold start (d): a JVM that only prints, the floor of any Java function. */
public final class ColdPrint {
    private ColdPrint() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        System.out.println("hello");
        ColdReport.print(start, System.nanoTime(), System.nanoTime(), 200);
    }
}
