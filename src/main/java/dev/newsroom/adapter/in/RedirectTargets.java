package dev.newsroom.adapter.in;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a browser may be sent after posting a form: only an absolute {@code http(s)} URL whose origin is on the
 * allow-list (the CORS one; a {@code *} there allows no redirect), with no user info, written in plain printable
 * ASCII (no spaces, controls or backslashes, which browsers read more loosely than this check does). Anything
 * else ({@code //evil.example}, {@code javascript:}, {@code https://good@evil}, relative paths) is no target,
 * so this service never redirects anywhere it was not told to trust, and no page links anywhere it was not told to
 * trust (the fragment's {@code redirect_to}). Shared by the API's form endpoint and the pages.
 */
public final class RedirectTargets {
    private static final int MAX_LENGTH = 2048;
    private final Set<String> allowedOrigins;

    public RedirectTargets(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(RedirectTargets::originOf).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** {@code candidate} without its fragment when it is an allowed target; null otherwise. */
    public String allowed(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH
                || !candidate.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\')) {
            return null;
        }
        URI uri = parse(candidate);
        String origin = uri == null ? null : originOf(uri);
        if (origin == null || !allowedOrigins.contains(origin)) {
            return null;
        }
        String query = uri.getRawQuery();
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + (query == null ? "" : "?" + query);
    }

    private static String originOf(String url) {
        URI uri = parse(url);
        return uri == null ? null : originOf(uri);
    }

    /** {@code scheme://host[:port]}, lower-cased, the default port left out; null unless http(s) with a host and no user info. */
    private static String originOf(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return null;
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
