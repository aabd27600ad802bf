package dev.newsroom.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Plays the Cognito authorizer locally: {@code Authorization: Bearer <token>} with the configured token gives
 * a moderator's claims (the group {@code moderators}); anything else gives none, and the route answers 401.
 */
final class LocalAuthorizer {
    private final byte[] token;

    LocalAuthorizer(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    Map<String, Object> claimsFor(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            return null;
        }
        return Map.of("sub", "local-moderator", "cognito:username", "local-moderator", "cognito:groups", "moderators");
    }
}
