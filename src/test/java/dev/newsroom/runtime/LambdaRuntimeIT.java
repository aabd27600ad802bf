package dev.newsroom.runtime;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.local.SampleData;
import dev.newsroom.support.DynamoDbLocal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Each function as Lambda runs it: the built deployment zip, extracted as the task root, in a fresh JVM under
 * AWS's runtime interface client, against a Runtime API written here, with the environment Lambda sets (read
 * from {@code template.yaml}) and events from {@code events/*.json} as raw invocation bodies. DynamoDB Local
 * sits behind a recording proxy so the test sees how each request was signed.
 *
 * <p>Two credential modes per function: (a) an on-demand start with key variables and a session token, as
 * unpublished versions get; (b) a SnapStart start (published versions) with no key variables, only the
 * container-credentials endpoint. In (b) the runtime client runs the CRaC {@code beforeCheckpoint} hooks,
 * asks {@code restore/next}, then runs {@code afterRestore}, as it does in Lambda. The endpoint serves one set of
 * credentials before the restore and another after it, each valid for about a minute: inside the SDK's refresh
 * window, so the provider goes back to the endpoint rather than signing with what the snapshot holds.
 */
class LambdaRuntimeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ZIP = Path.of(System.getProperty("lambda.zip", "target/newsroom-comments-lambda.zip"));
    private static final Path WORK = Path.of("target", "lambda-runtime");
    private static final Path TASK_ROOT = WORK.resolve("task");
    private static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(90);
    /** How long the "snapshot" waits before it is restored. */
    private static final Duration RESTORE_DELAY = Duration.ofMillis(200);
    /** Container credentials this close to expiry are refreshed by the SDK before use (stale one minute before). */
    private static final long CREDENTIALS_LIFETIME_SECONDS = 62;
    private static final String ORIGIN = "https://www.example.com";
    private static final String TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:newsroom-moderators";

    private static JsonNode template;
    private static String runtimeClasspath;

    enum Credentials { KEY_VARIABLES, CONTAINER_ENDPOINT }

    /** An event and what the function must answer to it. */
    /** An event and the statuses its API answer may have; none for a stream event (its effect is checked instead). */
    record Call(String event, int... statuses) {
    }

    /** The approved comments of the sample data on the lead article. */
    private static final int SEEDED_APPROVED = 3;

    @BeforeAll
    static void extractZipAndReadTemplate() throws IOException {
        assertTrue(Files.isRegularFile(ZIP), ZIP + " is missing: run `mvn verify` (the zip is built in `package`)");
        if (Files.exists(WORK)) {
            try (Stream<Path> old = Files.walk(WORK)) {
                old.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(TASK_ROOT);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(ZIP))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                boolean allowed = name.endsWith("/") || name.endsWith(".class") || name.startsWith("META-INF/")
                        || (name.startsWith("lib/") && name.endsWith(".jar") && name.indexOf('/', 4) < 0);
                assertTrue(allowed, "unexpected entry in the zip: " + name);
                assertFalse(name.contains("runtime-interface-client"), "the zip holds the runtime client: " + name);
                Path target = TASK_ROOT.resolve(name).normalize();
                assertTrue(target.startsWith(TASK_ROOT), name);
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        template = new ObjectMapper(new YAMLFactory()).readTree(Path.of("template.yaml").toFile());
        // What the managed runtime puts on its own classpath (/var/runtime/lib): the client and what it needs.
        List<String> jars = new ArrayList<>();
        for (Class<?> type : List.of(AWSLambda.class, com.amazonaws.services.lambda.runtime.Context.class,
                com.amazonaws.services.lambda.runtime.serialization.PojoSerializer.class,
                software.amazon.awssdk.utilslite.SdkInternalThreadLocal.class)) {
            jars.add(jarOf(type));
        }
        runtimeClasspath = String.join(File.pathSeparator, jars);
    }

    static Stream<Arguments> functions() {
        Map<String, List<Call>> calls = new LinkedHashMap<>();
        calls.put("ArticlesFunction", List.of(new Call("get-article.json", 200), new Call("list-articles.json", 200)));
        calls.put("CommentsFunction", List.of(new Call("list-comments.json", 200), new Call("submit-comment.json", 201, 202)));
        calls.put("AdminFunction", List.of(new Call("admin-queue.json", 200), new Call("admin-get-settings.json", 200)));
        calls.put("PagesFunction", List.of(new Call("page-article.json", 200), new Call("page-front.json", 200)));
        calls.put("CountsFunction", List.of(new Call("stream/comment-changes.json")));
        calls.put("NotifierFunction", List.of(new Call("stream/held-comments.json")));
        JsonNode resources = readTemplate().path("Resources");
        List<Arguments> out = new ArrayList<>();
        for (var function : calls.entrySet()) {
            boolean snapStart = !"None".equals(resources.path(function.getKey()).path("Properties").path("SnapStart")
                    .path("ApplyOn").asText());
            for (Credentials mode : Credentials.values()) {
                if (snapStart || mode == Credentials.KEY_VARIABLES) {
                    out.add(Arguments.of(function.getKey(), mode, function.getValue()));
                }
            }
        }
        return out.stream();
    }

    private static JsonNode readTemplate() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("template.yaml").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("functions")
    void functionAnswersUnderTheRuntimeClient(String function, Credentials mode, List<Call> calls) throws Exception {
        boolean snapStart = mode == Credentials.CONTAINER_ENDPOINT;
        String table = seededTable();
        Timeline timeline = new Timeline();
        String arn = "arn:aws:lambda:us-east-1:123456789012:function:newsroom-" + function;
        Path log = WORK.resolve(function + "-" + mode + ".log");
        try (FakeRuntimeApi runtime = new FakeRuntimeApi(timeline, arn, RESTORE_DELAY);
             RecordingProxy dynamo = new RecordingProxy(DynamoDbLocal.httpEndpoint(), timeline);
             CredentialsEndpoint credentials = new CredentialsEndpoint(timeline,
                     () -> timeline.first("runtime", "restore/next answered") >= 0, CREDENTIALS_LIFETIME_SECONDS);
             FakeSns sns = new FakeSns()) {
            Map<String, String> env = lambdaEnvironment(function, table, runtime.address(), dynamo.endpoint());
            env.put("AWS_ENDPOINT_URL_SNS", sns.endpoint());
            String keyId = "ASIAKEYVARS" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            String sessionToken = "session-token-from-variables-" + UUID.randomUUID();
            if (snapStart) {
                env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
                env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", credentials.fullUri());
                env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", credentials.authorizationToken());
            } else {
                env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
                env.put("AWS_ACCESS_KEY_ID", keyId);
                env.put("AWS_SECRET_ACCESS_KEY", "secret-from-variables");
                env.put("AWS_SESSION_TOKEN", sessionToken);
            }
            Process process = start(env, log);
            try {
                for (Call call : calls) {
                    String event = Files.readString(Path.of("events", call.event()));
                    String context = function + " " + mode + " " + call.event();
                    FakeRuntimeApi.Result result;
                    try {
                        result = runtime.invoke(event, process, INVOKE_TIMEOUT);
                    } catch (IllegalStateException e) {
                        throw new AssertionError(context + ": " + e.getMessage() + "; init errors: "
                                + runtime.initErrors() + diagnostics(log, timeline), e);
                    }
                    assertFalse(result.error(), () -> context + " reported an error " + result.errorType() + ": "
                            + result.body() + diagnostics(log, timeline));
                    if (call.statuses().length == 0) {
                        if (function.equals("NotifierFunction")) {
                            // the event's two articles with new held or spam comments: one message each
                            assertEquals(2, sns.published().size(), context + diagnostics(log, timeline));
                            assertTrue(sns.published().stream().allMatch(p -> p.contains("Action=Publish")
                                    && p.contains("TopicArn=" + java.net.URLEncoder.encode(TOPIC_ARN, StandardCharsets.UTF_8))),
                                    context + " " + sns.published());
                        } else {
                            checkCounted(table, context + diagnostics(log, timeline));
                        }
                        continue;
                    }
                    JsonNode response = JSON.readTree(result.body());
                    int status = response.path("statusCode").asInt();
                    assertTrue(List.of(box(call.statuses())).contains(status),
                            () -> context + " answered " + result.body() + diagnostics(log, timeline));
                    String body = response.path("body").asText();
                    if (call.event().startsWith("page-")) {
                        assertTrue(body.startsWith("<!doctype html>") && body.contains("</html>"), context + ": " + body);
                    } else {
                        checkBody(call.event(), JSON.readTree(body), context);
                    }
                }
            } finally {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            String output = Files.readString(log);
            assertTrue(runtime.initErrors().isEmpty(), () -> "init errors: " + runtime.initErrors() + diagnostics(log, timeline));
            assertFalse(output.contains("\"status\":503"), () -> "a 503 was logged" + diagnostics(log, timeline));

            List<RecordingProxy.Call> requests = dynamo.calls();
            assertFalse(requests.isEmpty(), "the function never reached DynamoDB");
            if (snapStart) {
                checkSnapStart(function, timeline, credentials, requests, output, log);
            } else {
                assertEquals(-1, timeline.first("runtime", "restore/next"), "an on-demand start asked for restore/next");
                assertTrue(credentials.calls().isEmpty(), "the credentials endpoint was called without being configured");
                assertTrue(requests.stream().noneMatch(r -> (r.body().contains("snapstart-priming") || r.body().contains("ARTICLE#--priming"))),
                        "the priming hook ran on an on-demand start");
                for (RecordingProxy.Call request : requests) {
                    assertEquals(keyId, request.accessKeyId(), request.operation() + " signed with " + request.authorization());
                    assertEquals(sessionToken, request.securityToken(), request.operation());
                }
            }
        }
    }

    /**
     * SnapStart: the priming hook ran before {@code restore/next} (its DynamoDB reads arrived, and its request's
     * 404 was logged), which came before the first invocation; the endpoint was called with its token; requests
     * before the restore were signed with what it served then, requests after with the set it served after.
     */
    private static void checkSnapStart(String function, Timeline timeline, CredentialsEndpoint credentials,
                                       List<RecordingProxy.Call> requests, String output, Path log) {
        long primingRead = timeline.first("dynamodb", "");
        long restoreAsked = timeline.first("runtime", "restore/next requested");
        long restored = timeline.first("runtime", "restore/next answered");
        long firstInvocation = timeline.first("runtime", "invocation/next answered");
        String why = diagnostics(log, timeline);
        assertTrue(restoreAsked > 0, "the runtime client never asked restore/next" + why);
        assertTrue(primingRead > 0 && primingRead < restoreAsked, "no priming read reached DynamoDB before restore/next" + why);
        if (function.equals("ArticlesFunction") || function.equals("PagesFunction")) {
            long articleRead = timeline.first("dynamodb", "ARTICLE#snapstart-priming");
            assertTrue(articleRead > 0 && articleRead < restoreAsked, "the priming article read is missing" + why);
        }
        assertTrue(firstInvocation > restored, "an invocation came before the restore" + why);
        if (function.equals("CountsFunction")) {
            long primingCount = timeline.first("dynamodb", "ARTICLE#--priming");
            assertTrue(primingCount > 0 && primingCount < restoreAsked, "the priming count transaction is missing" + why);
        } else if (!function.equals("PagesFunction")) { // the pages write no request log line
            assertTrue(output.lines().anyMatch(l -> l.contains("\"requestId\":\"priming\"") && l.contains("\"status\":404")),
                    "the priming request's log line (404) is missing" + why);
        }

        assertFalse(credentials.calls().isEmpty(), "the container-credentials endpoint was never called" + why);
        assertTrue(credentials.calls().stream().allMatch(ok -> ok), "a credentials request had the wrong token" + why);
        CredentialsEndpoint.Served before = credentials.beforeRestore();
        CredentialsEndpoint.Served after = credentials.afterRestore();
        boolean sawAfter = false;
        for (RecordingProxy.Call request : requests) {
            CredentialsEndpoint.Served expected = request.seq() < restored ? before : after;
            assertEquals(expected.accessKeyId(), request.accessKeyId(),
                    request.operation() + " at " + request.seq() + " signed with " + request.authorization() + why);
            assertEquals(expected.token(), request.securityToken(), request.operation() + " at " + request.seq() + why);
            sawAfter |= expected == after;
        }
        assertTrue(sawAfter, "no DynamoDB request after the restore" + why);
    }

    private static void checkBody(String event, JsonNode body, String context) {
        switch (event) {
            case "get-article.json" -> assertEquals(SampleData.LEAD_SLUG, body.path("slug").asText(), context);
            case "list-articles.json", "admin-queue.json" -> assertTrue(body.path("items").isArray(), context + ": " + body);
            case "list-comments.json" -> assertTrue(body.path("items").size() > 0, context + ": " + body);
            case "submit-comment.json" -> assertFalse(body.path("id").asText().isEmpty(), context + ": " + body);
            case "admin-get-settings.json" -> assertTrue(body.isObject() && body.size() > 0, context + ": " + body);
            default -> fail("no check for " + event);
        }
    }

    /**
     * What Lambda sets for {@code function}: the reserved variables, then the template's {@code Globals} and the
     * function's own {@code Environment} with the stack's parameters and resources filled in.
     */
    private static Map<String, String> lambdaEnvironment(String function, String table, String runtimeApi,
                                                         String dynamoEndpoint) {
        JsonNode globals = template.path("Globals").path("Function");
        JsonNode properties = template.path("Resources").path(function).path("Properties");
        assertEquals("AWS::Serverless::Function", template.path("Resources").path(function).path("Type").asText(), function);
        String handler = properties.path("Handler").asText();
        assertFalse(handler.isEmpty(), function + " has no Handler");
        String memory = properties.path("MemorySize").asText(globals.path("MemorySize").asText("128"));
        // Values of !Ref in the template: the stack's table and parameters as this test deploys them.
        Map<String, String> refs = new HashMap<>();
        refs.put("ContentTable", table);
        refs.put("AllowedOrigins", ORIGIN);
        refs.put("ModeratorTopic", TOPIC_ARN);
        template.path("Parameters").fields().forEachRemaining(p -> refs.putIfAbsent(p.getKey(),
                p.getValue().path("Default").asText()));

        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("_HANDLER", handler);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + globals.path("Runtime").asText("java21"));
        env.put("AWS_LAMBDA_FUNCTION_NAME", "newsroom-" + function);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", memory);
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/newsroom-" + function);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[1]0123456789abcdef");
        env.put("AWS_LAMBDA_LOG_FORMAT", globals.path("LoggingConfig").path("LogFormat").asText("Text"));
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("LAMBDA_TASK_ROOT", TASK_ROOT.toAbsolutePath().toString());
        env.put("LAMBDA_RUNTIME_DIR", "/var/runtime");
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        for (JsonNode variables : List.of(globals.path("Environment").path("Variables"),
                properties.path("Environment").path("Variables"))) {
            for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> variable = it.next();
                String value = variable.getValue().asText();
                env.put(variable.getKey(), refs.getOrDefault(value, value));
            }
        }
        // No SSM here: a function that signs cursors gets, instead of the SecureString's name, a secret as read from it.
        if (env.remove("CURSOR_SECRET_PARAMETER") != null) {
            env.put("CURSOR_SECRET", UUID.randomUUID().toString().replace("-", ""));
        }
        for (String name : List.of("TABLE_NAME", "CORS_ALLOWED_ORIGINS", "PUBLIC_MAX_AGE_SECONDS",
                "JAVA_TOOL_OPTIONS")) {
            assertNotNull(env.get(name), name + " is not in the template's environment");
        }
        assertEquals(table, env.get("TABLE_NAME"));
        // Not Lambda's: DynamoDB Local behind the recording proxy, and no profile files of this machine.
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint);
        env.put("AWS_CONFIG_FILE", WORK.resolve("no-aws-config").toAbsolutePath().toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", WORK.resolve("no-aws-credentials").toAbsolutePath().toString());
        return env;
    }

    /**
     * The managed Java runtime's launch: its JVM flags (including the property that points org.crac at the
     * runtime client's CRaC context), the client's jars on the classpath, the task root as working directory
     * (the client loads the function's classes and {@code lib/*.jar} from there) and the handler as argument.
     */
    private static Process start(Map<String, String> env, Path log) throws IOException {
        long memory = Long.parseLong(env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:MaxHeapSize=" + (memory * 85 / 100) + "m",
                "-XX:+UseSerialGC",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                "-Djava.net.preferIPv4Stack=true",
                "-XX:+ErrorFileToStderr",
                "-classpath", runtimeClasspath,
                AWSLambda.class.getName(),
                env.get("_HANDLER")));
        ProcessBuilder builder = new ProcessBuilder(command).directory(TASK_ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    /** A new table on the shared DynamoDB Local server, with the sample articles and thread. */
    /**
     * The stream event's two approvals reached the lead article's count (3 sample comments, counted when the
     * table was seeded, plus 2), exactly once.
     */
    private static void checkCounted(String table, String context) {
        DynamoDbClient client = AppContext.dynamoClient(AppConfig.from(DynamoDbLocal.httpSettings()::get));
        var item = client.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("ARTICLE#" + SampleData.LEAD_SLUG),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("A")))).item();
        assertEquals(SEEDED_APPROVED + 2, Long.parseLong(item.get("commentCount").n()), context);
    }

    private static String seededTable() {
        DynamoDbClient client = AppContext.dynamoClient(AppConfig.from(DynamoDbLocal.httpSettings()::get));
        AppContext app = DynamoDbLocal.context(Clock.systemUTC(), Map.of(), client);
        SampleData.seedIfEmpty(app);
        assertEquals(SEEDED_APPROVED, DynamoDbLocal.counter(app).drain(), "the sample comments are counted from the stream");
        return app.config().tableName();
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException("no jar for " + type, e);
        }
    }

    private static Integer[] box(int[] values) {
        return java.util.Arrays.stream(values).boxed().toArray(Integer[]::new);
    }

    private static String diagnostics(Path log, Timeline timeline) {
        String output;
        try (InputStream in = Files.newInputStream(log)) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            output = "(no log: " + e + ")";
        }
        if (output.length() > 6000) {
            output = "..." + output.substring(output.length() - 6000);
        }
        return "\n--- function output ---\n" + output + "\n--- timeline ---\n" + timeline;
    }
}
