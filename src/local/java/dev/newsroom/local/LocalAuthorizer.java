package dev.newsroom.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Plays the Cognito authorizer locally: {@code Authorization: Bearer <token>} with the configured token, or with an
 * unexpired ID token that {@link LocalSignIn} issued, gives a moderator's claims (the group {@code moderators},
 * a name and an email, as a Cognito ID token carries them); anything else gives none, and the route answers 401.
 */
final class LocalAuthorizer {
    static final String MODERATORS = "moderators";
    static final String EMAIL = "moderator@localhost";
    private final byte[] token;
    private final LocalSignIn signIn;

    LocalAuthorizer(String token, LocalSignIn signIn) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.signIn = signIn;
    }

    Map<String, Object> claimsFor(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String bearer = authorization.substring(7).trim();
        if (!MessageDigest.isEqual(bearer.getBytes(StandardCharsets.UTF_8), token)) {
            return signIn.claimsOf(bearer);
        }
        return Map.of("sub", "local-moderator", "cognito:username", "local-moderator", "cognito:groups", MODERATORS,
                "email", EMAIL);
    }
}
