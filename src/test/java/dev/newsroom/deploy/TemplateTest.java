package dev.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsroom.adapter.in.pages.PagesFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the deployed stack answers and may do, read from {@code template.yaml}: API Gateway's own answers follow
 * the contract (CORS, error codes, 405 for a known path), and each function's policy allows no Scan and writes
 * only the key families it owns.
 */
class TemplateTest {
    private static final Set<String> WRITES = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:ConditionCheckItem", "dynamodb:BatchWriteItem");
    private static JsonNode template;

    @BeforeAll
    static void read() throws IOException {
        template = new ObjectMapper(new YAMLFactory()).readTree(Path.of("template.yaml").toFile());
    }

    private static List<Map.Entry<String, JsonNode>> functions() {
        List<Map.Entry<String, JsonNode>> functions = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(r -> {
            if (r.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                functions.add(r);
            }
        });
        return functions;
    }

    /** The function's own statements, or those of its explicit role ({@code Role: !GetAtt X.Arn} reads as "X.Arn"). */
    private static List<JsonNode> statements(JsonNode function) {
        List<JsonNode> statements = new ArrayList<>();
        function.path("Properties").path("Policies").forEach(policy -> {
            // a managed policy of this template (!Ref Name reads as "Name") brings its document's statements
            JsonNode managed = policy.isTextual() ? template.path("Resources").path(policy.asText()) : policy;
            JsonNode document = managed.path("Properties").path("PolicyDocument");
            (document.isMissingNode() ? policy : document).path("Statement").forEach(statements::add);
        });
        String role = function.path("Properties").path("Role").asText("");
        if (!role.isEmpty()) {
            template.path("Resources").path(role.replace(".Arn", "")).path("Properties").path("Policies")
                    .forEach(policy -> policy.path("PolicyDocument").path("Statement").forEach(statements::add));
        }
        return statements;
    }

    @Test
    void theCountsFunctionReadsOnlyItsTablesStream() {
        JsonNode counts = template.path("Resources").path("CountsFunction");
        assertFalse(counts.path("Properties").path("Role").isMissingNode(), "SAM's default role reads every stream");
        for (JsonNode statement : statements(counts)) {
            if (actions(statement).contains("dynamodb:GetRecords")) {
                assertEquals("ContentTable.StreamArn", statement.path("Resource").asText());
            }
        }
    }

