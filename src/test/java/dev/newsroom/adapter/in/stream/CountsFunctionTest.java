package dev.newsroom.adapter.in.stream;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.newsroom.application.port.ApprovalChange;
import dev.newsroom.local.SampleData;
import dev.newsroom.support.ApiHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The counts function fed from {@code events/stream/comment-changes.json} (the event {@code sam local invoke}
 * takes) against DynamoDB Local: the changes reach the article's count once, however often they are delivered.
 */
class CountsFunctionTest {
    private static final String LEAD = "/articles/" + SampleData.LEAD_SLUG;

    @Test
    void streamEvent_countsEachApprovalOnce_evenWhenDeliveredAgain() {
        ApiHarness api = new ApiHarness();
        SampleData.seedIfEmpty(api.app);
        long before = api.get(LEAD).json().path("commentCount").asLong();
        CountsFunction counts = new CountsFunction(api.app);
        var event = EventLoader.loadDynamoDbEvent("events/stream/comment-changes.json");

        counts.handleRequest(event, null);
        assertEquals(before + 2, api.get(LEAD).json().path("commentCount").asLong(), "an insert approved and an approval");
        counts.handleRequest(event, null);
        assertEquals(before + 2, api.get(LEAD).json().path("commentCount").asLong(), "a batch delivered again counts nothing");
    }

    @Test
    void partlyDeliveredBefore_countsOnlyTheRest_andAGoneArticleIsSkipped() {
        ApiHarness api = new ApiHarness();
        api.publish("counted-story");
        var counter = api.app.countApprovals();
        assertEquals(1, counter.apply(List.of(new ApprovalChange("c1", "counted-story", 1, 1))));
        assertEquals(1, counter.apply(List.of(new ApprovalChange("c1", "counted-story", 1, 1),
                new ApprovalChange("c2", "counted-story", 1, 1))));
        assertEquals(1, counter.apply(List.of(new ApprovalChange("c1", "counted-story", 3, -1))));
        assertEquals(1, api.get("/articles/counted-story").json().path("commentCount").asLong());
        assertEquals(0, counter.apply(List.of(new ApprovalChange("c9", "never-published", 1, 1))));
    }

    @Test
    void priming_appliesNothing() {
        ApiHarness api = new ApiHarness();
        assertEquals(0, new CountsFunction(api.app).prime());
    }

    @Test
    void recount_setsTheCountFromTheApprovedComments_afterItDrifted() {
        ApiHarness api = new ApiHarness();
        api.openModeration();
        api.publish("drifted-story");
        for (int i = 0; i < 3; i++) {
            assertEquals(201, api.postComment("drifted-story", ApiHarness.comment("R" + i, "r" + i + "@example.com", "Hi " + i),
                    "198.51.100." + i).status());
        }
        api.app.dynamo().updateItem(b -> b.tableName(api.app.config().tableName()).key(java.util.Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("ARTICLE#drifted-story"),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("A")))
                .updateExpression("SET commentCount = :n").expressionAttributeValues(java.util.Map.of(
                        ":n", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("99"))));
        assertEquals(99, api.get("/articles/drifted-story").json().path("commentCount").asLong());
        var recounted = api.asModerator("POST", "/admin/articles/drifted-story/recount", null);
        assertEquals(200, recounted.status(), recounted.body());
        assertEquals(3, recounted.json().path("commentCount").asLong());
        assertEquals(404, api.asModerator("POST", "/admin/articles/no-such-story/recount", null).status());
    }

    @Test
    void aBatchThatCannotBeApplied_isRetriedWithItsCauseLogged_andPrimingNeverThrows() {
        dev.newsroom.support.FaultInjector faults = new dev.newsroom.support.FaultInjector();
        var app = dev.newsroom.support.DynamoDbLocal.contextThrough(faults);
        CountsFunction counts = new CountsFunction(app);
        var event = EventLoader.loadDynamoDbEvent("events/stream/comment-changes.json");
        faults.fail("TransactWriteItems", 100, dev.newsroom.support.FaultInjector.THROTTLED);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            org.junit.jupiter.api.Assertions.assertThrows(dev.newsroom.domain.ServiceException.class,
                    () -> counts.handleRequest(event, null), "Lambda must see the failure to retry the batch");
        } finally {
            System.setOut(original);
        }
        String log = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(log.contains("\"failed\":\"unavailable\"")
                && log.contains("ProvisionedThroughputExceeded"), log);
        faults.fail("TransactWriteItems", 100, dev.newsroom.support.FaultInjector.THROTTLED);
        org.junit.jupiter.api.Assertions.assertThrows(dev.newsroom.domain.ServiceException.class, counts::prime);
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> counts.priming.beforeCheckpoint(null),
                "a failed priming must not fail the version's publish");
    }
}
