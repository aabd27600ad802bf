package dev.newsroom.local.wordpress;

import dev.newsroom.config.AppContext;
import dev.newsroom.support.DynamoDbLocal;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One import at a time into a table, against DynamoDB Local. */
class ImportLeaseTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void aSecondImportWhileOneRuns_isRefusedNamingIt_andRunsOnceTheFirstHasEnded() throws Exception {
        AppContext app = DynamoDbLocal.context(NOW);
        String table = app.config().tableName();
        ImportLease first = ImportLease.take(app.dynamo(), table, "import-wordpress", NOW);
        ImportLease.Held held = assertThrows(ImportLease.Held.class,
                () -> ImportLease.take(app.dynamo(), table, "import-disqus", NOW));
        assertTrue(held.getMessage().startsWith("another import into this table is running (import-wordpress, since"
                + " 2026-12-07T08:00:00Z, its lease until 2026-12-07T08:10:00Z)"), held.getMessage());
        first.close();
        ImportLease.take(app.dynamo(), table, "import-disqus", NOW).close();
    }

    @Test
    void aLeaseWhoseTermHasRunOut_aKilledRun_isTakenOver() throws Exception {
        AppContext app = DynamoDbLocal.context(NOW);
        String table = app.config().tableName();
        app.dynamo().putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("IMPORT#RUNNING"),
                "sk", AttributeValue.fromS("L"), "holder", AttributeValue.fromS("killed"),
                "command", AttributeValue.fromS("import-wordpress"), "since", AttributeValue.fromS("2026-12-07T07:00:00Z"),
                "leaseUntil", AttributeValue.fromN(Long.toString(NOW.instant().minusSeconds(1).getEpochSecond())))));
        ImportLease taken = ImportLease.take(app.dynamo(), table, "import-wordpress", NOW);
        assertThrows(ImportLease.Held.class, () -> ImportLease.take(app.dynamo(), table, "import-wordpress", NOW));
        taken.close();
    }

    @Test
    void aRunWhoseLeaseWasTakenOver_stopsAtItsNextRenewal() throws Exception {
        AppContext app = DynamoDbLocal.context(NOW);
        String table = app.config().tableName();
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        ImportLease lease = ImportLease.take(app.dynamo(), table, "import-wordpress", NOW, () -> stopped.set(true));
        lease.renew();
        assertTrue(!stopped.get(), "renewed while it is its own");
        app.dynamo().updateItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("IMPORT#RUNNING"),
                "sk", AttributeValue.fromS("L"))).updateExpression("SET holder = :o")
                .expressionAttributeValues(Map.of(":o", AttributeValue.fromS("another run"))));
        lease.renew();
        assertTrue(stopped.get(), "taken over: this run stops");
        lease.close();
    }
}
