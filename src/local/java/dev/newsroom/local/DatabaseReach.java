package dev.newsroom.local;

import software.amazon.awssdk.core.exception.SdkClientException;

import java.net.ConnectException;
import java.net.UnknownHostException;

/**
 * The one line the runner's commands print when the database does not answer (nothing listens at the endpoint, an
 * unknown host, a timeout): {@code cannot reach DynamoDB at URL: why}, instead of the SDK's stack trace.
 */
final class DatabaseReach {
    private DatabaseReach() {
    }

    /** True when {@code failure} is the SDK failing to reach the endpoint (not the database refusing a request). */
    static boolean isUnreachable(Throwable failure) {
        return failure instanceof SdkClientException;
    }

    /** The line to print: the endpoint ({@code null}: the in-process DynamoDB Local) and the innermost cause. */
    static String message(String endpoint, Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root instanceof ConnectException && root.getMessage() != null ? root.getMessage()
                : root instanceof UnknownHostException ? "unknown host " + root.getMessage()
                : root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        String where = endpoint == null ? "the in-process DynamoDB Local" : endpoint;
        return "cannot reach DynamoDB at " + where + ": " + why.replaceAll("\\s+", " ").trim();
    }
}
