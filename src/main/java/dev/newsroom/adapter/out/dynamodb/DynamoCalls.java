package dev.newsroom.adapter.out.dynamodb;

import dev.newsroom.domain.ServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.function.Supplier;

/**
 * Runs a DynamoDB call after the SDK's own retries: a database that cannot be reached, throttles or keeps
 * conflicting becomes {@code unavailable} (503, Retry-After), never a stack trace. Condition failures and
 * cancelled transactions pass through for the repository to read.
 */
final class DynamoCalls {
    static final long RETRY_AFTER_SECONDS = 2;

    private DynamoCalls() {
    }

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ConditionalCheckFailedException | TransactionCanceledException e) {
            throw e;
        } catch (SdkException e) {
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
