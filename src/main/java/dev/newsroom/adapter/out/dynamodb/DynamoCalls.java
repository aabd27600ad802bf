package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.domain.ServiceException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a DynamoDB call after the SDK's own retries: a database that cannot be reached, throttles or keeps
 * conflicting becomes {@code unavailable} (503, Retry-After), never a stack trace; a request DynamoDB refuses
 * as given ({@code ValidationException}) becomes {@code validation_failed} (400). Condition failures and
 * cancelled transactions pass through for the repository to read.
 */
final class DynamoCalls {
    static final long RETRY_AFTER_SECONDS = 2;
    /** Attempts of a transaction cancelled only by conflicts or throttling: pauses of 40 ms doubling, 1.2-2.5 s in all. */
    static final int TRANSACTION_ATTEMPTS = 6;
    /** DynamoDB's answer to a request it refuses as given: caused by input, so a 400, never a 503. */
    private static final String VALIDATION = "ValidationException";
    private static final Set<String> TRANSIENT = Set.of("TransactionConflict", "ThrottlingError",
            "ProvisionedThroughputExceeded", "RequestLimitExceeded");

    private DynamoCalls() {
    }

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ConditionalCheckFailedException | TransactionCanceledException e) {
            throw e;
        } catch (AwsServiceException e) {
            if (e.awsErrorDetails() != null && VALIDATION.equals(e.awsErrorDetails().errorCode())) {
                throw ServiceException.unstorable();
            }
            throw unavailable(e);
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    /**
     * {@code unavailable}, with what the log line needs to say why: the SDK exception's class, the service's error
     * code and HTTP status when DynamoDB answered, the innermost cause's class (a refused connection, a timeout),
     * {@code failedAt: credentials} when no credentials could be resolved, and a cancelled transaction's reason
     * codes. Messages are left out: they can quote keys and values.
     */
    static ServiceException unavailable(SdkException e) {
        Map<String, String> diagnostics = new LinkedHashMap<>();
        diagnostics.put("exception", e.getClass().getName());
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            if (service.awsErrorDetails().errorCode() != null) {
                diagnostics.put("awsErrorCode", service.awsErrorDetails().errorCode());
            }
            diagnostics.put("awsStatus", Integer.toString(service.statusCode()));
        }
        if (e instanceof TransactionCanceledException cancelled && cancelled.hasCancellationReasons()) {
            diagnostics.put("cancellationReasons", String.join(",", cancelled.cancellationReasons().stream()
                    .map(r -> r.code() == null ? "None" : r.code()).toList()));
        }
        Throwable root = e;
        boolean credentials = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            for (StackTraceElement frame : t.getStackTrace()) {
                credentials |= frame.getClassName().startsWith("software.amazon.awssdk.auth.credentials.");
            }
        }
        if (root != e) {
            diagnostics.put("rootCause", root.getClass().getName());
        }
        if (credentials) {
            diagnostics.put("failedAt", "credentials");
        }
        return ServiceException.unavailable(RETRY_AFTER_SECONDS, diagnostics);
    }

    /**
     * One {@code TransactWriteItems}. A cancellation caused only by conflicts with other transactions or by
     * throttling is retried with jittered backoff (a cancelled transaction changed nothing), then becomes
     * {@code unavailable}; a cancellation with a failed condition is thrown for the caller to read.
     */
    static void transact(DynamoDbClient client, List<TransactWriteItem> items) {
        for (int attempt = 1; ; attempt++) {
            String token = UUID.randomUUID().toString();
            try {
                run(() -> client.transactWriteItems(b -> b.transactItems(items).clientRequestToken(token)));
                return;
            } catch (TransactionCanceledException e) {
                if (e.cancellationReasons().stream().anyMatch(r -> "ValidationError".equals(r.code()))) {
                    throw ServiceException.unstorable();
                }
                if (!onlyTransient(e)) {
                    throw e;
                }
                if (attempt >= TRANSACTION_ATTEMPTS) {
                    throw unavailable(e);
                }
                pause(attempt);
            }
        }
    }

    /**
     * A transaction whose first item is the guard (a version or existence condition): when the guard fails the
     * result is {@code whenGuardFails}; any other cancellation is {@code unavailable}.
     */
    static void transactGuarded(DynamoDbClient client, List<TransactWriteItem> items,
                                Supplier<ServiceException> whenGuardFails) {
        try {
            transact(client, items);
        } catch (TransactionCanceledException e) {
            throw Writes.failedAt(e, 0) ? whenGuardFails.get() : unavailable(e);
        }
    }

    private static boolean onlyTransient(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        boolean anyTransient = reasons.stream().anyMatch(r -> TRANSIENT.contains(r.code()));
        boolean anyOther = reasons.stream().anyMatch(r -> r.code() != null && !"None".equals(r.code())
                && !TRANSIENT.contains(r.code()));
        return anyTransient && !anyOther;
    }

    private static void pause(int attempt) {
        long base = 20L << attempt;
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw ServiceException.unavailable(RETRY_AFTER_SECONDS);
        }
    }

    static void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }
}
