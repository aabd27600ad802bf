package dev.newsroom.config;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Reads an SSM SecureString once, decrypted, with a client built for that one call and closed after it. Its own
 * class, so the SSM client's classes are loaded only in a container that names a parameter (the comments and
 * admin functions with an Akismet key in SSM); the endpoint follows the SDK's own settings
 * ({@code AWS_ENDPOINT_URL_SSM}, {@code AWS_ENDPOINT_URL}).
 */
final class SecureParameters {
    private SecureParameters() {
    }

    static String read(AppConfig config, String name) {
        try (SsmClient ssm = SsmClient.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(AppContext.credentials(config, System::getenv))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
            return ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter().value();
        }
    }
}
