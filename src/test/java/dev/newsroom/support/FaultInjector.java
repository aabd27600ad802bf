package dev.newsroom.support;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulates what DynamoDB Local cannot: throttling and transaction conflicts. An HTTP client in front of the
 * real one answers the next {@code n} attempts of one operation with the given DynamoDB error, without
 * sending them (so nothing is written); the SDK handles the answer exactly as it would from AWS.
 */
public final class FaultInjector implements SdkHttpClient {
    public static final String THROTTLED = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
            + "\"message\":\"The level of configured provisioned throughput for the table was exceeded.\"}";
    public static final String CONFLICT = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\","
            + "\"Message\":\"Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]\","
            + "\"CancellationReasons\":[{\"Code\":\"TransactionConflict\",\"Message\":\"Transaction is ongoing for the item\"},"
            + "{\"Code\":\"None\"},{\"Code\":\"None\"}]}";
    private final SdkHttpClient real = UrlConnectionHttpClient.create();
    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicInteger passing = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private volatile String operation = "";
    private volatile String errorBody = "";
    private volatile String requestHolding = "";

    /** Fails the next {@code times} attempts of {@code operationName} with {@code body}. */
    public void fail(String operationName, int times, String body) {
        failAfter(operationName, 0, times, body);
    }

    /** Lets {@code passing} attempts of {@code operationName} through, then fails the next {@code times}. */
    public void failAfter(String operationName, int passing, int times, String body) {
        failWhere(operationName, "", passing, times, body);
    }

    /** As {@link #failAfter}, counting only the attempts whose request body holds {@code holding}. */
    public void failWhere(String operationName, String holding, int passing, int times, String body) {
        this.requestHolding = holding;
        this.operation = operationName;
        this.errorBody = body;
        this.injected.set(0);
        this.passing.set(passing);
        this.remaining.set(times);
    }

    public int injected() {
        return injected.get();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        boolean fail = target.endsWith("." + operation) && holds(request, requestHolding) && passing.getAndUpdate(n -> n > 0 ? n - 1 : 0) == 0
                && remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        if (!fail) {
            return real.prepareRequest(request);
        }
        injected.incrementAndGet();
        byte[] body = errorBody.getBytes(StandardCharsets.UTF_8);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpDoubles.dynamoError(body);
            }

            @Override
            public void abort() {
            }
        };
    }

    private static boolean holds(HttpExecuteRequest request, String text) {
        if (text.isEmpty()) {
            return true;
        }
        if (request.contentStreamProvider().isEmpty()) {
            return false;
        }
        try (var in = request.contentStreamProvider().get().newStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        real.close();
    }
}
