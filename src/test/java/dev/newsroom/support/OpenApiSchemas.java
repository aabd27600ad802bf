package dev.newsroom.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code docs/openapi.yaml} (OpenAPI 3.1, so its schemas are JSON Schema 2020-12) and a maintained validator over
 * it. The whole document is the schema resource, so a {@code $ref} such as {@code #/components/schemas/Comment}
 * resolves against it exactly as an OpenAPI tool resolves it; {@code additionalProperties},
 * {@code unevaluatedProperties}, {@code "null"} in type lists, formats and ranges are all checked.
 */
public final class OpenApiSchemas {
    private static final String JSON = "application/json";

    private final JsonNode root;
    private final String documentIri;
    private final SchemaRegistry registry;

    public OpenApiSchemas(Path file) throws IOException {
        this.root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        if (!root.path("openapi").asText().startsWith("3.1.")) {
            throw new IllegalArgumentException(file + " must be OpenAPI 3.1 (JSON Schema 2020-12), not " + root.path("openapi"));
        }
        this.documentIri = file.toAbsolutePath().normalize().toUri().toString();
        String text = Files.readString(file);
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(documentIri, text))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    public JsonNode root() {
        return root;
    }

    /** The JSON response schema of one operation and status, as declared (a response {@code $ref} followed). */
    public Schema responseSchema(String path, String method, int status) {
        String pointer = "/paths/" + escape(path) + "/" + method.toLowerCase() + "/responses/" + status;
        JsonNode response = at(pointer);
        if (response.isMissingNode()) {
            throw new AssertionError("openapi.yaml declares no " + status + " for " + method + " " + path);
        }
        while (response.has("$ref")) {
            pointer = fragment(response.path("$ref").asText());
            response = at(pointer);
        }
        pointer += "/content/" + escape(JSON) + "/schema";
        if (at(pointer).isMissingNode()) {
            throw new AssertionError("openapi.yaml declares no JSON body for " + status + " of " + method + " " + path);
        }
        return schema(pointer);
    }

    /** A schema of {@code components/schemas} by name. */
    public Schema component(String name) {
        String pointer = "/components/schemas/" + escape(name);
        if (at(pointer).isMissingNode()) {
            throw new AssertionError("openapi.yaml has no schema " + name);
        }
        return schema(pointer);
    }

    /** Every way {@code value} breaks {@code schema}, as the validator words it; empty when it conforms. */
    public List<String> check(JsonNode value, Schema schema) {
        return schema.validate(value).stream().map(Object::toString).toList();
    }

    private Schema schema(String pointer) {
        Schema schema = registry.getSchema(SchemaLocation.of(documentIri + "#" + pointer));
        schema.initializeValidators();
        return schema;
    }

    private JsonNode at(String pointer) {
        return root.at(pointer);
    }

    private static String fragment(String ref) {
        if (!ref.startsWith("#/")) {
            throw new AssertionError("only local references are expected in openapi.yaml: " + ref);
        }
        return ref.substring(1);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
