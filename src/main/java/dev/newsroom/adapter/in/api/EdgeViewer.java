package dev.newsroom.adapter.in.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The reader's address when a request came through the stack's own CloudFront distribution, which puts the
 * viewer's address in {@code CloudFront-Viewer-Address} ({@code ip:port}) and its origin token in
 * {@code X-Newsroom-Edge}. Without that token (a request sent to API Gateway directly, or no distribution), the
 * header is a client's word and is never taken: the gateway's source IP stands.
 */
final class EdgeViewer {
    static final String TOKEN_HEADER = "X-Newsroom-Edge";
    static final String ADDRESS_HEADER = "CloudFront-Viewer-Address";
    /** The stack's origin token (its stack id's UUID), given to the functions as {@code EDGE_TOKEN}; unset locally. */
    private static final String STACK_TOKEN = System.getenv("EDGE_TOKEN");

    private EdgeViewer() {
    }

    /** The viewer's IP, or null when the request did not come through the distribution or names no valid IP. */
    static String ip(ApiRequest request) {
        return ip(STACK_TOKEN, request.header(TOKEN_HEADER), request.header(ADDRESS_HEADER));
    }

    static String ip(String expectedToken, String presentedToken, String viewerAddress) {
        if (expectedToken == null || expectedToken.isEmpty() || presentedToken == null || viewerAddress == null
                || !MessageDigest.isEqual(expectedToken.getBytes(StandardCharsets.UTF_8), presentedToken.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        int port = viewerAddress.lastIndexOf(':');
        String ip = port > 0 ? viewerAddress.substring(0, port) : "";
        return isAddress(ip) ? ip : null;
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
