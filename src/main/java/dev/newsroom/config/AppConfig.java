package dev.newsroom.config;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Settings read once from the environment at init (system properties of the same name win, for the local
 * runner and tests). Nothing here is required locally; in AWS the template sets every value.
 *
 * @param tableName      {@code TABLE_NAME}, default {@code newsroom}
 * @param region         {@code AWS_REGION}, default {@code us-east-1}
 * @param endpoint       {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_ENDPOINT_URL} or {@code LOCAL_DYNAMODB_ENDPOINT} (the
 *                       template declares it blank so that {@code sam local}'s {@code --env-vars} may set it); null
 *                       means AWS itself
 * @param allowedOrigins {@code CORS_ALLOWED_ORIGINS}, comma-separated; empty means no cross-origin access
 * @param publicMaxAge   {@code PUBLIC_MAX_AGE_SECONDS} for public GETs, default 30
 * @param cursorSecret   {@code CURSOR_SECRET} (at least 16 bytes), or else the SSM SecureString that
 *                       {@code CURSOR_SECRET_PARAMETER} names, read once at init (in AWS, only the functions that
 *                       sign cursors are given it; rotated by publishing new versions); random per process when
 *                       neither is set (a function that signs no cursor, the local runner)
 * @param settingsRefresh {@code SETTINGS_REFRESH_SECONDS}, how stale discussion settings may get, default 30
 * @param queueShards    {@code QUEUE_SHARDS}, how many index partitions each status's moderation queue is split
 *                       over, 1 to 100, default 10 (about 10,000 queue writes a second per status); only raise it
 * @param deletionSettle {@code DELETION_SETTLE_SECONDS}, how long after an article's deletion its comments' last
 *                       sweep must begin, default 20 (more than the comments function's 15 s timeout)
 * @param spamService    the spam service (Akismet): {@link SpamServiceConfig}
 * @param siteUrl        {@code SITE_URL}, the public address of the served pages (scheme, host and any path
 *                       prefix, no trailing slash) used for canonical links, feeds and sitemaps; null: taken from
 *                       each request (see docs/PAGES.md)
 */
public record AppConfig(String tableName, String region, String endpoint, List<String> allowedOrigins,
                        int publicMaxAge, byte[] cursorSecret, Duration settingsRefresh, int queueShards,
                        Duration deletionSettle, SpamServiceConfig spamService, String siteUrl) {

    public static AppConfig fromEnvironment() {
        return from(name -> {
            String value = System.getProperty(name);
            return value != null ? value : System.getenv(name);
        });
    }

    public static AppConfig from(UnaryOperator<String> lookup) {
        String endpoint = firstNonBlank(lookup.apply("AWS_ENDPOINT_URL_DYNAMODB"),
                firstNonBlank(lookup.apply("AWS_ENDPOINT_URL"), lookup.apply("LOCAL_DYNAMODB_ENDPOINT")));
        String origins = lookup.apply("CORS_ALLOWED_ORIGINS");
        String secret = lookup.apply("CURSOR_SECRET");
        byte[] secretBytes = secret == null || secret.isBlank() ? randomSecret() : checkedSecret(secret);
        List<String> allowedOrigins = origins == null ? List.of() : Arrays.stream(origins.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        AppConfig config = new AppConfig(
                orDefault(lookup.apply("TABLE_NAME"), "newsroom"),
                orDefault(lookup.apply("AWS_REGION"), "us-east-1"),
                endpoint,
                allowedOrigins,
                Integer.parseInt(orDefault(lookup.apply("PUBLIC_MAX_AGE_SECONDS"), "30")),
                secretBytes,
                Duration.ofSeconds(Long.parseLong(orDefault(lookup.apply("SETTINGS_REFRESH_SECONDS"), "30"))),
                queueShards(orDefault(lookup.apply("QUEUE_SHARDS"), "10")),
                Duration.ofSeconds(Long.parseLong(orDefault(lookup.apply("DELETION_SETTLE_SECONDS"), "20"))),
                SpamServiceConfig.from(lookup, allowedOrigins),
                siteUrl(lookup.apply("SITE_URL")));
        String parameter = lookup.apply("CURSOR_SECRET_PARAMETER");
        if ((secret == null || secret.isBlank()) && parameter != null && !parameter.isBlank()) {
            return config.withCursorSecret(checkedSecret(SecureParameters.read(config, parameter.trim(), lookup).trim()));
        }
        return config;
    }

    /** This configuration with another cursor secret. */
    AppConfig withCursorSecret(byte[] secret) {
        return new AppConfig(tableName, region, endpoint, allowedOrigins, publicMaxAge, secret, settingsRefresh,
                queueShards, deletionSettle, spamService, siteUrl);
    }

    private static byte[] checkedSecret(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 16) {
            throw new IllegalStateException("CURSOR_SECRET must be at least 16 characters");
        }
        return bytes;
    }

    private static int queueShards(String value) {
        int shards = Integer.parseInt(value);
        if (shards < 1 || shards > 100) {
            throw new IllegalStateException("QUEUE_SHARDS must be from 1 to 100");
        }
        return shards;
    }

    private static String siteUrl(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.trim().replaceAll("/+$", "");
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalStateException("SITE_URL must be an http or https address");
        }
        return url;
    }

    private static byte[] randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).getBytes(StandardCharsets.UTF_8);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        return b == null || b.isBlank() ? null : b.trim();
    }
}
