package dev.newsroom.config;

import dev.newsroom.adapter.out.akismet.AkismetSpamCheck;
import dev.newsroom.adapter.out.dynamodb.CursorCodec;
import dev.newsroom.adapter.out.dynamodb.DynamoApprovalCounts;
import dev.newsroom.adapter.out.dynamodb.DynamoArticleRepository;
import dev.newsroom.adapter.out.dynamodb.DynamoCommentRepository;
import dev.newsroom.adapter.out.dynamodb.DynamoDigestLedger;
import dev.newsroom.adapter.out.dynamodb.DynamoSettingsRepository;
import dev.newsroom.adapter.out.dynamodb.TableSetup;
import dev.newsroom.adapter.out.html.JsoupArticleHtmlSanitizer;
import dev.newsroom.application.ArticleService;
import dev.newsroom.application.CommentQueries;
import dev.newsroom.application.CountApprovals;
import dev.newsroom.application.Moderation;
import dev.newsroom.application.NotifyModerators;
import dev.newsroom.application.ModeratorReply;
import dev.newsroom.application.Privacy;
import dev.newsroom.application.SettingsService;
import dev.newsroom.application.SubmitComment;
import dev.newsroom.application.UlidGenerator;
import dev.newsroom.application.port.ArticleHtmlSanitizer;
import dev.newsroom.application.port.CommentRepository;
import dev.newsroom.application.port.ModeratorAlerts;
import dev.newsroom.application.port.SpamCheck;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The composition root: every client, schema, mapper and use case is built here once per container (Lambda's
 * init phase, which SnapStart snapshots) and shared by all handlers of that container.
 */
public final class AppContext {
    private final AppConfig config;
    private final DynamoDbClient dynamo;
    private final ArticleService articles;
    private final CommentQueries commentQueries;
    private final SubmitComment submitComment;
    private final Moderation moderation;
    private final ModeratorReply moderatorReply;
    private final SettingsService settings;
    private final Privacy privacy;
    private final CountApprovals countApprovals;
    private final Clock clock;
    private final CommentRepository commentRepository;
    private final DynamoArticleRepository articleRepository;
    private ArticleHtmlSanitizer articleHtmlSanitizer;

