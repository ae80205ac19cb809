package nn.layers.conv;

import java.util.List;
import nn.api.Config;

/** Keras's two-dimensional integer settings: {@code kernel_size: 3} or {@code [3, 3]} (height, width). */
final class Pairs {

    private Pairs() {
    }

    /** The positive pair under {@code key}, or {@code defaultValue} when absent or null. */
    static int[] get(Config config, String key, int[] defaultValue) {
        Object value = config.get(key).orElse(null);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number n && isPositiveInt(n)) {
            return new int[] {n.intValue(), n.intValue()};
        }
        if (value instanceof List<?> list && list.size() == 2 && list.get(0) instanceof Number a && isPositiveInt(a)
                && list.get(1) instanceof Number b && isPositiveInt(b)) {
            return new int[] {a.intValue(), b.intValue()};
        }
        throw config.invalid(key, value, "must be a positive integer or a list of two, e.g. [3, 3]");
    }

    static int[] require(Config config, String key) {
        if (config.get(key).isEmpty()) {
            throw config.invalid(key, null, "is required, e.g. [3, 3]");
        }
        return get(config, key, null);
    }

    static List<Integer> toList(int[] pair) {
        return List.of(pair[0], pair[1]);
    }

    private static boolean isPositiveInt(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) && d >= 1 && d <= Integer.MAX_VALUE;
    }
}
