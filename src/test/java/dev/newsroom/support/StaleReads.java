package dev.newsroom.support;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What DynamoDB allows and DynamoDB Local never does: an eventually consistent {@code GetItem} that answers with
 * an older version of the item. In front of the real HTTP client, every {@code GetItem} without
 * {@code "ConsistentRead":true} is answered with the first answer seen for the same request, for as long as the
 * test runs (a legal, if extreme, replication lag). Consistent reads and every other operation pass through.
 */
public final class StaleReads implements SdkHttpClient {
    private final SdkHttpClient real = UrlConnectionHttpClient.create();
    private final Map<String, Answer> firstAnswers = new ConcurrentHashMap<>();
    private volatile int staleServed;

    private record Answer(HttpExecuteResponse head, byte[] body) {
    }

    public int staleServed() {
        return staleServed;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        if (!target.endsWith(".GetItem")) {
            return real.prepareRequest(request);
        }
        byte[] body = HttpDoubles.body(request);
        String text = new String(body, StandardCharsets.UTF_8);
        HttpExecuteRequest replayable = HttpDoubles.withBody(request, body);
        if (text.replace(" ", "").contains("\"ConsistentRead\":true")) {
            return real.prepareRequest(replayable);
        }
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                Answer first = firstAnswers.get(text);
                if (first != null) {
                    staleServed++;
                } else {
                    HttpExecuteResponse response = real.prepareRequest(replayable).call();
                    first = new Answer(response, HttpDoubles.read(response.responseBody().orElseThrow()));
                    firstAnswers.put(text, first);
                }
                return HttpDoubles.answer(first.head().httpResponse(), first.body());
            }

            @Override
            public void abort() {
            }
        };
    }

    @Override
    public void close() {
        real.close();
    }
}
