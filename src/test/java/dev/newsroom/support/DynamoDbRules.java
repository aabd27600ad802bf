package dev.newsroom.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Two rules DynamoDB enforces and DynamoDB Local does not, enforced in front of the real HTTP client (so the SDK,
 * its retries and the application see DynamoDB's own answers):
 *
 * <ul>
 * <li><b>Transaction conflicts.</b> While a {@code TransactWriteItems} runs, its items (table, {@code pk},
 * {@code sk} of every Put, Update, Delete and ConditionCheck) are in flight. Another {@code TransactWriteItems}
 * touching one of them is cancelled ({@code TransactionCanceledException}, {@code TransactionConflict} at that
 * item's index, {@code None} elsewhere); a {@code PutItem}/{@code UpdateItem}/{@code DeleteItem} on one of them
 * fails with {@code TransactionConflictException}. Each transaction can be stretched by a {@code hold} before
 * it is sent, so that on a small machine transactions overlap as they do at network latency.</li>
 * <li><b>Partition throughput.</b> Each partition key takes at most {@value #UNITS_PER_SECOND} write units a
 * second: a token bucket per key that holds at most one second's units and refills continuously. Write units
 * are {@code ceil(item size / 1 KB)}, doubled for writes in a transaction. This holds for the table's
 * {@code pk} and for the partition key of each index the write reaches ({@code gsi1pk}, {@code gsi2pk},
 * {@code gsi3pk}; index entries are charged once, as DynamoDB charges index propagation as standard writes,
 * and an index's throttling throttles the table write). Past it: {@code ProvisionedThroughputExceededException}
 * for a single write, {@code TransactionCanceledException} with {@code ThrottlingError} at the throttled item's
 * index for a transaction. A refused request is not sent and consumes nothing.</li>
 * </ul>
 *
 * <p>Approximations, because the double sees requests, not stored items: the size and index keys of an item an
 * Update or Delete touches are those it had when it was last Put through this double (unknown: 1 unit, table
 * only); an Update's own {@code SET} of index keys is not seen; a Put replacing an item whose index keys were
 * different also charges the old index partitions (the old entry is removed there). {@code ConditionCheck}
 * takes part in conflicts but is charged no write units (it reads). Item size follows DynamoDB's rule (attribute
 * names plus values; numbers approximated by their digits). {@code BatchWriteItem} is charged like single
 * writes and refused whole when any of its keys is over the limit (DynamoDB would return the throttled part as
 * {@code UnprocessedItems}). Reads pass through unlimited.
 */
public final class DynamoDbRules implements SdkHttpClient {
    public static final int UNITS_PER_SECOND = 1000;
    private static final String PREFIX = "com.amazonaws.dynamodb.v20120810#";
    private static final List<String> INDEXES = List.of("gsi1", "gsi2", "gsi3");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SdkHttpClient real = UrlConnectionHttpClient.create();
    private final Duration hold;
    private final LongSupplier nanoTime;
    private final Object lock = new Object();
    /** Item key -> number of running transactions holding it (more than one only if a conflict slipped by). */
    private final Map<String, Integer> inFlight = new HashMap<>();
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final Map<String, Known> known = new HashMap<>();
    private final AtomicInteger conflicts = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger transactions = new AtomicInteger();

    /** What this double last saw Put for an item: its size in units and the index partitions it is in. */
    private record Known(int units, List<String> indexPartitions) {
    }

    /** One write of a request: the item it touches and the partitions it charges, with units each. */
    private record Action(String itemKey, Map<String, Integer> charges, String kind, Known afterPut) {
    }

    private static final class Bucket {
        double tokens = UNITS_PER_SECOND;
        long at;
    }

    /** Transactions held {@code hold} before they are sent; the system's clock. */
    public DynamoDbRules(Duration hold) {
        this(hold, System::nanoTime);
    }

    /** With a clock of its own (nanoseconds), for tests that place writes in one second exactly. */
    public DynamoDbRules(Duration hold, LongSupplier nanoTime) {
        this.hold = hold;
        this.nanoTime = nanoTime;
    }

    /** Requests refused for a transaction conflict (transactions cancelled and single writes failed). */
    public int conflicts() {
        return conflicts.get();
    }

    /** Requests refused for partition throughput. */
    public int throttled() {
        return throttled.get();
    }

    /** {@code TransactWriteItems} requests seen, refused or not. */
    public int transactions() {
        return transactions.get();
    }

    /** Transactions running now (held or at DynamoDB Local). */
    public int inFlight() {
        synchronized (lock) {
            return inFlight.size();
        }
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        String operation = target.substring(target.indexOf('.') + 1);
        if (!Set.of("TransactWriteItems", "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem").contains(operation)) {
            return real.prepareRequest(request);
        }
        byte[] body = HttpDoubles.body(request);
        HttpExecuteRequest replayable = HttpDoubles.withBody(request, body);
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return real.prepareRequest(replayable);
        }
        return new ExecutableHttpRequest() {
            private volatile ExecutableHttpRequest sent;

            @Override
            public HttpExecuteResponse call() throws IOException {
                return "TransactWriteItems".equals(operation) ? transaction(json, replayable, r -> sent = r)
                        : single(operation, json, replayable, r -> sent = r);
            }

            @Override
            public void abort() {
                ExecutableHttpRequest s = sent;
                if (s != null) {
                    s.abort();
                }
            }
        };
    }

    private HttpExecuteResponse transaction(JsonNode json, HttpExecuteRequest request,
                                            Consumer<ExecutableHttpRequest> sending) throws IOException {
        transactions.incrementAndGet();
        List<Action> actions = new ArrayList<>();
        for (JsonNode entry : json.path("TransactItems")) {
            Map.Entry<String, JsonNode> only = entry.fields().next();
            actions.add(action(only.getKey(), only.getValue(), true));
        }
        List<String> keys = actions.stream().map(Action::itemKey).toList();
        synchronized (lock) {
            String[] reasons = new String[actions.size()];
            boolean conflict = false;
            for (int i = 0; i < actions.size(); i++) {
                conflict |= inFlight.containsKey(keys.get(i));
                reasons[i] = inFlight.containsKey(keys.get(i)) ? "TransactionConflict" : "None";
            }
            if (conflict) {
                conflicts.incrementAndGet();
                return error(cancelled(reasons));
            }
            Set<String> over = overLimit(actions);
            if (!over.isEmpty()) {
                for (int i = 0; i < actions.size(); i++) {
                    reasons[i] = actions.get(i).charges().keySet().stream().anyMatch(over::contains) ? "ThrottlingError" : "None";
                }
                throttled.incrementAndGet();
                return error(cancelled(reasons));
            }
            charge(actions);
            keys.forEach(k -> inFlight.merge(k, 1, Integer::sum));
        }
        try {
            if (!hold.isZero()) {
                Thread.sleep(hold.toMillis(), hold.toNanosPart() % 1_000_000);
            }
            HttpExecuteResponse response = send(request, sending);
            if (response.httpResponse().isSuccessful()) {
                remember(actions);
            }
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while held", e);
        } finally {
            synchronized (lock) {
                keys.forEach(k -> inFlight.computeIfPresent(k, (key, n) -> n == 1 ? null : n - 1));
            }
        }
    }

    private HttpExecuteResponse single(String operation, JsonNode json, HttpExecuteRequest request,
                                       Consumer<ExecutableHttpRequest> sending) throws IOException {
        List<Action> actions = new ArrayList<>();
        if ("BatchWriteItem".equals(operation)) {
            for (Iterator<Map.Entry<String, JsonNode>> tables = json.path("RequestItems").fields(); tables.hasNext(); ) {
                Map.Entry<String, JsonNode> table = tables.next();
                for (JsonNode write : table.getValue()) {
                    boolean put = write.has("PutRequest");
                    ObjectNode single = (ObjectNode) (put ? write.path("PutRequest") : write.path("DeleteRequest")).deepCopy();
                    single.put("TableName", table.getKey());
                    actions.add(action(put ? "Put" : "Delete", single, false));
                }
            }
        } else {
            actions.add(action(operation.replace("Item", ""), json, false));
        }
        synchronized (lock) {
            if (actions.stream().anyMatch(a -> inFlight.containsKey(a.itemKey()))) {
                conflicts.incrementAndGet();
                return error(Map.of("__type", PREFIX + "TransactionConflictException",
                        "message", "Transaction is ongoing for the item"));
            }
            Set<String> over = overLimit(actions);
            if (!over.isEmpty()) {
                throttled.incrementAndGet();
                boolean index = over.stream().anyMatch(p -> p.contains("|gsi"));
                return error(Map.of("__type", PREFIX + "ProvisionedThroughputExceededException",
                        "message", index
                                ? "Throughput exceeds the current capacity for one or more global secondary indexes. DynamoDB is automatically scaling your index so please try again shortly."
                                : "Throughput exceeds the current capacity of your table or index. DynamoDB is automatically scaling your table or index so please try again shortly. If exceptions persist, check if you have a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html"));
            }
            charge(actions);
        }
        HttpExecuteResponse response = send(request, sending);
        if (response.httpResponse().isSuccessful()) {
            remember(actions);
        }
        return response;
    }

    private Action action(String kind, JsonNode write, boolean transactional) {
        String table = write.path("TableName").asText();
        JsonNode key = "Put".equals(kind) ? write.path("Item") : write.path("Key");
        String itemKey = table + "|" + key.path("pk") + "|" + key.path("sk");
        Map<String, Integer> charges = new LinkedHashMap<>();
        if ("ConditionCheck".equals(kind)) {
            return new Action(itemKey, charges, kind, null);
        }
        int factor = transactional ? 2 : 1;
        Known before;
        synchronized (lock) {
            before = known.get(itemKey);
        }
        Known after = null;
        int units;
        List<String> indexPartitions = new ArrayList<>();
        if ("Put".equals(kind)) {
            units = units(size(write.path("Item")));
            for (String index : INDEXES) {
                JsonNode pk = write.path("Item").path(index + "pk");
                if (!pk.isMissingNode() && write.path("Item").has(index + "sk")) {
                    indexPartitions.add(table + "|" + index + "|" + pk);
                }
            }
            after = new Known(units, List.copyOf(indexPartitions));
        } else {
            units = before == null ? 1 : before.units();
        }
        charges.put(table + "|pk|" + key.path("pk"), units * factor);
        Set<String> reached = new LinkedHashSet<>(indexPartitions);
        if (before != null) {
            reached.addAll(before.indexPartitions());
        }
        int indexUnits = before == null ? units : Math.max(units, before.units());
        reached.forEach(p -> charges.merge(p, indexUnits, Integer::sum));
        return new Action(itemKey, charges, kind, after);
    }

    private Set<String> overLimit(List<Action> actions) {
        Map<String, Integer> demand = new HashMap<>();
        actions.forEach(a -> a.charges().forEach((p, u) -> demand.merge(p, u, Integer::sum)));
        long now = nanoTime.getAsLong();
        Set<String> over = new LinkedHashSet<>();
        demand.forEach((partition, units) -> {
            if (bucket(partition, now).tokens < units) {
                over.add(partition);
            }
        });
        return over;
    }

    private void charge(List<Action> actions) {
        long now = nanoTime.getAsLong();
        actions.forEach(a -> a.charges().forEach((p, u) -> bucket(p, now).tokens -= u));
    }

    private Bucket bucket(String partition, long now) {
        Bucket b = buckets.computeIfAbsent(partition, p -> {
            Bucket fresh = new Bucket();
            fresh.at = now;
            return fresh;
        });
        if (now > b.at) {
            b.tokens = Math.min(UNITS_PER_SECOND, b.tokens + (now - b.at) * UNITS_PER_SECOND / 1e9);
            b.at = now;
        }
        return b;
    }

    private void remember(List<Action> actions) {
        synchronized (lock) {
            for (Action a : actions) {
                if (a.afterPut() != null) {
                    known.put(a.itemKey(), a.afterPut());
                } else if ("Delete".equals(a.kind())) {
                    known.remove(a.itemKey());
                }
            }
        }
    }

    private HttpExecuteResponse send(HttpExecuteRequest request, Consumer<ExecutableHttpRequest> sending)
            throws IOException {
        ExecutableHttpRequest call = real.prepareRequest(request);
        sending.accept(call);
        HttpExecuteResponse response = call.call();
        byte[] body = response.responseBody().map(HttpDoubles::read).orElse(new byte[0]);
        return HttpDoubles.answer(response.httpResponse(), body);
    }

    /** DynamoDB's {@code TransactionCanceledException} body with one reason per item, in order. */
    static Map<String, Object> cancelled(String[] codes) {
        List<Map<String, String>> reasons = new ArrayList<>();
        for (String code : codes) {
            reasons.add(switch (code) {
                case "TransactionConflict" -> Map.of("Code", code, "Message", "Transaction is ongoing for the item");
                case "ThrottlingError" -> Map.of("Code", code, "Message",
                        "Throughput exceeds the current capacity of your table or index. DynamoDB is automatically scaling your table or index so please try again shortly.");
                default -> Map.of("Code", "None");
            });
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", PREFIX + "TransactionCanceledException");
        body.put("Message", "Transaction cancelled, please refer cancellation reasons for specific reasons ["
                + String.join(", ", codes) + "]");
        body.put("CancellationReasons", reasons);
        return body;
    }

    private static HttpExecuteResponse error(Map<String, ?> json) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpDoubles.dynamoError(body);
    }

    /** Write units for an item of {@code bytes}: one per started kilobyte. */
    static int units(long bytes) {
        return (int) Math.max(1, (bytes + 1023) / 1024);
    }

    /** An item's size as DynamoDB counts it: each attribute's name and value, in UTF-8 bytes. */
    static long size(JsonNode item) {
        long total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> attribute = it.next();
            total += utf8(attribute.getKey()) + valueSize(attribute.getValue());
        }
        return total;
    }

    private static long valueSize(JsonNode value) {
        Map.Entry<String, JsonNode> typed = value.fields().next();
        JsonNode v = typed.getValue();
        return switch (typed.getKey()) {
            case "S" -> utf8(v.asText());
            case "N" -> numberSize(v.asText());
            case "B" -> Base64.getDecoder().decode(v.asText()).length;
            case "BOOL", "NULL" -> 1;
            case "SS" -> sum(v, e -> utf8(e.asText()));
            case "NS" -> sum(v, e -> numberSize(e.asText()));
            case "BS" -> sum(v, e -> Base64.getDecoder().decode(e.asText()).length);
            case "L" -> 3 + sum(v, e -> 1 + valueSize(e));
            case "M" -> 3 + size(v) + v.size();
            default -> 1;
        };
    }

    private static long sum(JsonNode array, ToLongFunction<JsonNode> size) {
        long total = 0;
        for (JsonNode e : array) {
            total += size.applyAsLong(e);
        }
        return total;
    }

    private static long numberSize(String number) {
        long digits = number.chars().filter(Character::isDigit).count();
        return (digits + 1) / 2 + 1;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public void close() {
        real.close();
    }
}
