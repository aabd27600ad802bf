package dev.newsroom.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reads an SSM SecureString once, decrypted: one {@code GetParameter} call (SSM's JSON protocol), signed with the
 * SDK's own SigV4 signer and sent through the URLConnection client the DynamoDB client already uses, with the
 * same region and credentials. Not the SDK's {@code ssm} module: 6 MB in every function's package for this one
 * call at init. Its own class, so its classes load only in a container that names a parameter. The endpoint is
 * SSM's for the region, or {@code AWS_ENDPOINT_URL_SSM} / {@code AWS_ENDPOINT_URL} as the SDK would take them.
 * <p>
 * Under SnapStart the read runs when a version is published, so a passing failure would fail the deployment: a
 * throttle, an SSM 5xx, a network error or an {@code AccessDeniedException} (a role's policy that IAM has not
 * propagated yet) is tried again, {@value #ATTEMPTS} tries in all, with jittered pauses of about 10 s in all.
 * Any other refusal (a missing parameter, a key the role may not use) fails at once.
 */
final class SecureParameters {
    private static final JsonFactory JSON = new JsonFactory();
    static final int ATTEMPTS = 4;
    private static final long FIRST_PAUSE_MILLIS = 1_500;

    /** Waits before the {@code retry}-th retry (1, 2, ...). */
    @FunctionalInterface
    interface Backoff {
        void pause(int retry) throws InterruptedException;
    }

    /** Doubling pauses from 1.5 s, each between half and all of its share (1.5 + 3 + 6 s at most). */
    static final Backoff JITTERED = retry -> {
        long share = FIRST_PAUSE_MILLIS << (retry - 1);
        Thread.sleep(share / 2 + ThreadLocalRandom.current().nextLong(share / 2 + 1));
    };

    /** A failure worth another try: SSM throttled or failed, the network failed, or IAM has not caught up. */
    private static final class Passing extends RuntimeException {
        Passing(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private SecureParameters() {
    }

    static String read(AppConfig config, String name) {
        return read(config, name, System::getenv);
    }

    /** The same, with the endpoint overrides ({@code AWS_ENDPOINT_URL_SSM}, {@code AWS_ENDPOINT_URL}) from {@code env}. */
    static String read(AppConfig config, String name, java.util.function.UnaryOperator<String> env) {
        String override = firstSet(env.apply("AWS_ENDPOINT_URL_SSM"), env.apply("AWS_ENDPOINT_URL"));
        URI endpoint = override != null ? URI.create(override)
                : URI.create("https://" + ServiceMetadata.of("ssm").endpointFor(Region.of(config.region())));
        return read(config, name, endpoint);
    }

    static String read(AppConfig config, String name, URI endpoint) {
        return read(config, name, endpoint, JITTERED);
    }

    /**
     * The parameter's decrypted value, from SSM at {@code endpoint}, trying a passing failure again after
     * {@code backoff}; throws when SSM refuses, or still fails after {@value #ATTEMPTS} tries.
     */
    static String read(AppConfig config, String name, URI endpoint, Backoff backoff) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(config, name, endpoint);
            } catch (Passing e) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException(e.getMessage() + " (" + ATTEMPTS + " tries)", e.getCause());
                }
            }
            try {
                backoff.pause(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading " + name + " from SSM", e);
            }
        }
    }

    private static String attempt(AppConfig config, String name, URI endpoint) {
        byte[] body = request(name);
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AmazonSSM.GetParameter").build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AppContext.credentials(config, System::getenv).resolveCredentials())
                .request(unsigned).payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                .putProperty(AwsV4HttpSigner.REGION_NAME, config.region()));
        try (SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(5)).build()) {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            byte[] answer;
            try (InputStream in = response.responseBody().map(s -> (InputStream) s).orElse(InputStream.nullInputStream())) {
                answer = in.readAllBytes();
            }
            int status = response.httpResponse().statusCode();
            if (status != 200) {
                // SSM's error type only (e.g. ParameterNotFound, AccessDeniedException): never the request
                String type = field(answer, "__type");
                String refusal = "SSM refused GetParameter for " + name + ": HTTP " + status + " " + type;
                throw passing(status, type) ? new Passing(refusal, null) : new IllegalStateException(refusal);
            }
            String value = field(answer, "Value");
            if (value == null) {
                throw new IllegalStateException("SSM answered GetParameter for " + name + " without a value");
            }
            return value;
        } catch (IOException e) {
            throw new Passing("SSM could not be reached for " + name, e);
        }
    }

    /** Throttling (HTTP 400 with a throttling type, or 429), SSM's own failures, and IAM not yet propagated. */
    private static boolean passing(int status, String type) {
        String error = type == null ? "" : type.substring(type.lastIndexOf('#') + 1);
        return status >= 500 || status == 429 || error.startsWith("Throttling") || error.equals("TooManyUpdates")
                || error.equals("AccessDeniedException");
    }

    private static byte[] request(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("Name", name);
            json.writeBooleanField("WithDecryption", true);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The first string field of this name anywhere in the JSON answer ({@code Parameter.Value}, {@code __type}). */
    private static String field(byte[] answer, String name) {
        try (JsonParser json = JSON.createParser(answer)) {
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                if (token == JsonToken.FIELD_NAME && name.equals(json.currentName())
                        && json.nextToken() == JsonToken.VALUE_STRING) {
                    return json.getText();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String firstSet(String a, String b) {
        return a != null && !a.isBlank() ? a.trim() : b != null && !b.isBlank() ? b.trim() : null;
    }
}
