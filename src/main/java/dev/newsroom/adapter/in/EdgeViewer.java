package dev.newsroom.adapter.in;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.UnaryOperator;

/**
 * What the stack's own CloudFront distribution says of a request: the reader's address, which it puts in
 * {@code CloudFront-Viewer-Address} ({@code ip:port}), and the host name the reader asked for, which its viewer-request
 * function copies into {@code X-Forwarded-Host}; it adds its origin token in {@code X-Newsroom-Edge}. Without that
 * token (a request sent to API Gateway directly, or no distribution), those headers are a client's word and are
 * never taken: the gateway's source IP and host stand.
 */
public final class EdgeViewer {
    static final String TOKEN_HEADER = "X-Newsroom-Edge";
    static final String ADDRESS_HEADER = "CloudFront-Viewer-Address";
    static final String HOST_HEADER = "X-Forwarded-Host";
    /** The stack's origin token (its stack id's UUID), given to the functions as {@code EDGE_TOKEN}; unset locally. */
    private static final String STACK_TOKEN = System.getenv("EDGE_TOKEN");

    private EdgeViewer() {
    }

    /**
     * The viewer's IP, or null when the request did not come through the distribution or names no valid IP.
     *
     * @param header a request header by name (any case)
     */
    public static String ip(UnaryOperator<String> header) {
        return ip(STACK_TOKEN, header.apply(TOKEN_HEADER), header.apply(ADDRESS_HEADER));
    }

    /** The host name the reader asked the distribution for, or null (not through it, or not a host name). */
    public static String host(UnaryOperator<String> header) {
        return host(STACK_TOKEN, header.apply(TOKEN_HEADER), header.apply(HOST_HEADER));
    }

    static String host(String expectedToken, String presentedToken, String host) {
        if (!fromTheEdge(expectedToken, presentedToken) || host == null) {
            return null;
        }
        return host.length() <= 253 && host.matches("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+")
                ? host : null;
    }

    static String ip(String expectedToken, String presentedToken, String viewerAddress) {
        if (!fromTheEdge(expectedToken, presentedToken) || viewerAddress == null) {
            return null;
        }
        int port = viewerAddress.lastIndexOf(':');
        String ip = port > 0 ? viewerAddress.substring(0, port) : "";
        return isAddress(ip) ? ip : null;
    }

    private static boolean fromTheEdge(String expectedToken, String presentedToken) {
        return expectedToken != null && !expectedToken.isEmpty() && presentedToken != null
                && MessageDigest.isEqual(expectedToken.getBytes(StandardCharsets.UTF_8), presentedToken.getBytes(StandardCharsets.UTF_8));
    }

    /** An IPv4 or IPv6 literal's characters only (no brackets, zone or host name), at most an IPv6 literal's length. */
    private static boolean isAddress(String ip) {
        if (ip.isEmpty() || ip.length() > 45) {
            return false;
        }
        boolean colon = ip.indexOf(':') >= 0;
        for (int i = 0; i < ip.length(); i++) {
            char c = ip.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || (colon && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
            if (!ok) {
                return false;
            }
        }
        return colon || ip.chars().filter(c -> c == '.').count() == 3;
    }
}