    public AppContext(AppConfig config, DynamoDbClient dynamo, Clock clock) {
        this.config = config;
        this.dynamo = dynamo;
        this.clock = clock;
        // No extensions: versions and counters are written by our own conditional expressions.
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).extensions().build();
        CursorCodec cursors = new CursorCodec(config.cursorSecret());
        var articleRepo = new DynamoArticleRepository(dynamo, enhanced, config.tableName(), cursors,
                DynamoArticleRepository.DELETION_BUDGET, config.deletionSettle());
        var commentRepo = new DynamoCommentRepository(dynamo, enhanced, config.tableName(), cursors, clock, config.queueShards());
        this.commentRepository = commentRepo;
        this.articleRepository = articleRepo;
        this.settings = new SettingsService(new DynamoSettingsRepository(dynamo, config.tableName()), clock,
                config.settingsRefresh());
        this.articles = new ArticleService(articleRepo, clock, this::articleHtmlSanitizer);
        this.commentQueries = new CommentQueries(articles, commentRepo);
        SpamCheck spamCheck = spamCheck(config);
        this.submitComment = new SubmitComment(articles, commentRepo, settings, new UlidGenerator(clock), clock, spamCheck);
        this.moderation = new Moderation(commentRepo, clock, spamCheck);
        this.moderatorReply = new ModeratorReply(commentRepo, settings, new UlidGenerator(clock), clock);
        this.privacy = new Privacy(commentRepo, clock);
        this.countApprovals = new CountApprovals(new DynamoApprovalCounts(dynamo, config.tableName(), clock));
    }

    /**
     * The article sanitizer (and its HTML library), built when an editor first sends HTML: only the admin function
     * gets there, so reading articles and comments loads none of it. Links to the CORS origins stay on the site.
     */
    private synchronized ArticleHtmlSanitizer articleHtmlSanitizer() {
        if (articleHtmlSanitizer == null) {
            articleHtmlSanitizer = new JsoupArticleHtmlSanitizer(config.allowedOrigins());
        }
        return articleHtmlSanitizer;
    }

    /**
     * The spam service when a key is configured (the key itself, or read once here, at init, from its SSM
     * SecureString: a parameter that cannot be read fails the init, so a misconfigured stack fails its deployment);
     * {@link SpamCheck#OFF} otherwise, and then no HTTP client for it is ever made.
     */
    static SpamCheck spamCheck(AppConfig config) {
        var spam = config.spamService();
        String key = spam.apiKey() != null ? spam.apiKey()
                : spam.apiKeyParameter() != null ? SecureParameters.read(config, spam.apiKeyParameter()) : null;
        return key == null || key.isBlank() ? SpamCheck.OFF
                : new AkismetSpamCheck(key.trim(), spam.endpoint(), spam.blog(), spam.budget(), spam.test());
    }

    /** The container-wide context, built on first use from the environment. */
    public static AppContext shared() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final AppContext INSTANCE = fromEnvironment();
    }

    public static AppContext fromEnvironment() {
        AppConfig config = AppConfig.fromEnvironment();
        return new AppContext(config, dynamoClient(config), Clock.tickMillis(java.time.ZoneOffset.UTC));
    }

    /** A DynamoDB client on the JDK's URLConnection, with explicit region, credentials and tight timeouts. */
    public static DynamoDbClient dynamoClient(AppConfig config) {
        return dynamoClientBuilder(config).build();
    }

    /** The builder behind {@link #dynamoClient}, for callers that add to it (tests inject faults here). */
    public static DynamoDbClientBuilder dynamoClientBuilder(AppConfig config) {
        var builder = DynamoDbClient.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config, System::getenv))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5)))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallAttemptTimeout(Duration.ofSeconds(5))
                        .apiCallTimeout(Duration.ofSeconds(12))
                        .build());
        if (config.endpoint() != null) {
            builder.endpointOverride(URI.create(config.endpoint()));
        }
        return builder;
    }

    /**
     * A client of the table's change stream with the same region, credentials and endpoint: for reading the
     * stream where no Lambda event source mapping does it (the local runner, tests).
     */
    public static DynamoDbStreamsClient streamsClient(AppConfig config) {
        var builder = DynamoDbStreamsClient.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config, System::getenv))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (config.endpoint() != null) {
            builder.endpointOverride(URI.create(config.endpoint()));
        }
        return builder.build();
    }

    /**
     * In Lambda, the SDK's default chain: key variables with a session token (on-demand starts) or the
     * container-credentials endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and its authorization token,
     * which SnapStart functions get instead of key variables). Its providers cache temporary credentials with
     * their expiry and fetch new ones before they go stale, also after a SnapStart restore. Locally, with an
     * endpoint override and nothing configured, dummy credentials (DynamoDB Local and LocalStack accept any).
     */
    static AwsCredentialsProvider credentials(AppConfig config, UnaryOperator<String> env) {
        if (env.apply("AWS_LAMBDA_FUNCTION_NAME") != null) {
            return DefaultCredentialsProvider.builder().build();
        }
        boolean configured = env.apply("AWS_ACCESS_KEY_ID") != null || System.getProperty("aws.accessKeyId") != null
                || env.apply("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null
                || env.apply("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") != null;
        if (config.endpoint() != null && !configured) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    public AppConfig config() {
        return config;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    /**
     * Creates the table when it is missing ({@link TableSetup}): for the AOT training run ({@code Training}), which
     * runs in the image build against DynamoDB Local. Never called in Lambda, where {@code template.yaml} makes it.
     */
    public void ensureTable() {
        TableSetup.ensureTable(dynamo, config.tableName());
    }

    public Clock clock() {
        return clock;
    }

    public ArticleService articles() {
        return articles;
    }

    public CommentQueries commentQueries() {
        return commentQueries;
    }

    public SubmitComment submitComment() {
        return submitComment;
    }

    public Moderation moderation() {
        return moderation;
    }

    public ModeratorReply moderatorReply() {
        return moderatorReply;
    }

    public SettingsService settings() {
        return settings;
    }

    /**
     * The comment store itself, past the use cases. Main code uses it: SnapStart priming ({@code Priming}) sends a
     * submission's and a moderation's transactions straight to it, ones DynamoDB refuses, so that no data changes;
     * the local runner's sample data and tests load comments through it.
     */
    public CommentRepository commentRepository() {
        return commentRepository;
    }

    /**
     * The article store itself, past the use cases: the local runner's WordPress import writes articles with the
     * times of the export, not the clock's, each marked with the post it was made from.
     */
    public DynamoArticleRepository articleRepository() {
        return articleRepository;
    }

    public CountApprovals countApprovals() {
        return countApprovals;
    }

    public Privacy privacy() {
        return privacy;
    }

    /** Telling moderators of held and spam comments through {@code alerts}: for the notifier function only. */
    public NotifyModerators notifyModerators(ModeratorAlerts alerts) {
        return new NotifyModerators(new DynamoDigestLedger(dynamo, config.tableName()), alerts, clock);
    }

    /**
     * The notifier's SNS topic ({@code NOTIFY_TOPIC_ARN}, with {@code MODERATION_CONSOLE_URL} for the link), built
     * in {@link ModeratorTopic} so that only the notifier function loads the SNS client.
     */
    public static ModeratorAlerts moderatorAlerts() {
        return ModeratorTopic.fromEnvironment(AppConfig.fromEnvironment());
    }
}
