package dev.newsroom.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The spam service's settings (Akismet), read with the rest of {@link AppConfig}. Without a key nothing is
 * ever called.
 *
 * @param apiKey          {@code AKISMET_API_KEY}, the key itself (locally, tests); null when not set
 * @param apiKeyParameter {@code AKISMET_API_KEY_PARAMETER}, the name of an SSM SecureString holding the key (in
 *                        AWS), read once per container at init when no key is given; null when not set
 * @param endpoint        {@code AKISMET_ENDPOINT}, default {@code https://rest.akismet.com}; calls go to
 *                        {@code {endpoint}/1.1/...}
 * @param blog            {@code AKISMET_BLOG}, the site's front page as registered with Akismet; default the
 *                        first of {@code CORS_ALLOWED_ORIGINS}
 * @param budget          {@code AKISMET_TIMEOUT_MILLIS}, 100 to 1000, default 1000: how long a call may take
 * @param test            {@code AKISMET_TEST} = {@code true} marks every call as a test ({@code is_test})
 */
public record SpamServiceConfig(String apiKey, String apiKeyParameter, URI endpoint, String blog, Duration budget,
                                boolean test) {
    public static final String DEFAULT_ENDPOINT = "https://rest.akismet.com";

    static SpamServiceConfig from(UnaryOperator<String> lookup, List<String> allowedOrigins) {
        String budget = orNull(lookup.apply("AKISMET_TIMEOUT_MILLIS"));
        long budgetMillis = budget == null ? 1000 : Long.parseLong(budget);
        if (budgetMillis < 100 || budgetMillis > 1000) {
            throw new IllegalStateException("AKISMET_TIMEOUT_MILLIS must be from 100 to 1000");
        }
        String endpoint = orNull(lookup.apply("AKISMET_ENDPOINT"));
        String blog = orNull(lookup.apply("AKISMET_BLOG"));
        return new SpamServiceConfig(orNull(lookup.apply("AKISMET_API_KEY")),
                orNull(lookup.apply("AKISMET_API_KEY_PARAMETER")),
                URI.create(endpoint == null ? DEFAULT_ENDPOINT : endpoint),
                blog != null ? blog : allowedOrigins.isEmpty() ? null : allowedOrigins.get(0),
                Duration.ofMillis(budgetMillis),
                "true".equalsIgnoreCase(orNull(lookup.apply("AKISMET_TEST"))));
    }

    private static String orNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
