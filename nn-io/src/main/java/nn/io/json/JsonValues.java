package nn.io.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nn.api.NnException;

/**
 * The one place where JSON text and tree nodes meet Java values. Java values are what a
 * {@link nn.api.Config} holds: numbers become Integer, Long or Double; arrays {@link List};
 * objects {@link LinkedHashMap} (key order kept); JSON null stays null.
 */
public final class JsonValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonValues() {
    }

    /** Parses a JSON document; the error names {@code source} and Jackson's line and column. */
    public static JsonNode parse(String text, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new NnException(source + ": not valid JSON" + where + ": " + readable(e.getOriginalMessage()), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new NnException(source + ": empty; expected a JSON object");
        }
        return root;
    }

    /** Jackson's message without its note about the hidden source, which only repeats our own line and column. */
    private static String readable(String message) {
        return message.replaceAll("\\[Source: [^;]*; ", "[");
    }

    /** Pretty-printed JSON text of a Java value (see {@link #toJson}). */
    public static String write(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(value)) + "\n";
        } catch (JsonProcessingException e) {
            throw new NnException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                map.put(field.getKey(), toJava(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(toJava(element)));
            return list;
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /**
     * The JSON node of a configuration value: null, a String, a Boolean, a Number, a Map (keys as
     * strings) or an Iterable of these. A float is written as its shortest decimal (0.01f as 0.01).
     */
    public static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).intValue());
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Float f) {
            return number(Double.parseDouble(Float.toString(f)));
        }
        if (value instanceof Double d) {
            return number(d);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), toJson(v)));
            return object;
        }
        if (value instanceof Iterable<?> items) {
            ArrayNode array = NODES.arrayNode();
            items.forEach(item -> array.add(toJson(item)));
            return array;
        }
        throw new NnException("cannot write a " + value.getClass().getName() + " as JSON: " + value);
    }

    private static JsonNode number(double d) {
        if (!Double.isFinite(d)) {
            throw new NnException("cannot write " + d + " as JSON: only finite numbers are allowed");
        }
        return NODES.numberNode(d);
    }
}
