package dev.newsroom.adapter.out.sns;

import dev.newsroom.application.port.ModerationDigest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the notifier publishes: SNS's Publish with a one-line ASCII subject and the digest's text and link. */
class SnsModeratorAlertsTest {
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:newsroom-moderators";

    /** SNS at the SDK's HTTP client: records the form-encoded Publish and answers as SNS does. */
    private static final class RecordingSns implements SdkHttpClient {
        final List<Map<String, String>> published = new java.util.ArrayList<>();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    try (var in = request.contentStreamProvider().orElseThrow().newStream()) {
                        published.add(decode(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    byte[] body = ("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                            + "<MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId>"
                            + "</ResponseMetadata></PublishResponse>").getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder().response(SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Type", "text/xml").build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static RecordingSns publish(ModerationDigest digest, String consoleUrl) {
        RecordingSns http = new RecordingSns();
        SnsClient sns = SnsClient.builder().region(Region.US_EAST_1).httpClient(http)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        new SnsModeratorAlerts(sns, TOPIC, consoleUrl).send(digest);
        return http;
    }

    @Test
    void aDigest_isPublishedToTheTopic_withItsCountsLinesAndLink() {
        var http = publish(new ModerationDigest("a-story", 6, 1, List.of("Ama: Is there a source?", "Pills: Buy")),
                "https://www.example.com/moderate.html");
        Map<String, String> publish = http.published.get(0);
        assertEquals("Publish", publish.get("Action"));
        assertEquals(TOPIC, publish.get("TopicArn"));
        assertEquals("7 comments to moderate on a-story", publish.get("Subject"));
        assertEquals("""
                New since the last message on "a-story": 7 comments (6 held, 1 marked as spam).

                - Ama: Is there a source?
                - Pills: Buy
                - and 5 more

                Moderate them: https://www.example.com/moderate.html
                """, publish.get("Message"));
    }

    @Test
    void theSubject_staysWithinSnsLimits_andNoConsoleLeavesTheLinkOut() {
        String slug = "a".repeat(150);
        var http = publish(new ModerationDigest(slug, 1, 0, List.of()), " ");
        String subject = http.published.get(0).get("Subject");
        assertEquals(100, subject.length());
        assertTrue(subject.startsWith("1 comment to moderate on aaa") && subject.endsWith("..."), subject);
        assertEquals("New since the last message on \"" + slug + "\": 1 comment (1 held, 0 marked as spam).\n",
                http.published.get(0).get("Message"));
    }
}
