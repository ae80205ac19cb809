package nn.io;

import java.util.List;
import java.util.Objects;

/**
 * One saved tensor of a model file: a layer's weight or an optimizer slot, as raw float32 values in
 * row-major order.
 *
 * @param layer  the name of the layer it belongs to; null for an optimizer slot
 * @param name   its Keras path ({@code dense/kernel:0}, or {@code dense/kernel:0/momentum} for a slot);
 *               null when the format keeps only positions (Keras 3's {@code layers/dense/vars/0}): it
 *               then stands for the layer's (or the optimizer's) variable at the same position
 * @param shape  its dimensions
 * @param values its values; not copied (a model being saved lends its live arrays)
 * @param origin where it is in the file, for errors: {@code model.zip: weights.json: variables[3]}
 */
public record SavedTensor(String layer, String name, List<Integer> shape, float[] values, String origin) {

    public SavedTensor {
        shape = List.copyOf(shape);
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(origin, "origin");
    }

    /** The number of values the shape holds. */
    public long elements() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Its name, or its layer and position when the format keeps no name. */
    String describe(int position) {
        return name != null ? name : (layer == null ? "" : layer + "/") + "#" + position;
    }
}
