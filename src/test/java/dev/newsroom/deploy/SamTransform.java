package dev.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code template.yaml} as CloudFormation receives it: SAM's own transform (aws-sam-translator, run offline by
 * {@code .ci/sam-transform.py --json}). A test using it is skipped where Python or the translator is missing.
 */
final class SamTransform {
    private static JsonNode transformed;

    private SamTransform() {
    }

    static synchronized JsonNode template() throws IOException, InterruptedException {
        if (transformed == null) {
            assumeTrue(available(), "python3 with aws-sam-translator and PyYAML is not installed");
            Process process = new ProcessBuilder("python3", ".ci/sam-transform.py", "template.yaml", "--json")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("the SAM transform failed: " + new String(output, StandardCharsets.UTF_8));
            }
            transformed = new ObjectMapper().readTree(output);
        }
        return transformed;
    }

    /** The REST API's OpenAPI body (its paths, methods and security), as SAM generated it. */
    static JsonNode restApiBody() throws IOException, InterruptedException {
        for (JsonNode resource : template().path("Resources")) {
            if (resource.path("Type").asText().equals("AWS::ApiGateway::RestApi")) {
                return resource.path("Properties").path("Body");
            }
        }
        throw new AssertionError("the transformed template has no REST API");
    }

    private static boolean available() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import samtranslator, yaml")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException noPython) {
            return false;
        }
    }
}
