package dev.newsroom.local.wordpress;

import dev.newsroom.domain.ErrorCode;
import dev.newsroom.domain.ServiceException;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Writes several posts at once (posts share no items), with at most twice as many read and waiting as there are
 * writers, so memory stays bounded whatever the file's size. A post the service refuses (its slug is still being
 * deleted, or taken by an article not imported from this post) is handed to the caller's handler and the rest go
 * on; the first failure of the database stops the submitting of new posts and is thrown, once every post in flight
 * has ended, by {@link #finish()}.
 */
final class PostWriters {
    private final ImportWriter writer;
    private final ExecutorService pool;
    private final Semaphore room;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    PostWriters(ImportWriter writer, int threads) {
        this.writer = writer;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "wordpress-import");
            t.setDaemon(true);
            return t;
        });
        this.room = new Semaphore(threads * 2);
    }

    void submit(MappedPost post, Consumer<ServiceException> refused) {
        throwFailure();
        room.acquireUninterruptibly();
        pool.execute(() -> {
            try {
                if (failure.get() == null) {
                    writer.write(post);
                }
            } catch (ServiceException e) {
                if (e.code() == ErrorCode.UNAVAILABLE) {
                    failure.compareAndSet(null, e);
                } else {
                    refused.accept(e);
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } catch (Error e) {
                failure.compareAndSet(null, new IllegalStateException(e.toString(), e));
                throw e;
            } finally {
                room.release();
            }
        });
    }

    /** Waits for every post submitted; throws the first failure. */
    void finish() {
        pool.shutdown();
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // a slow database: keep waiting, the posts in flight end whole or fail
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posts were being written", e);
        }
        throwFailure();
    }

    private void throwFailure() {
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }
}
