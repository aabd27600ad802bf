package dev.newsroom.local;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A fault for tests only: holds back the answer to the next request whose path and query contain a given text, by a
 * given time, after the handler has answered (so the answer arrives late and describes the data as it was). Each
 * delay is used once. Nothing sets one unless a test calls {@link LocalApi#delayNextAnswer}.
 */
final class AnswerDelays {
    private record Delay(String pathContains, Duration delay) {
    }

    private final ConcurrentLinkedQueue<Delay> pending = new ConcurrentLinkedQueue<>();

    void add(String pathContains, Duration delay) {
        pending.add(new Delay(pathContains, delay));
    }

    /** Waits out the first pending delay that matches {@code pathAndQuery}, if any, and forgets it. */
    void waitFor(String pathAndQuery) {
        for (Iterator<Delay> it = pending.iterator(); it.hasNext(); ) {
            Delay d = it.next();
            if (pathAndQuery.contains(d.pathContains()) && pending.remove(d)) {
                try {
                    Thread.sleep(d.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
        }
    }
}