    @Test
    void theNotifierReadsOnlyItsStream_writesOnlyItsLedger_andPublishesOnlyToItsTopic() {
        JsonNode notifier = template.path("Resources").path("NotifierFunction");
        assertFalse(notifier.path("Properties").path("Role").isMissingNode(), "SAM's default role reads every stream");
        Set<String> granted = new TreeSet<>();
        for (JsonNode statement : statements(notifier)) {
            Set<String> actions = actions(statement);
            granted.addAll(actions);
            String resource = statement.path("Resource").asText();
            if (actions.contains("dynamodb:GetRecords")) {
                assertEquals("ContentTable.StreamArn", resource);
            } else if (actions.contains("sqs:SendMessage")) {
                assertEquals(Set.of("sqs:SendMessage"), actions);
                assertEquals("NotifierGivenUpQueue.Arn", resource, "only its own on-failure queue");
            } else if (actions.contains("sns:Publish")) {
                assertEquals(Set.of("sns:Publish"), actions);
                assertEquals("ModeratorTopic", resource, "only its own topic");
            } else if (actions.contains("dynamodb:Query")) {
                assertEquals("${ContentTable.Arn}/index/notifyDue", resource, "only its own index, never gsi1's comments");
                JsonNode due = null;
                for (JsonNode index : template.path("Resources").path("ContentTable").path("Properties").path("GlobalSecondaryIndexes")) {
                    due = index.path("IndexName").asText().equals("notifyDue") ? index : due;
                }
                assertEquals("KEYS_ONLY", due.path("Projection").path("ProjectionType").asText(), "it shows no comment");
            }
        }
        assertEquals(new TreeSet<>(Set.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator",
                "dynamodb:ListStreams", "dynamodb:UpdateItem", "dynamodb:Query", "sns:Publish", "sqs:SendMessage")), granted);
        JsonNode stream = notifier.path("Properties").path("Events").path("HeldComments").path("Properties");
        assertEquals("NotifierGivenUpQueue.Arn", stream.path("DestinationConfig").path("OnFailure").path("Destination").asText(),
                "a batch given up on is recorded");
        Set<String> watched = new TreeSet<>();
        template.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::CloudWatch::Alarm")) {
                String subject = resource.path("Properties").path("Dimensions").path(0).path("Value").asText();
                watched.add(resource.path("Properties").path("MetricName").asText() + " of " + subject);
                assertTrue(resource.path("Properties").path("AlarmActions").toString().contains("AlarmTopicArn"));
            }
        });
        assertTrue(watched.containsAll(Set.of("Errors of NotifierFunction", "IteratorAge of NotifierFunction",
                "ApproximateNumberOfMessagesVisible of NotifierGivenUpQueue.QueueName")), watched.toString());
        for (var function : functions()) {
            if (!function.getKey().equals("NotifierFunction")) {
                assertFalse(allStatements(function.getValue()).stream().anyMatch(st -> actions(st).contains("sns:Publish")),
                        function.getKey() + " may publish to moderators");
            }
        }
    }

    @Test
    void onlyTheFunctionsThatTakeCommentsMayReadTheAkismetKey_andOnlyThatParameter() {
        Set<String> readers = new TreeSet<>();
        for (var function : functions()) {
            for (JsonNode statement : allStatements(function.getValue())) {
                for (String action : actions(statement)) {
                    boolean cursorSecret = statement.path("Resource").asText()
                            .equals("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${AWS::StackName}/cursor-secret");
                    if (action.startsWith("ssm:") && cursorSecret) {
                        assertEquals("ssm:GetParameter", action, function.getKey()); // the cursor secret, read by the functions that sign cursors
                    } else if (action.startsWith("ssm:")) {
                        assertEquals("ssm:GetParameter", action, function.getKey());
                        assertEquals("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter${AkismetApiKeyParameter}",
                                statement.path("Resource").asText(), function.getKey() + " reads another parameter");
                        readers.add(function.getKey());
                    }
                    if (action.startsWith("kms:")) {
                        assertEquals("kms:Decrypt", action, function.getKey());
                        assertEquals("AkismetKeyKmsKeyArn", statement.path("Resource").asText());
                        assertEquals("ssm.${AWS::Region}.amazonaws.com", statement.path("Condition").path("StringEquals")
                                .path("kms:ViaService").asText(), "the key only through SSM");
                    }
                }
            }
        }
        assertEquals(Set.of("AdminFunction", "CommentsFunction", "PagesFunction"), readers);
    }

    /** {@link #statements} and those of policies given under a condition ({@code !If [cond, policy, NoValue]}). */
    private static List<JsonNode> allStatements(JsonNode function) {
        List<JsonNode> statements = statements(function);
        function.path("Properties").path("Policies").forEach(policy -> {
            if (policy.isArray()) {
                policy.forEach(choice -> choice.path("Statement").forEach(statements::add));
            }
        });
        return statements;
    }

    private static Set<String> actions(JsonNode statement) {
        Set<String> actions = new HashSet<>();
        statement.path("Action").forEach(a -> actions.add(a.asText()));
        return actions;
    }

    @Test
    void noFunctionMayScanOrUseAWholeTablePolicy() {
        for (var function : functions()) {
            function.getValue().path("Properties").path("Policies").forEach(policy -> {
                assertFalse(policy.has("DynamoDBReadPolicy") || policy.has("DynamoDBCrudPolicy")
                        || policy.has("DynamoDBWritePolicy"), function.getKey() + " uses a template policy with Scan");
            });
            for (JsonNode statement : statements(function.getValue())) {
                assertFalse(actions(statement).contains("dynamodb:Scan") || actions(statement).contains("dynamodb:*"),
                        function.getKey() + " may scan");
            }
        }
    }

    @Test
    void everyWriteIsScopedToKeyFamiliesByLeadingKeys() {
        Map<String, Set<String>> families = Map.of(
                "ArticlesFunction", Set.of(),
                "CommentsFunction", Set.of("COMMENT#*", "DUP#*", "FLOOD#*", "IDEM#*"),
                "PagesFunction", Set.of("COMMENT#*", "DUP#*", "FLOOD#*", "IDEM#*"),
                "CountsFunction", Set.of("COUNTED#*", "ARTICLE#*"),
                "NotifierFunction", Set.of("NOTIFY#*"),
                "AdminFunction", Set.of("ARTICLE#*", "COMMENT#*", "DUP#*", "FLOOD#*", "IDEM#*", "SETTINGS", "AUTHOR#*"));
        for (var function : functions()) {
            Set<String> allowed = new TreeSet<>();
            for (JsonNode statement : statements(function.getValue())) {
                Set<String> writes = new HashSet<>(actions(statement));
                writes.retainAll(WRITES);
                if (writes.isEmpty()) {
                    continue;
                }
                JsonNode keys = statement.path("Condition").path("ForAllValues:StringLike").path("dynamodb:LeadingKeys");
                assertTrue(keys.isArray() && !keys.isEmpty(), function.getKey() + " writes without a LeadingKeys condition");
                keys.forEach(k -> allowed.add(k.asText()));
            }
            assertEquals(new TreeSet<>(families.get(function.getKey())), allowed, function.getKey());
        }
    }

    @Test
    void gatewayAnswers_carryCorsAndTheContractsHeaders_andThrottlingHasItsOwnCode() throws IOException {
        String contract = Files.readString(Path.of("docs/API.md"));
        JsonNode responses = template.path("Resources").path("Api").path("Properties").path("GatewayResponses");
        assertTrue(responses.size() >= 8);
        responses.fields().forEachRemaining(entry -> {
            JsonNode headers = entry.getValue().path("ResponseParameters").path("Headers");
            for (String header : List.of("Access-Control-Allow-Origin", "Vary", "X-Content-Type-Options", "Cache-Control")) {
                assertTrue(headers.has(header), entry.getKey() + " lacks " + header);
            }
            String body = entry.getValue().path("ResponseTemplates").path("application/json").asText();
            String code = body.replaceAll(".*\"code\": \"([a-z_]+)\".*", "$1");
            assertTrue(contract.contains("`" + code + "`"), entry.getKey() + " answers a code the contract lacks: " + code);
        });
        assertTrue(responses.path("UNSUPPORTED_MEDIA_TYPE").path("ResponseTemplates").path("application/json").asText()
                .contains("application/x-www-form-urlencoded"), "the comments route takes forms too");
        String throttled = responses.path("THROTTLED").path("ResponseTemplates").path("application/json").asText();
        assertFalse(throttled.contains("comment_flood"), "gateway throttling is not the comment flood rule");
        assertTrue(responses.path("THROTTLED").path("ResponseParameters").path("Headers").has("Retry-After"));
    }

    @Test
    void everyPathTakesAnyOtherMethod_soTheFunctionAnswers405OrThePreflight() {
        Map<String, Set<String>> methodsByPath = new java.util.TreeMap<>();
        for (var function : functions()) {
            function.getValue().path("Properties").path("Events").forEach(event -> {
                if (event.path("Type").asText().equals("Api")) {
                    methodsByPath.computeIfAbsent(event.path("Properties").path("Path").asText(), p -> new TreeSet<>())
                            .add(event.path("Properties").path("Method").asText().toUpperCase());
                }
            });
        }
        methodsByPath.forEach((path, methods) -> {
            assertTrue(methods.contains("ANY"), path + " has no ANY route: a wrong method would be the gateway's 404");
            assertEquals(path.startsWith("/admin/"), methods.contains("OPTIONS"),
                    path + ": the preflight goes through ANY, except where ANY needs sign-in (admin paths)");
        });
    }

    @Test
    void throttlingLimitsAreParameters_whoseDefaultsSuitALargeSite() {
        JsonNode parameters = template.path("Parameters");
        JsonNode settings = template.path("Resources").path("Api").path("Properties").path("MethodSettings");
        List<String> referenced = new ArrayList<>();
        settings.forEach(m -> List.of("ThrottlingRateLimit", "ThrottlingBurstLimit").forEach(limit -> {
            String parameter = m.path(limit).asText(); // !Ref reads as the parameter's name
            assertTrue(parameters.has(parameter), limit + " of " + m.path("ResourcePath").asText() + " is fixed in the template");
            referenced.add(parameter);
        }));
        assertTrue(referenced.contains("CommentRateLimit"));
        assertTrue(parameters.path("CommentRateLimit").path("Default").asInt() >= 100,
                "comment posting for the whole site must be well above 10 a second");
        assertTrue(parameters.has("CommentsReservedConcurrency"));
        assertEquals("QueueShards", template.path("Globals").path("Function").path("Environment").path("Variables")
                .path("QUEUE_SHARDS").asText());
    }

    @Test
    void moderatorSignIn_isTheCodeFlowWithPkce_forAClientWithoutSecret() {
        JsonNode resources = template.path("Resources");
        JsonNode client = resources.path("ModeratorPoolClient").path("Properties");
        assertFalse(client.path("GenerateSecret").asBoolean(true), "a browser cannot keep a secret");
        assertTrue(client.path("AllowedOAuthFlowsUserPoolClient").asBoolean());
        assertEquals(List.of("code"), texts(client.path("AllowedOAuthFlows")), "code flow only, no implicit");
        assertEquals(Set.of("openid", "email", "profile"), Set.copyOf(texts(client.path("AllowedOAuthScopes"))));
        assertEquals(List.of("COGNITO"), texts(client.path("SupportedIdentityProviders")));
        assertFalse(texts(client.path("ExplicitAuthFlows")).contains("ALLOW_USER_PASSWORD_AUTH"), "no plain passwords");
        // !If [HasOwn..., !Ref the parameter, [the stack's own console]]: the parameter when given, else the site's console.
        assertEquals(List.of("HasOwnCallbackUrls", "ConsoleCallbackUrls"), texts(client.path("CallbackURLs")).subList(0, 2));
        assertEquals(List.of("HasOwnSignOutUrls", "ConsoleSignOutUrls"), texts(client.path("LogoutURLs")).subList(0, 2));
        assertTrue(client.path("CallbackURLs").path(2).toString().contains("https://${SiteDistribution.DomainName}/moderate.html"));
        assertTrue(client.path("LogoutURLs").path(2).toString().contains("https://${SiteDistribution.DomainName}/moderate.html"));
        JsonNode parameters = template.path("Parameters");
        for (String list : List.of("ConsoleCallbackUrls", "ConsoleSignOutUrls")) {
            assertEquals("CommaDelimitedList", parameters.path(list).path("Type").asText(), list);
        }

        assertEquals("ModeratorMfa", resources.path("ModeratorPool").path("Properties").path("MfaConfiguration").asText());
        assertEquals("OPTIONAL", parameters.path("ModeratorMfa").path("Default").asText(), "MFA optional by default");
        assertTrue(texts(parameters.path("ModeratorMfa").path("AllowedValues")).contains("ON"), "and required by a parameter");

        assertEquals("ESSENTIALS", resources.path("ModeratorPool").path("Properties").path("UserPoolTier").asText(),
                "the managed login needs Essentials or Plus, not the Lite tier");
        JsonNode domain = resources.path("ModeratorSignInDomain");
        assertEquals("AWS::Cognito::UserPoolDomain", domain.path("Type").asText());
        assertEquals("SignInDomainPrefix", domain.path("Properties").path("Domain").asText());
        assertEquals(2, domain.path("Properties").path("ManagedLoginVersion").asInt(), "the managed login");
        assertEquals("ModeratorPoolClient", resources.path("ModeratorSignInBranding").path("Properties").path("ClientId").asText(),
                "the managed login needs a style for the console's client");

        // A stack deployed before the sign-in, or without a prefix yet, still deploys without naming one.
        assertEquals("", parameters.path("SignInDomainPrefix").path("Default").asText("none"));
        for (String signIn : List.of("ModeratorSignInDomain", "ModeratorSignInBranding")) {
            assertEquals("HasSignInDomain", resources.path(signIn).path("Condition").asText(), signIn);
        }
        JsonNode outputs = template.path("Outputs");
        for (String output : List.of("ConsoleSignInUrl", "ConsoleConfig")) {
            assertEquals("HasSignInDomain", outputs.path(output).path("Condition").asText(), output);
        }
        assertTrue(outputs.path("ManagedLoginDomain").path("Value").toString().contains("deploy with SignInDomainPrefix"),
                "without a domain, the outputs say how to enable the sign-in");
        assertTrue(outputs.path("ConsoleSignInUrl").path("Value").toString().contains("ConsoleCallbackUrls"));
        String config = outputs.path("ConsoleConfig").path("Value").toString();
        for (String endpoint : List.of("/oauth2/authorize", "/oauth2/token", "/oauth2/revoke", "/logout", "ModeratorPoolClient")) {
            assertTrue(config.contains(endpoint), "ConsoleConfig names " + endpoint);
        }
    }

    @Test
    void everyAdminRouteKeepsTheCognitoAuthorizer_whichTakesTheIdToken() {
        JsonNode authorizer = template.path("Resources").path("Api").path("Properties").path("Auth").path("Authorizers")
                .path("ModeratorAuthorizer");
        assertTrue(authorizer.path("AuthorizationScopes").isMissingNode(),
                "with scopes the authorizer would want an access token, which has no name or email for replies");
        int adminRoutes = 0;
        for (var function : functions()) {
            for (JsonNode event : function.getValue().path("Properties").path("Events")) {
                JsonNode p = event.path("Properties");
                if (p.path("Path").asText().startsWith("/admin/")) {
                    boolean preflight = p.path("Method").asText().equalsIgnoreCase("OPTIONS");
                    adminRoutes += preflight ? 0 : 1;
                    assertEquals(preflight ? "" : "ModeratorAuthorizer", p.path("Auth").path("Authorizer").asText(),
                            p.path("Method").asText() + " " + p.path("Path").asText());
                }
            }
        }
        assertTrue(adminRoutes >= 16, "the console's routes are among them");
    }

    /**
     * SAM's {@code AutoPublishAlias} names a new version only for new code, so each function's version description
     * names every parameter that reaches its environment: a new value changes the description, and CloudFormation
     * replaces an {@code AWS::Lambda::Version} whose description changes, which publishes one (and a new snapshot)
     * for the live alias. A secret ({@code NoEcho}) stays out, as the description is readable: ConfigRevision
     * stands for it. Every value has a bounded length, so the description stays within Lambda's 256 characters.
     */
    @Test
    void aParameterReachingAFunctionsEnvironment_publishesANewVersion_withinTheDescriptionsLength() {
        JsonNode parameters = template.path("Parameters");
        String globalEnvironment = template.path("Globals").path("Function").path("Environment").toString();
        for (var function : functions()) {
            String environment = globalEnvironment + function.getValue().path("Properties").path("Environment");
            String description = function.getValue().path("Properties").path("VersionDescription").asText();
            assertTrue(description.contains("${ConfigRevision}"), function.getKey());
            int longest = description.replaceAll("\\$\\{[A-Za-z]+}", "").length();
            Matcher named = Pattern.compile("\\$\\{([A-Za-z]+)}").matcher(description);
            while (named.find()) {
                JsonNode parameter = parameters.path(named.group(1));
                assertFalse(parameter.path("NoEcho").asBoolean(), function.getKey() + " shows the secret " + named.group(1));
                longest += parameter.has("MaxLength") ? parameter.path("MaxLength").asInt()
                        : parameter.path("MaxValue").asText("unbounded " + named.group(1)).length();
            }
            assertTrue(longest <= 256, function.getKey() + "'s version description may reach " + longest + " characters");
            parameters.fieldNames().forEachRemaining(name -> {
                if (Pattern.compile("\\b" + name + "\\b").matcher(environment).find()
                        && !parameters.path(name).path("NoEcho").asBoolean()) {
                    assertTrue(description.contains("${" + name + "}"), name + " reaches " + function.getKey()
                            + "'s environment, but a new value would leave the live alias on the old version");
                }
            });
        }
    }

    /**
     * The secret that signs cursors is no parameter or environment value of the stack (both readable by anyone who
     * may read the functions' configuration): the functions that sign cursors read it from an SSM SecureString at
     * init, through one policy that may read that parameter alone; the stream functions get nothing of it.
     */
    @Test
    void theCursorSecret_reachesOnlyTheFunctionsThatSignCursors_fromSsm() {
        assertFalse(template.path("Globals").toString().contains("CURSOR_SECRET"), "every function would get it");
        assertTrue(template.path("Parameters").path("CursorSecret").isMissingNode(), "a secret as a stack parameter");
        Set<String> given = new TreeSet<>();
        for (var function : functions()) {
            JsonNode properties = function.getValue().path("Properties");
            JsonNode variables = properties.path("Environment").path("Variables");
            assertTrue(variables.path("CURSOR_SECRET").isMissingNode(), function.getKey() + " has the secret itself");
            boolean named = variables.has("CURSOR_SECRET_PARAMETER");
            assertEquals(named, texts(properties.path("Policies")).contains("CursorSecretReadPolicy"),
                    function.getKey() + ": the parameter's name and the policy to read it go together");
            if (named) {
                given.add(function.getKey());
                assertEquals("/${AWS::StackName}/cursor-secret", variables.path("CURSOR_SECRET_PARAMETER").asText());
            }
        }
        assertTrue(given.containsAll(Set.of("ArticlesFunction", "CommentsFunction", "AdminFunction")), given.toString());
        assertFalse(given.contains("CountsFunction") || given.contains("NotifierFunction"), given.toString());
        JsonNode statements = template.path("Resources").path("CursorSecretReadPolicy").path("Properties")
                .path("PolicyDocument").path("Statement");
        assertEquals(1, statements.size());
        assertEquals(Set.of("ssm:GetParameter"), actions(statements.get(0)));
        assertEquals("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${AWS::StackName}/cursor-secret",
                statements.get(0).path("Resource").asText());
    }

    /** IAM matches kms:Decrypt against the key's ARN, so an alias ARN would grant nothing: refused at deploy time. */
    @Test
    void theAkismetKmsKey_isEmptyOrAKeyArn_neverAnAlias() {
        Pattern allowed = Pattern.compile(template.path("Parameters").path("AkismetKeyKmsKeyArn").path("AllowedPattern").asText());
        for (String accepted : List.of("", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "arn:aws-cn:kms:cn-north-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab")) {
            assertTrue(allowed.matcher(accepted).matches(), accepted);
        }
        for (String refused : List.of("arn:aws:kms:eu-west-1:123456789012:alias/akismet", "alias/aws/ssm",
                "1234abcd-12ab-34cd-56ef-1234567890ab")) {
            assertFalse(allowed.matcher(refused).matches(), refused);
        }
    }

    /**
     * The distribution keys each public answer by the query parameters its route reads, else a cached answer would
     * be served for another page, or every query string would split the cache; and CloudFront takes at most 10 query
     * strings in a cache policy (a quota: a larger one fails the deploy with TooManyQueryStringsInCachePolicy).
     */
    @Test
    void theEdgeKeysEachPublicRouteByTheQueryParametersItReads_atMostTenACachePolicy() throws IOException {
        JsonNode resources = template.path("Resources");
        resources.fields().forEachRemaining(r -> {
            if (r.getValue().path("Type").asText().equals("AWS::CloudFront::CachePolicy")) {
                assertTrue(whitelist(template, r.getKey()).size() <= 10, r.getKey() + " keys more than 10 query strings");
            }
        });
        JsonNode distribution = resources.path("SiteDistribution").path("Properties").path("DistributionConfig");
        String pagesPolicy = distribution.path("DefaultCacheBehavior").path("CachePolicyId").asText();
        Map<String, String> policyByPath = new HashMap<>();
        distribution.path("CacheBehaviors").forEach(b -> policyByPath.put(b.path("PathPattern").asText(),
                b.path("CachePolicyId").asText()));
        String apiPolicy = policyByPath.get("/articles*");
        assertEquals(apiPolicy, policyByPath.get("/comments/*"));

        Set<String> pages = readBy("pages/ArticlePages.java", "pages/ListPages.java");
        pages.remove("redirect_to"); // read only by the thread fragment, which is under /articles
        Set<String> api = readBy("api/ArticlesFunction.java", "api/CommentsFunction.java");
        api.addAll(Set.of("cpage", "replytocom", "redirect_to")); // the thread fragment, /articles/{slug}/comments.html
        assertEquals(new TreeSet<>(pages), new TreeSet<>(whitelist(template, pagesPolicy)));
        assertEquals(new TreeSet<>(PagesFunction.CACHE_KEY_QUERY), new TreeSet<>(whitelist(template, pagesPolicy)),
                "the pages act on the parameters the cache is keyed by, and on no other");
        assertEquals(new TreeSet<>(api), new TreeSet<>(whitelist(template, apiPolicy)));
    }

    /** The query strings the cache policy {@code policy} of {@code template} keys by (none unless a whitelist). */
    static Set<String> whitelist(JsonNode template, String policy) {
        JsonNode config = template.path("Resources").path(policy).path("Properties").path("CachePolicyConfig")
                .path("ParametersInCacheKeyAndForwardedToOrigin").path("QueryStringsConfig");
        return config.path("QueryStringBehavior").asText().equals("whitelist")
                ? new HashSet<>(texts(config.path("QueryStrings"))) : Set.of();
    }

    /** The query parameters the given sources of {@code adapter/in} read ({@code query("x")}, {@code intParameter(.., "x")}). */
    private static Set<String> readBy(String... sources) throws IOException {
        Pattern read = Pattern.compile("(?:query|intParameter)\\((?:request, )?\"([a-z_-]+)\"");
        Set<String> names = new HashSet<>();
        for (String source : sources) {
            Matcher m = read.matcher(Files.readString(Path.of("src/main/java/dev/newsroom/adapter/in", source)));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
