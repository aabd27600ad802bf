package dev.newsroom.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code docs/openapi.yaml} and checks JSON values against its schemas: {@code $ref}, {@code allOf},
 * {@code type}, {@code nullable}, {@code required}, {@code properties}, {@code items} and {@code enum}. Enough to
 * catch a response that drifts from the description; not a full validator.
 */
public final class OpenApiSchemas {
    private final JsonNode root;

    public OpenApiSchemas(Path file) throws IOException {
        this.root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    }

    public JsonNode root() {
        return root;
    }

    /** The response schema of one operation and status, as declared. */
    public JsonNode responseSchema(String path, String method, int status) {
        JsonNode response = resolve(root.path("paths").path(path).path(method.toLowerCase()).path("responses")
                .path(Integer.toString(status)));
        if (response.isMissingNode()) {
            throw new AssertionError("openapi.yaml declares no " + status + " for " + method + " " + path);
        }
        return resolve(response.path("content").path("application/json").path("schema"));
    }

    /** Every mismatch between {@code value} and {@code schema}, as readable paths; empty when it conforms. */
    public List<String> check(JsonNode value, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        check(value, resolve(schema), "$", problems);
        return problems;
    }

    private void check(JsonNode value, JsonNode schema, String where, List<String> problems) {
        if (schema.has("allOf")) {
            schema.path("allOf").forEach(part -> check(value, resolve(part), where, problems));
            return;
        }
        if (value == null || value.isMissingNode()) {
            problems.add(where + " is missing");
            return;
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                problems.add(where + " is null but not nullable");
            }
            return;
        }
        String type = schema.path("type").asText("");
        boolean typeOk = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
        if (!typeOk) {
            problems.add(where + " should be " + type + " but is " + value.getNodeType());
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.path("enum")) {
                listed |= option.asText().equals(value.asText());
            }
            if (!listed) {
                problems.add(where + " = " + value + " is not in " + schema.path("enum"));
            }
        }
        schema.path("required").forEach(name -> {
            if (!value.has(name.asText())) {
                problems.add(where + "." + name.asText() + " is required");
            }
        });
        schema.path("properties").fields().forEachRemaining(p -> {
            if (value.has(p.getKey())) {
                check(value.get(p.getKey()), resolve(p.getValue()), where + "." + p.getKey(), problems);
            }
        });
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), resolve(schema.path("items")), where + "[" + i + "]", problems);
            }
        }
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.path("$ref").asText();
            JsonNode target = root;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            current = target;
        }
        return current;
    }
}
