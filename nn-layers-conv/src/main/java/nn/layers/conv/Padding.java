package nn.layers.conv;

import java.util.Locale;
import nn.api.Config;

/**
 * Keras's {@code padding} of a 2D window along one axis. {@code valid}: windows lie inside the
 * input. {@code same}: ceil(in / stride) outputs, the input padded by what that needs, with the odd
 * element of an odd total at the end (bottom, right), as TensorFlow does.
 */
public enum Padding {
    VALID, SAME;

    /** Number of outputs along an axis of {@code in} elements for a window spanning {@code span} elements. */
    int outputs(int in, int span, int stride) {
        return this == SAME ? ceilDiv(in, stride) : in < span ? 0 : (in - span) / stride + 1;
    }

    /** Padding before the first element (top, left): half of the total, rounded down. */
    int before(int in, int span, int stride) {
        if (this == VALID) {
            return 0;
        }
        int total = Math.max((outputs(in, span, stride) - 1) * stride + span - in, 0);
        return total / 2;
    }

    String keras() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Padding parse(Config config) {
        Object value = config.get("padding").orElse("valid");
        if (value instanceof String s) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "valid": return VALID;
                case "same": return SAME;
                default: break;
            }
        }
        throw config.invalid("padding", value, "must be \"valid\" or \"same\"");
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
