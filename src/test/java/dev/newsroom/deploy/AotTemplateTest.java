package dev.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code template-aot.yaml} is what {@link AotTemplate} makes of {@code template.yaml} now, and it is the same stack
 * with image functions: every resource, parameter and output kept; each function's image command is the handler
 * the zip template names; nothing of the zip path (runtime, code folder, makefile build, SnapStart) is left.
 * With {@code -Daot.template.write=true} it writes the file instead of comparing.
 */
class AotTemplateTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @BeforeAll
    static void writeWhenAsked() throws Exception {
        if (Boolean.getBoolean("aot.template.write")) {
            AotTemplate.write();
        }
    }

    @Test
    void theImageTemplate_isGeneratedFromTheZipTemplate() throws Exception {
        assertEquals(AotTemplate.from(Files.readString(AotTemplate.SOURCE)), Files.readString(AotTemplate.TARGET),
                "template-aot.yaml is stale: mvn -q test -Dtest=AotTemplateTest -Daot.template.write=true");
    }

    @Test
    void everyFunctionRunsTheImage_withItsOwnHandler_andTheRestIsTheSameStack() throws Exception {
        JsonNode zip = YAML.readTree(AotTemplate.SOURCE.toFile());
        JsonNode image = YAML.readTree(AotTemplate.TARGET.toFile());
        for (String part : List.of("Parameters", "Conditions", "Outputs")) {
            assertEquals(zip.path(part), image.path(part), part);
        }
        assertEquals(names(zip.path("Resources")), names(image.path("Resources")));
        JsonNode globals = image.path("Globals").path("Function");
        for (String gone : List.of("Runtime", "CodeUri", "SnapStart", "Handler")) {
            assertFalse(globals.has(gone), gone);
        }
        int functions = 0;
        for (Map.Entry<String, JsonNode> resource : zip.path("Resources").properties()) {
            JsonNode zipped = resource.getValue();
            JsonNode imaged = image.path("Resources").path(resource.getKey());
            if (!"AWS::Serverless::Function".equals(zipped.path("Type").asText())) {
                assertEquals(zipped, imaged, resource.getKey());
                continue;
            }
            functions++;
            String name = resource.getKey();
            assertEquals("makefile", zipped.path("Metadata").path("BuildMethod").asText(), name);
            assertEquals(zipped.path("Properties").path("Handler").asText(),
                    imaged.path("Properties").path("ImageConfig").path("Command").path(0).asText(), name);
            assertEquals("Image", imaged.path("Properties").path("PackageType").asText(), name);
            assertEquals("Dockerfile", imaged.path("Metadata").path("Dockerfile").asText(), name);
            assertEquals(".", imaged.path("Metadata").path("DockerContext").asText(), name);
            assertFalse(imaged.path("Metadata").has("BuildMethod"), name);
            for (String gone : List.of("Handler", "Runtime", "CodeUri", "SnapStart")) {
                assertFalse(imaged.path("Properties").has(gone), name + " " + gone);
            }
            assertEquals(without(zipped.path("Properties"), "Handler", "SnapStart"),
                    without(imaged.path("Properties"), "PackageType", "ImageConfig"), name + ": everything else as in template.yaml");
        }
        assertTrue(functions >= 5, "functions: " + functions);
    }

    private static List<String> names(JsonNode resources) {
        List<String> names = new ArrayList<>();
        resources.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode without(JsonNode properties, String... fields) {
        var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) properties).deepCopy();
        copy.remove(List.of(fields));
        return copy;
    }
}
