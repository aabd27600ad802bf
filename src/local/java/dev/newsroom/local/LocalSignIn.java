package dev.newsroom.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.newsroom.domain.HtmlText;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runner's stand-in for Cognito's managed login, so the console signs in locally by the same code path as in
 * AWS: the OAuth 2.0 authorization-code flow with PKCE (RFC 7636, S256 only). {@code /local-auth/authorize} shows
 * a page asking for the runner's {@code ADMIN_TOKEN} and sends a one-time code (60 s) back to the console;
 * {@code /local-auth/token} redeems it, once, only with the verifier whose SHA-256 is the challenge, and renews
 * with the refresh token; {@code /local-auth/revoke} ends a refresh token; {@code /local-auth/logout} returns to the
 * console. Redirects go only to this runner's own origin. The ID token is JWT-shaped (HS256 with a key derived from
 * the admin token, so a runner restarted with the same token still accepts it) with Cognito's claims ({@code cognito:groups}, {@code name}, {@code email}, {@code exp}), and
 * {@link #claimsOf} is how {@link LocalAuthorizer} accepts it.
 */
final class LocalSignIn {
    static final String CLIENT_ID = "newsroom-console-local";
    static final String PREFIX = "/local-auth/";
    private static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();
    private final byte[] adminToken;
    private final byte[] signingKey;
    private final Duration tokenLifetime;
    private final Clock clock;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    /** Ids of refresh tokens revoked since this start (refresh tokens are signed, not stored: they survive restarts). */
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private volatile int port;

    /** What a code was issued for. */
    private record Grant(String challenge, String redirectUri, Instant expiresAt) {
    }

    LocalSignIn(String adminToken, Duration tokenLifetime, Clock clock) {
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
        this.signingKey = hmac(this.adminToken, "newsroom-local-sign-in".getBytes(StandardCharsets.US_ASCII));
    }

    /** The port the runner listens on: redirects must stay on its origin. */
    void listenOn(int port) {
        this.port = port;
    }

    /** Answers a request under {@link #PREFIX}; false for a path it does not know. */
    boolean handle(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase();
        switch (path) {
            case PREFIX + "authorize" -> {
                if (method.equals("POST")) {
                    approve(exchange, form(exchange));
                } else {
                    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                    String problem = requestProblem(query);
                    page(exchange, problem == null ? 200 : 400, query, problem);
                }
            }
            case PREFIX + "token" -> token(exchange, form(exchange));
            case PREFIX + "revoke" -> {
                Map<String, String> form = form(exchange);
                Map<String, Object> refresh = signedClaims(form.getOrDefault("token", ""), "refresh");
                if (refresh != null) {
                    revoked.add(String.valueOf(refresh.get("jti")));
                }
                send(exchange, 200, "application/json; charset=utf-8", "{}", Map.of());
            }
            case PREFIX + "logout" -> {
                String target = query(exchange.getRequestURI().getRawQuery()).get("logout_uri");
                if (!ownOrigin(target)) {
                    page(exchange, 400, Map.of(), "logout_uri must be a page of this runner.");
                } else {
                    send(exchange, 302, "text/plain; charset=utf-8", "", Map.of("Location", target));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The claims of an ID token this sign-in issued and that has not expired; null otherwise. */
    Map<String, Object> claimsOf(String token) {
        return signedClaims(token, "id");
    }

    /** The claims of a token of this use ({@code id} or {@code refresh}) signed here and unexpired; null otherwise. */
    private Map<String, Object> signedClaims(String token, String use) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !MessageDigest.isEqual(sign(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
            long exp = ((Number) claims.get("exp")).longValue();
            return use.equals(claims.get("token_use")) && clock.instant().getEpochSecond() < exp ? claims : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Why an authorization request cannot go on (shown on the page, never redirected), or null. */
    private String requestProblem(Map<String, String> p) {
        if (!CLIENT_ID.equals(p.get("client_id"))) {
            return "Unknown client_id: the console's config.json names " + CLIENT_ID + " locally.";
        }
        if (!ownOrigin(p.get("redirect_uri"))) {
            return "redirect_uri must be a page of this runner.";
        }
        if (!"code".equals(p.get("response_type"))) {
            return "Only response_type=code is supported.";
        }
        String challenge = p.getOrDefault("code_challenge", "");
        if (!"S256".equals(p.get("code_challenge_method")) || !challenge.matches("[A-Za-z0-9_-]{43}")) {
            return "A PKCE code_challenge with code_challenge_method=S256 is required.";
        }
        return null;
    }

    private boolean ownOrigin(String uri) {
        return uri != null && (uri.startsWith("http://127.0.0.1:" + port + "/") || uri.startsWith("http://localhost:" + port + "/"));
    }

    private void approve(HttpExchange exchange, Map<String, String> form) throws IOException {
        String problem = requestProblem(form);
        if (problem != null) {
            page(exchange, 400, form, problem);
            return;
        }
        if (!MessageDigest.isEqual(form.getOrDefault("token", "").trim().getBytes(StandardCharsets.UTF_8), adminToken)) {
            page(exchange, 401, form, "That is not this runner's moderator token (ADMIN_TOKEN: printed at start, kept in .local-db/admin-token).");
            return;
        }
        String code = randomText();
        codes.put(code, new Grant(form.get("code_challenge"), form.get("redirect_uri"), clock.instant().plus(CODE_LIFETIME)));
        String redirect = form.get("redirect_uri");
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
                + (form.get("state") == null ? "" : "&state=" + URLEncoder.encode(form.get("state"), StandardCharsets.UTF_8));
        send(exchange, 302, "text/plain; charset=utf-8", "", Map.of("Location", location));
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (!"POST".equalsIgnoreCase(exchange.getRequestMethod()) || !CLIENT_ID.equals(form.get("client_id"))) {
            oauthError(exchange, "invalid_client");
            return;
        }
        String grantType = form.getOrDefault("grant_type", "");
        if (grantType.equals("refresh_token")) {
            Map<String, Object> refresh = signedClaims(form.getOrDefault("refresh_token", ""), "refresh");
            if (refresh == null || revoked.contains(String.valueOf(refresh.get("jti")))) {
                oauthError(exchange, "invalid_grant");
                return;
            }
            tokens(exchange, null);
            return;
        }
        Grant grant = grantType.equals("authorization_code") ? codes.remove(form.getOrDefault("code", "")) : null;
        String verifier = form.getOrDefault("code_verifier", "");
        if (grant == null || !clock.instant().isBefore(grant.expiresAt()) || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !verifier.matches("[A-Za-z0-9._~-]{43,128}") || !grant.challenge().equals(challengeOf(verifier))) {
            oauthError(exchange, "invalid_grant");
            return;
        }
        Map<String, Object> refresh = new LinkedHashMap<>();
        refresh.put("token_use", "refresh");
        refresh.put("jti", randomText());
        refresh.put("exp", clock.instant().plus(Duration.ofHours(12)).getEpochSecond());
        tokens(exchange, signed(refresh));
    }

    /** A token response as Cognito's token endpoint gives it (a refresh token only with a code). */
    private void tokens(HttpExchange exchange, String refreshToken) throws IOException {
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "local-moderator");
        claims.put("cognito:username", "local-moderator");
        claims.put("cognito:groups", LocalAuthorizer.MODERATORS);
        claims.put("name", "Local moderator");
        claims.put("email", LocalAuthorizer.EMAIL);
        claims.put("token_use", "id");
        claims.put("aud", CLIENT_ID);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(tokenLifetime).getEpochSecond());
        String idToken = signed(claims);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id_token", idToken);
        response.put("access_token", idToken);
        if (refreshToken != null) {
            response.put("refresh_token", refreshToken);
        }
        response.put("token_type", "Bearer");
        response.put("expires_in", tokenLifetime.toSeconds());
        send(exchange, 200, "application/json; charset=utf-8", JSON.writeValueAsString(response), Map.of());
    }

    static String challengeOf(String verifier) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWT-shaped token of these claims, signed with this sign-in's key. */
    private String signed(Map<String, Object> claims) throws IOException {
        String body = BASE64URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
        return body + "." + sign(body);
    }

    private String sign(String text) {
        return BASE64URL.encodeToString(hmac(signingKey, text.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomText() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    private static void oauthError(HttpExchange exchange, String error) throws IOException {
        send(exchange, 400, "application/json; charset=utf-8", "{\"error\":\"" + error + "\"}", Map.of());
    }

    /** The sign-in page: the request's parameters carried as hidden fields, the token asked for. */
    private static void page(HttpExchange exchange, int status, Map<String, String> request, String problem) throws IOException {
        StringBuilder html = new StringBuilder("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sign in – Newsroom (local)</title><link rel="stylesheet" href="/style.css"></head>
                <body><header class="site"><a href="/">Newsroom</a></header><main class="queue"><h1>Moderator sign-in (local runner)</h1>
                """);
        if (problem != null) {
            html.append("<p role=\"alert\" id=\"signin-error\">").append(HtmlText.escape(problem)).append("</p>");
        }
        if (status != 400) {
            html.append("<form id=\"signin\" method=\"post\" action=\"/local-auth/authorize\">");
            for (String name : new String[] {"response_type", "client_id", "redirect_uri", "state", "scope", "code_challenge", "code_challenge_method"}) {
                html.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(HtmlText.escape(request.getOrDefault(name, ""))).append("\">");
            }
            html.append("""
                    <label for="token">Moderator token (ADMIN_TOKEN)</label>
                    <input id="token" name="token" type="password" autocomplete="off" required autofocus>
                    <button type="submit">Sign in</button></form>""");
        }
        html.append("</main></body></html>");
        send(exchange, status, "text/html; charset=utf-8", html.toString(), Map.of());
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return query(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
        }
    }

    /** The first value of each field, as OAuth servers read a query or form. */
    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        QueryFields.parse(raw).forEach((name, all) -> values.put(name, all.get(0)));
        return values;
    }

    private static void send(HttpExchange exchange, int status, String type, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Content-Security-Policy", StaticFiles.CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().set("Referrer-Policy", StaticFiles.REFERRER_POLICY);
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
