package dev.newsroom.support;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** What the test doubles at the SDK's HTTP-client layer share: reading bodies, and answering as DynamoDB does. */
final class HttpDoubles {
    private HttpDoubles() {
    }

    /** The request's body, read once. */
    static byte[] body(HttpExecuteRequest request) {
        return read(request.contentStreamProvider().map(ContentStreamProvider::newStream).orElse(InputStream.nullInputStream()));
    }

    /** The same request with {@code body} as a body that can be read again. */
    static HttpExecuteRequest withBody(HttpExecuteRequest request, byte[] body) {
        return HttpExecuteRequest.builder().request(request.httpRequest())
                .contentStreamProvider(() -> new ByteArrayInputStream(body)).build();
    }

    static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DynamoDB error answer: status 400 with the JSON body DynamoDB sends. */
    static HttpExecuteResponse dynamoError(byte[] body) {
        return HttpExecuteResponse.builder()
                .response(SdkHttpResponse.builder().statusCode(400)
                        .putHeader("Content-Type", "application/x-amz-json-1.0")
                        .putHeader("Content-Length", Integer.toString(body.length)).build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                .build();
    }

    /** {@code head}'s status and headers with {@code body}. */
    static HttpExecuteResponse answer(SdkHttpResponse head, byte[] body) {
        return HttpExecuteResponse.builder().response(head)
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
    }
}
