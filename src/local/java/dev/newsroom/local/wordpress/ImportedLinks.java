package dev.newsroom.local.wordpress;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The permalinks of imported posts, each the key of a small item ({@code pk = IMPORTED_LINK#<link>}) naming the
 * article's slug, so comments kept elsewhere under the post's old address (a Disqus thread) find their article
 * even where the permalink's last segment is not the slug ({@code /?p=12}, {@code /2024/03/12/}). A link is
 * compared without its scheme, {@code www.}, fragment and trailing slash, its host in lower case.
 */
public final class ImportedLinks {
    private static final String PREFIX = "IMPORTED_LINK#";
    private final DynamoDbClient client;
    private final String table;

    public ImportedLinks(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /**
     * The item remembering that {@code link} (a post's permalink) is now the article {@code slug}, to be written
     * with the post's other items; none when the link is empty or not a URL.
     */
    static Optional<Map<String, AttributeValue>> item(String link, String slug) {
        String key = normalized(link);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Map.of("pk", AttributeValue.fromS(PREFIX + key), "sk", AttributeValue.fromS("LINK"),
                "slug", AttributeValue.fromS(slug)));
    }

    /** The slug of the article imported from the post at {@code link}, if any. */
    public Optional<String> find(String link) {
        String key = normalized(link);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        var item = client.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(PREFIX + key),
                "sk", AttributeValue.fromS("LINK")))).item();
        return item == null || !item.containsKey("slug") ? Optional.empty() : Optional.of(item.get("slug").s());
    }

    /** The link as compared: host (lower case, no www.), path without trailing slash, query; empty when not a URL. */
    public static String normalized(String link) {
        if (link == null || link.isBlank() || link.length() > 2_000) {
            return "";
        }
        try {
            URI uri = URI.create(link.strip());
            if (uri.getHost() == null) {
                return "";
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("/+$", "");
            return host + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
