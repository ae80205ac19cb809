package nn.io;

import java.util.List;
import java.util.Objects;

/**
 * What a model file keeps of an optimizer's progress: its Keras class name, the steps taken and
 * the slots (e.g. SGD's momentum of each variable), named {@code <variable path>/<slot>} or, in
 * formats that keep only positions, in the order of {@link nn.api.Optimizer#slots()}.
 *
 * @param origin where it is in the file, for errors
 */
public record OptimizerState(String className, long iterations, List<SavedTensor> slots, String origin) {

    public OptimizerState {
        Objects.requireNonNull(className, "className");
        slots = List.copyOf(slots);
        Objects.requireNonNull(origin, "origin");
    }
}
