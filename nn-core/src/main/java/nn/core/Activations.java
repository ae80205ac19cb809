package nn.core;

import java.util.Map;
import nn.api.Activation;
import nn.api.KerasObject;

/** How a layer's configuration names its activation, as Keras writes it. */
final class Activations {

    private Activations() {
    }

    /**
     * {@code "relu"}, or {@code {"class_name": "leaky_relu", "config": {"alpha": 0.1}}} when it has
     * parameters; a plugin's activation by its qualified name ({@code some.module/relu}), so that a
     * saved model gets the same one back.
     */
    static Object serialize(Activation activation) {
        Map<String, Object> config = activation.config();
        String name = SavedNames.of(activation.getClass(), activation.name());
        return config.isEmpty() ? name : KerasObject.of(name, config);
    }

    static boolean isLinear(Activation activation) {
        return activation.name().equals("linear");
    }
}
