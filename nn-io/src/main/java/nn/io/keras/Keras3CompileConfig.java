package nn.io.keras;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nn.api.KerasObject;
import nn.api.NnException;

/**
 * Keras 3's {@code compile_config} ({@code optimizer}, {@code loss}, {@code metrics}, ...) as the
 * Keras 2 {@code training_config} nn's model files hold; an empty one means not compiled.
 */
final class Keras3CompileConfig {

    private Keras3CompileConfig() {
    }

    static Optional<Map<String, Object>> trainingConfig(Object compileConfig, String where) {
        if (compileConfig == null || compileConfig instanceof Map<?, ?> map && map.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> compile = Keras3ConfigReader.map(compileConfig, where);
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("loss", Keras3ConfigReader.plain(compile.get("loss")));
        training.put("metrics", Keras3ConfigReader.plain(compile.get("metrics")));
        Object optimizer = compile.get("optimizer");
        if (optimizer instanceof String name) {
            training.put("optimizer_config", KerasObject.of(name, Map.of()));
        } else if (optimizer instanceof Map<?, ?> object) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("class_name", object.get("class_name"));
            Map<String, Object> config = object.get("config") == null ? Map.of()
                    : Keras3ConfigReader.map(object.get("config"), where + ": optimizer.config");
            out.put("config", OptimizerConfigs.toKeras2(config, where + ": optimizer.config"));
            training.put("optimizer_config", out);
        } else {
            throw new NnException(where + ": optimizer: missing, or not a name or an object");
        }
        return Optional.of(training);
    }

    /** Whether Keras 3 keeps a learning-rate variable ({@code optimizer/vars/1}): yes unless the rate is a schedule. */
    static boolean keepsLearningRateVariable(Object compileConfig) {
        return !(compileConfig instanceof Map<?, ?> compile && compile.get("optimizer") instanceof Map<?, ?> optimizer
                && optimizer.get("config") instanceof Map<?, ?> config && config.get("learning_rate") instanceof Map<?, ?>);
    }
}
