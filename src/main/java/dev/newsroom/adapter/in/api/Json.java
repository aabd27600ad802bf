package dev.newsroom.adapter.in.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.newsroom.adapter.in.JsonWriter;
import dev.newsroom.domain.ServiceException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON through Jackson's streaming core, with no data binding and no reflection: request bodies are parsed
 * strictly (duplicate keys, trailing content and nesting deeper than 64 refused) into {@link JsonObject}
 * trees; responses are written from maps, lists and scalars. One instance per container ({@link ApiFunction#JSON}).
 *
 * <p>It lives in the HTTP adapter, not in {@code config}: its parse failures are the contract's {@code malformed_body}
 * and its trees are the handlers' {@link JsonObject}, and the handlers build it themselves, so the composition root
 * ({@code AppContext}) never depends on this adapter, which depends on it.
 */
public final class Json {
    static final int MAX_DEPTH = 64;
    private final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(200_000).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final JsonWriter writer = new JsonWriter(factory);

    /**
     * Parses a JSON object; anything else (array, scalar, broken or trailing JSON) is {@code malformed_body}. A
     * byte-order mark before it is ignored, as RFC 8259 (section 8.1) lets a parser do.
     */
    public JsonObject parseObject(String text) {
        String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (JsonParser parser = factory.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ServiceException.malformed("The body must be a JSON object.");
            }
            Map<String, Object> object = readObject(parser);
            if (parser.nextToken() != null) {
                throw ServiceException.malformed("The body has content after the JSON object.");
            }
            return new JsonObject(object);
        } catch (IOException e) {
            throw ServiceException.malformed("The body is not valid JSON.");
        }
    }

    private Map<String, Object> readObject(JsonParser parser) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            object.put(name, readValue(parser));
        }
        return object;
    }

    private Object readValue(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT:
                return readObject(parser);
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(readValue(parser));
                }
                return list;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getBigIntegerValue() : parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /** Writes maps, lists, strings, numbers, booleans, instants and null as JSON text. */
    public String write(Object value) {
        return writer.write(value);
    }
}
