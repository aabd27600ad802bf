package dev.newsroom.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.adapter.out.dynamodb.TableSetup;
import dev.newsroom.support.DynamoDbLocal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner's one-shot commands on its own database (a data folder, DynamoDB Local in-process): {@code invoke}
 * feeds the repository's event files to the functions as Lambda would, {@code recount} repairs counts that no change
 * stream kept, and the start-up check of the stream tells a table that streams transactions from one without stream.
 */
class LocalCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    /** What one command printed and returned. */
    private record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private Run command(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LocalCommands.run(args, Map.of("LOCAL_DB", dir.resolve("db").toString()), Path.of("."),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void invoke_feedsAnEventFileToTheFunction_andRecountRepairsWhatNoStreamCounted() throws Exception {
        Run submitted = command("invoke", "CommentsFunction", "events/submit-comment.json");
        assertEquals(0, submitted.status(), submitted.err());
        assertEquals(202, submitted.json().path("statusCode").asInt(), submitted.out());
        String id = JSON.readTree(submitted.json().path("body").asText()).path("id").asText();
        assertTrue(submitted.err().contains("\"status\":202"), "the function's log line goes to stderr: " + submitted.err());

        assertEquals(0, command("recount", SampleData.LEAD_SLUG).status(), "the sample's approved comments, counted");
        long before = commentCount();
        assertTrue(before > 0);
        ObjectNode approve = (ObjectNode) JSON.readTree(Path.of("events/admin-patch-comment.json").toFile());
        approve.put("path", "/admin/comments/" + id);
        approve.putObject("pathParameters").put("id", id);
        approve.put("body", "{\"status\": \"approved\", \"version\": 1}");
        Path event = Files.writeString(dir.resolve("approve.json"), approve.toString());
        Run approved = command("invoke", "AdminFunction", event.toString());
        assertEquals(200, approved.json().path("statusCode").asInt(), approved.out());
        assertEquals(before, commentCount(), "no change stream is read by these commands: the count is stale");

        Run recount = command("recount", SampleData.LEAD_SLUG);
        assertEquals(SampleData.LEAD_SLUG + ": " + (before + 1) + "\nRecounted 1 article.\n", recount.out());
        assertEquals(before + 1, commentCount());
    }

    @Test
    void invoke_refusesAnUnknownFunction_aMissingFile_andAFunctionThatNeedsMore() throws Exception {
        Run unknown = command("invoke", "NoSuchFunction", "events/get-article.json");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("invoke: template.yaml has no function NoSuchFunction (functions: AdminFunction, "), unknown.err());
        Run missing = command("invoke", "ArticlesFunction", "events/no-such-event.json");
        assertEquals(2, missing.status());
        assertEquals("invoke: cannot read events/no-such-event.json\n", missing.err());
        Run notifier = command("invoke", "NotifierFunction", "events/stream/every-minute.json");
        assertEquals(2, notifier.status());
        assertTrue(notifier.err().contains("use sam local invoke"), notifier.err());
        assertEquals(2, command("invoke", "ArticlesFunction").status());
        assertTrue(!Files.exists(dir.resolve("db")), "nothing was opened for a refused command");
    }

    @Test
    void streamCheck_seesTransactionalWritesOnTheStream_andSaysWhenATableHasNone() {
        var dynamo = DynamoDbLocal.client();
        String streamed = "stream-check-" + System.nanoTime();
        TableSetup.ensureTable(dynamo, streamed);
        assertEquals(Optional.empty(), new StreamCheck(dynamo, DynamoDbLocal.streams(), streamed).problem(Duration.ofSeconds(5)));
        assertEquals(0, dynamo.scan(b -> b.tableName(streamed)).count(), "the probe is deleted");

        String silent = "no-stream-" + System.nanoTime();
        dynamo.createTable(b -> b.tableName(silent).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
        Optional<String> problem = new StreamCheck(dynamo, DynamoDbLocal.streams(), silent).problem(Duration.ofSeconds(1));
        assertEquals(Optional.of("table " + silent + " has no change stream"), problem);
        assertEquals("warning: table " + silent + " has no change stream, so comment counts will not follow approvals here;"
                + " repair them with: mvn -q compile exec:java -Dexec.args=recount", StreamCheck.warning(problem).orElseThrow());
    }

    private long commentCount() throws Exception {
        Run article = command("invoke", "ArticlesFunction", "events/get-article.json");
        return JSON.readTree(article.json().path("body").asText()).path("commentCount").asLong();
    }
}
