package dev.newsroom.config;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Which credentials the DynamoDB client uses: the SDK's default chain in Lambda, dummy ones only locally. */
class AppContextCredentialsTest {
    private static AwsCredentialsProvider provider(Map<String, String> env) {
        Map<String, String> settings = new HashMap<>(env);
        return AppContext.credentials(AppConfig.from(settings::get), settings::get);
    }

    @Test
    void inLambda_theDefaultChain_evenWithAnEndpointOverrideAndNoKeyVariables() {
        // SnapStart: no key variables, the container-credentials endpoint instead.
        assertInstanceOf(DefaultCredentialsProvider.class, provider(Map.of("AWS_LAMBDA_FUNCTION_NAME", "comments",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/credentials",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000")));
        assertInstanceOf(DefaultCredentialsProvider.class, provider(Map.of("AWS_LAMBDA_FUNCTION_NAME", "comments")));
    }

    @Test
    void locally_dummyCredentials_onlyWithAnEndpointAndNothingConfigured() {
        var local = provider(Map.of("AWS_ENDPOINT_URL", "http://localhost:4566"));
        assertInstanceOf(StaticCredentialsProvider.class, local);
        assertEquals("local", local.resolveCredentials().accessKeyId());
        assertInstanceOf(DefaultCredentialsProvider.class, provider(Map.of("AWS_ENDPOINT_URL", "http://localhost:4566",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/credentials")));
        assertInstanceOf(DefaultCredentialsProvider.class, provider(Map.of()));
    }
}
