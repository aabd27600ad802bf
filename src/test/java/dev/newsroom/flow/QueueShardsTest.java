package dev.newsroom.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.support.ApiHarness;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.newsroom.support.ApiHarness.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The moderation queue is split over N index partitions per status (no partition key shared by every comment)
 * and read back merged: oldest first, paged without gaps or repeats, including entries an earlier version wrote
 * to the single partition it had.
 */
class QueueShardsTest {
    @Test
    void queue_spreadOverShards_readsBackMergedInOrder_acrossPages() {
        ApiHarness api = new ApiHarness();
        api.publish("sharded-story");
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            posted.add(api.postComment("sharded-story", comment("Reader " + i, "q" + i + "@example.com", "Held " + i),
                    "198.51.100." + i).json().path("id").asText());
        }
        Set<String> partitions = new HashSet<>();
        api.app.dynamo().scanPaginator(b -> b.tableName(api.app.config().tableName())).items().forEach(item -> {
            if (item.containsKey("gsi2pk")) {
                partitions.add(item.get("gsi2pk").s());
            }
        });
        assertTrue(partitions.size() > 5, "30 comments land on several queue partitions: " + partitions);
        assertTrue(partitions.stream().allMatch(p -> p.matches("Q#pending#\\d+")), partitions.toString());

        // An entry an earlier version wrote to the one queue partition it had: still listed, in order.
        String legacy = "00000000000000000000000001";
        Map<String, AttributeValue> earlier = new java.util.HashMap<>();
        Map.of("pk", "COMMENT#" + legacy, "sk", "C", "gsi2pk", "Q#pending", "gsi2sk", legacy, "id", legacy,
                "articleSlug", "sharded-story", "authorName", "Earlier", "content", "Stored before", "status", "pending",
                "createdAt", "2026-01-01T00:00:00Z").forEach((k, v) -> earlier.put(k, AttributeValue.fromS(v)));
        earlier.put("version", AttributeValue.fromN("1"));
        api.app.dynamo().putItem(b -> b.tableName(api.app.config().tableName()).item(earlier));
        List<String> expected = new ArrayList<>(List.of(legacy));
        expected.addAll(posted);

        List<String> read = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.asModerator("GET", "/admin/comments?limit=7" + (cursor == null ? "" : "&cursor=" + cursor), null).json();
            page.path("items").forEach(c -> read.add(c.path("id").asText()));
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        assertEquals(expected, read, "oldest first, every comment once");
    }
}
