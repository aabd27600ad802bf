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

/**
 * Reads an SSM SecureString once, decrypted: one {@code GetParameter} call (SSM's JSON protocol), signed with the
 * SDK's own SigV4 signer and sent through the URLConnection client the DynamoDB client already uses, with the
 * same region and credentials. Not the SDK's {@code ssm} module: 6 MB in every function's package for this one
 * call at init. Its own class, so its classes load only in a container that names a parameter. The endpoint is
 * SSM's for the region, or {@code AWS_ENDPOINT_URL_SSM} / {@code AWS_ENDPOINT_URL} as the SDK would take them.
 */
final class SecureParameters {
    private static final JsonFactory JSON = new JsonFactory();

    private SecureParameters() {
    }

    static String read(AppConfig config, String name) {
        String override = firstSet(System.getenv("AWS_ENDPOINT_URL_SSM"), System.getenv("AWS_ENDPOINT_URL"));
        URI endpoint = override != null ? URI.create(override)
                : URI.create("https://" + ServiceMetadata.of("ssm").endpointFor(Region.of(config.region())));
        return read(config, name, endpoint);
    }

    /** The parameter's decrypted value, from SSM at {@code endpoint}; throws when SSM refuses or cannot be reached. */
    static String read(AppConfig config, String name, URI endpoint) {
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
            if (response.httpResponse().statusCode() != 200) {
                // SSM's error type only (e.g. ParameterNotFound, AccessDeniedException): never the request
                throw new IllegalStateException("SSM refused GetParameter for " + name + ": HTTP "
                        + response.httpResponse().statusCode() + " " + field(answer, "__type"));
            }
            String value = field(answer, "Value");
            if (value == null) {
                throw new IllegalStateException("SSM answered GetParameter for " + name + " without a value");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("SSM could not be reached for " + name, e);
        }
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
