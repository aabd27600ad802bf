package dev.newsroom.config;

import dev.newsroom.adapter.out.sns.SnsModeratorAlerts;
import dev.newsroom.application.port.ModeratorAlerts;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Duration;

/**
 * The moderators' SNS topic, for the notifier function only (its own class, so no other function loads the SNS
 * client): {@code NOTIFY_TOPIC_ARN} (required), {@code MODERATION_CONSOLE_URL} (the link in each message, optional).
 * Same region, credentials and URLConnection HTTP client as DynamoDB; the endpoint follows the SDK's own
 * settings ({@code AWS_ENDPOINT_URL_SNS}, {@code AWS_ENDPOINT_URL}).
 */
final class ModeratorTopic {
    private ModeratorTopic() {
    }

    static ModeratorAlerts fromEnvironment(AppConfig config) {
        String topic = System.getenv("NOTIFY_TOPIC_ARN");
        if (topic == null || topic.isBlank()) {
            throw new IllegalStateException("NOTIFY_TOPIC_ARN must name the moderators' SNS topic");
        }
        SnsClient sns = SnsClient.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(AppContext.credentials(config, System::getenv))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5)))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(8))
                        .build())
                .build();
        return new SnsModeratorAlerts(sns, topic.trim(), System.getenv("MODERATION_CONSOLE_URL"));
    }
}
