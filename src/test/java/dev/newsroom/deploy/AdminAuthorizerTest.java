package dev.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In the API that deploys (the SAM-transformed template), no method of an {@code /admin} path reaches the admin
 * function without the Cognito authorizer, its {@code ANY} method included; only the CORS preflight
 * ({@code OPTIONS}, which a browser sends without credentials) stays open, and every admin path has one.
 */
class AdminAuthorizerTest {
    private static final String ANY = "x-amazon-apigateway-any-method";

    @Test
    void everyAdminMethod_goesThroughTheModeratorAuthorizer_exceptThePreflight() throws Exception {
        JsonNode body = SamTransform.restApiBody();
        assertEquals("cognito_user_pools", body.path("securityDefinitions").path("ModeratorAuthorizer")
                .path("x-amazon-apigateway-authtype").asText());
        List<String> open = new ArrayList<>();
        List<String> withoutPreflight = new ArrayList<>();
        int guarded = 0;
        for (Map.Entry<String, JsonNode> path : body.path("paths").properties()) {
            if (!path.getKey().startsWith("/admin/")) {
                continue;
            }
            if (!path.getValue().has("options") || path.getValue().path("options").has("security")) {
                withoutPreflight.add(path.getKey());
            }
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (method.getKey().equals("options")) {
                    continue;
                }
                if (method.getValue().path("security").toString().equals("[{\"ModeratorAuthorizer\":[]}]")) {
                    guarded += method.getKey().equals(ANY) ? 1 : 0;
                } else {
                    open.add(method.getKey() + " " + path.getKey());
                }
            }
        }
        assertEquals(List.of(), open, "admin methods without the Cognito authorizer");
        assertEquals(List.of(), withoutPreflight, "admin paths whose preflight is not an open OPTIONS method");
        assertTrue(guarded >= 11, "every admin path's ANY method is among the guarded: " + guarded);
    }
}
