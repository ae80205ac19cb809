package nn.layers.conv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nn.api.BuildContext;
import nn.api.Config;
import nn.api.ConfigKeys;
import nn.api.NnException;
import nn.api.Shape;
import nn.api.ViewLayer;

/**
 * Keras 2's {@code Reshape}: each sample to {@code target_shape}, where one dimension may be -1
 * (inferred). Samples are stored row-major, so the values pass through unchanged.
 */
public final class Reshape extends ViewLayer {
    public static final String TYPE = "Reshape";

    private final List<Integer> target;

    public Reshape(Config config) {
        super(TYPE, config, ConfigKeys.layer("target_shape"));
        target = parse(config);
    }

    private static List<Integer> parse(Config config) {
        Object value = config.get("target_shape").orElse(null);
        String rule = "must be a list of positive integers with at most one -1, e.g. [28, 28, 1]";
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw config.invalid("target_shape", value, rule);
        }
        List<Integer> dims = new ArrayList<>();
        for (Object d : list) {
            if (!(d instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                    || !(n.intValue() > 0 || n.intValue() == -1)) {
                throw config.invalid("target_shape", value, rule);
            }
            dims.add(n.intValue());
        }
        if (dims.stream().filter(d -> d == -1).count() > 1) {
            throw config.invalid("target_shape", value, rule);
        }
        return List.copyOf(dims);
    }

    @Override
    protected Shape onBuild(Shape inputShape, BuildContext context) {
        long known = target.stream().filter(d -> d > 0).mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
        int size = inputShape.size();
        int[] dims = target.stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == -1) {
                dims[i] = size % known == 0 ? (int) (size / known) : -1;
            }
        }
        if (dims.length == 0 || Arrays.stream(dims).asLongStream().reduce(1, (a, b) -> a * b) != size
                || Arrays.stream(dims).anyMatch(d -> d <= 0)) {
            throw new NnException("layer " + name() + ": cannot reshape inputs of shape " + inputShape + " (" + size
                    + " values) to target_shape " + target);
        }
        return Shape.of(dims);
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("target_shape", target);
    }
}
