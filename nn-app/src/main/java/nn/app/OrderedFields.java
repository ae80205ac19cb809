package nn.app;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map of named values in the order given, for what the app writes to files (state.json,
 * bench JSON): {@code Map.of}'s iteration order changes from one JVM to the next, and the files
 * with it.
 */
public final class OrderedFields {

    private OrderedFields() {
    }

    /** {@code of("a", 1, "b", 2)}: keys and values in turn, keys strings, kept in that order. */
    public static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("OrderedFields.of needs keys and values in pairs, got "
                    + keysAndValues.length + " arguments");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key)) {
                throw new IllegalArgumentException("OrderedFields.of: argument " + i + " must be a key (a string), got "
                        + keysAndValues[i]);
            }
            fields.put(key, keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(fields);
    }
}
