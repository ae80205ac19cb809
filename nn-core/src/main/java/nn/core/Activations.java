package nn.core;

import java.util.Map;
import nn.api.Activation;

/** How a layer's configuration names its activation, as Keras writes it. */
final class Activations {

    private Activations() {
    }

    /** {@code "relu"}, or {@code {"class_name": "leaky_relu", "config": {"alpha": 0.1}}} when it has parameters. */
    static Object serialize(Activation activation) {
        Map<String, Object> config = activation.config();
        return config.isEmpty() ? activation.name() : Map.of("class_name", activation.name(), "config", config);
    }

    static boolean isLinear(Activation activation) {
        return activation.name().equals("linear");
    }
}
