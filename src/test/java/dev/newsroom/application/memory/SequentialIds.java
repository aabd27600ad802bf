package dev.newsroom.application.memory;

import dev.newsroom.application.port.IdGenerator;

import java.util.concurrent.atomic.AtomicLong;

/** Ids {@code C000001}, {@code C000002}...: unique and sorting as strings in creation order, as the port asks. */
public final class SequentialIds implements IdGenerator {
    private final AtomicLong last = new AtomicLong();

    @Override
    public String newId() {
        return String.format("C%06d", last.incrementAndGet());
    }
}
