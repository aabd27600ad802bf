package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.support.ApiHarness;
import dev.newsroom.support.Events;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Populates the store with comments in every state from many readers, then crawls every public response
 * (every article page, every article, every comment page in both orders, the counts, the submission answers)
 * and finds no email address, IP address or user agent anywhere.
 */
class PublicPrivacyTest {
    @Test
    void publicResponses_neverContainEmailIpOrUserAgent() {
        ApiHarness api = new ApiHarness();
        api.openModeration();
        List<String> secrets = new ArrayList<>();
        List<String> publicBodies = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            api.publish("private-story-" + a, "Latest News");
            for (int i = 0; i < 12; i++) {
                String email = "reader" + a + "x" + i + "@mail" + i + ".example";
                String ip = "198.51." + a + "." + (10 + i);
                String agent = "PrivateAgent/" + a + "." + i;
                secrets.addAll(List.of(email, ip, agent));
                var event = Events.fromIp(Events.request("POST", "/articles/private-story-" + a + "/comments",
                        ApiHarness.comment("Reader " + i, email, "Comment " + i + " <b>bold</b>")), ip);
                event.getRequestContext().getIdentity().setUserAgent(agent);
                var reply = api.call(event);
                publicBodies.add(reply.body());
                String id = reply.json().path("id").asText();
                if (i % 3 == 1) {
                    api.asModerator("PATCH", "/admin/comments/" + id, "{\"status\":\"spam\",\"version\":1}");
                } else if (i % 3 == 2) {
                    api.asModerator("PATCH", "/admin/comments/" + id, "{\"status\":\"pending\",\"version\":1}");
                }
            }
        }
        List<String> slugs = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.get("/articles?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            publicBodies.add(page.body());
            page.json().path("items").forEach(i -> slugs.add(i.path("slug").asText()));
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asText();
        } while (cursor != null);
        for (String slug : slugs) {
            publicBodies.add(api.get("/articles/" + slug).body());
            for (String order : List.of("asc", "desc")) {
                String next = null;
                do {
                    var page = api.get("/articles/" + slug + "/comments?limit=3&order=" + order + (next == null ? "" : "&cursor=" + next));
                    publicBodies.add(page.body());
                    JsonNode nc = page.json().path("nextCursor");
                    next = nc.isNull() ? null : nc.asText();
                } while (next != null);
            }
        }
        publicBodies.add(api.get("/comments/counts?articles=" + String.join(",", slugs)).body());
        assertTrue(publicBodies.size() > 50);
        for (String body : publicBodies) {
            for (String secret : secrets) {
                assertFalse(body.contains(secret), "public response shows " + secret + ": " + body);
            }
            assertFalse(body.contains("authorEmail") || body.contains("\"ip\"") || body.contains("userAgent"), body);
        }
    }
}
