package dev.newsroom.adapter.in.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.domain.ServiceException;

import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON configuration: strict parsing (duplicate keys, trailing tokens and deep nesting refused) into
 * trees that the readers check field by field, so a wrong type is a {@code malformed_body}, never a 500.
 */
public final class Json {
    private Json() {
    }

    public static ObjectMapper newMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(200_000).build())
                .build();
        ObjectMapper mapper = new ObjectMapper(factory);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper;
    }

    /** Parses a JSON object; anything else (array, scalar, broken JSON) is {@code malformed_body}. */
    public static ObjectNode parseObject(ObjectMapper mapper, String text) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw ServiceException.malformed("The body is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw ServiceException.malformed("The body must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    public static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }

    /** A string field or null; another type is {@code malformed_body}. */
    public static String text(JsonNode object, String field) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrongType(field, "a string");
        }
        return v.textValue();
    }

    public static Boolean bool(JsonNode object, String field) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw wrongType(field, "true or false");
        }
        return v.booleanValue();
    }

    /** An integral number field or null; fractions, strings and out-of-range numbers are {@code malformed_body}. */
    public static Long integer(JsonNode object, String field) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw wrongType(field, "a whole number");
        }
        return v.longValue();
    }

    /** A list of strings (empty when absent). */
    public static List<String> texts(JsonNode object, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode element : array(object, field)) {
            if (!element.isTextual()) {
                throw wrongType(field, "a list of strings");
            }
            out.add(element.textValue());
        }
        return out;
    }

    /** The elements of an array field, each required to be an object (empty when absent). */
    public static List<JsonNode> objects(JsonNode object, String field) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode element : array(object, field)) {
            if (!element.isObject()) {
                throw wrongType(field, "a list of objects");
            }
            out.add(element);
        }
        return out;
    }

    public static JsonNode object(JsonNode object, String field) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw wrongType(field, "an object");
        }
        return v;
    }

    private static JsonNode array(JsonNode object, String field) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!v.isArray()) {
            throw wrongType(field, "a list");
        }
        return v;
    }

    private static ServiceException wrongType(String field, String expected) {
        return ServiceException.malformed("The field " + field + " must be " + expected + ".");
    }
}
