package nn.io.keras;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nn.api.KerasObject;

/**
 * Where Keras 3 puts each layer's variables in {@code model.weights.h5}: {@code layers/<group>/vars/<i>},
 * the group named after the layer's class in snake case, made unique in layer order ({@code dense},
 * {@code dense_1}, ...) whatever the layers are called; {@code i} counts trainable then non-trainable
 * variables. Layers without variables take a name too (and get an empty {@code vars} group).
 */
final class KerasWeightsLayout {
    static final String LAYERS = "layers";
    static final String VARS = "vars";
    static final String OPTIMIZER_VARS = "optimizer/vars";

    private KerasWeightsLayout() {
    }

    /** The {@code vars} group path of each layer, given the layers' class names in model order. */
    static List<String> varsGroups(List<String> classNames) {
        Map<String, Integer> used = new HashMap<>();
        List<String> paths = new ArrayList<>();
        for (String className : classNames) {
            String base = KerasObject.snakeCase(className);
            Integer count = used.get(base);
            used.put(base, count == null ? 0 : count + 1);
            String group = count == null ? base : base + "_" + (count + 1);
            paths.add(LAYERS + "/" + group + "/" + VARS);
        }
        return paths;
    }
}
