package nn.io.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.api.NnException;

/**
 * A JSON node with where it is: the source (a file) and the path from the root, e.g.
 * {@code config.layers[3].class_name}. Typed getters fail with an {@link NnException} that names both.
 */
public final class JsonCursor {
    private final JsonNode node;
    private final String source;
    private final String path;

    private JsonCursor(JsonNode node, String source, String path) {
        this.node = node;
        this.source = source;
        this.path = path;
    }

    public static JsonCursor root(JsonNode node, String source) {
        return new JsonCursor(node, source, "");
    }

    public JsonNode node() {
        return node;
    }

    public String path() {
        return path;
    }

    /** Whether the key is there with a value other than null. */
    public boolean has(String key) {
        JsonNode child = node.get(key);
        return child != null && !child.isNull();
    }

    /** The value under the key; absent and null both count as missing. */
    public JsonCursor get(String key) {
        return optional(key).orElseThrow(() -> new NnException(prefix(childPath(key)) + "missing"));
    }

    public Optional<JsonCursor> optional(String key) {
        return has(key) ? Optional.of(new JsonCursor(node.get(key), source, childPath(key))) : Optional.empty();
    }

    public JsonCursor object(String key) {
        return get(key).requireObject();
    }

    public JsonCursor requireObject() {
        if (!node.isObject()) {
            throw error("must be a JSON object, got " + shown());
        }
        return this;
    }

    public String string(String key) {
        return get(key).requireString();
    }

    public String requireString() {
        if (!node.isTextual()) {
            throw error("must be a string, got " + shown());
        }
        return node.textValue();
    }

    /** The elements of an array, each with its path {@code key[i]}. */
    public List<JsonCursor> elements() {
        if (!node.isArray()) {
            throw error("must be a list, got " + shown());
        }
        List<JsonCursor> elements = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            elements.add(new JsonCursor(node.get(i), source, path + "[" + i + "]"));
        }
        return elements;
    }

    /** A whole number from 0 to {@code max}. */
    public long count(String key, long max) {
        JsonCursor value = get(key);
        JsonNode n = value.node;
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0 || n.longValue() > max) {
            throw value.error("must be a whole number from 0 to " + max + ", got " + value.shown());
        }
        return value.node.longValue();
    }

    /** The node as JSON text for an error message, cut short if long. */
    public String shown() {
        String text = node.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** The Java value (see {@link JsonValues#toJava}). */
    public Object toJava() {
        return JsonValues.toJava(node);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> toMap() {
        return (Map<String, Object>) requireObject().toJava();
    }

    /** Where this node is, for messages: {@code <source>: <path>}, or the source alone at the root. */
    public String where() {
        return path.isEmpty() ? source : source + ": " + path;
    }

    /** An error about this node: {@code <source>: <path>: <what>}. */
    public NnException error(String what) {
        return new NnException(prefix(path) + what);
    }

    private String prefix(String at) {
        return source + ": " + (at.isEmpty() ? "" : at + ": ");
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
