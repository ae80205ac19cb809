package nn.io.tfjs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * tfjs writes its optimizer into {@code trainingConfig} in its own words: class names {@code Momentum}
 * and {@code RMSProp}, configuration keys in camel case ({@code learningRate}, {@code useNesterov};
 * RMSProp's {@code decay} is Keras's {@code rho}). This puts them in Keras's words, which nn's
 * optimizers read; a Keras configuration passes unchanged.
 */
final class TfjsTrainingConfig {
    private static final Map<String, String> KEYS = Map.of("learningRate", "learning_rate", "useNesterov", "nesterov",
            "beta1", "beta_1", "beta2", "beta_2", "initialAccumulatorValue", "initial_accumulator_value");
    private static final Map<String, String> CLASSES = Map.of("Momentum", "SGD", "RMSProp", "RMSprop");

    private TfjsTrainingConfig() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toKeras(Map<String, Object> training) {
        if (!(training.get("optimizer_config") instanceof Map<?, ?> optimizer)) {
            return training;
        }
        String className = String.valueOf(optimizer.get("class_name"));
        Map<String, Object> config = new LinkedHashMap<>();
        if (optimizer.get("config") instanceof Map<?, ?> given) {
            boolean tfjsWords = given.containsKey("learningRate");
            ((Map<String, Object>) given).forEach((key, value) -> config.put(tfjsWords ? kerasKey(className, key) : key, value));
        }
        Map<String, Object> object = new LinkedHashMap<>((Map<String, Object>) optimizer);
        object.put("class_name", CLASSES.getOrDefault(className, className));
        object.put("config", config);
        Map<String, Object> keras = new LinkedHashMap<>(training);
        keras.put("optimizer_config", object);
        return keras;
    }

    private static String kerasKey(String className, String key) {
        return className.equals("RMSProp") && key.equals("decay") ? "rho" : KEYS.getOrDefault(key, key);
    }
}
