package dev.newsroom.application.port;

/** A concurrent request with the same idempotency key won the race; the caller replays its stored response. */
public final class IdempotencyCollision extends RuntimeException {
    public IdempotencyCollision() {
        super("idempotency key taken", null, false, false);
    }
}
