package nn.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nn.api.Metric;
import nn.core.SavedNames;
import nn.core.Sequential;

/**
 * How a model is compiled, as Keras keeps it under {@code training_config}: the optimizer by name
 * with its configuration, the loss by name with its configuration (empty for a bare name) and the
 * metric names.
 */
public record CompileSpec(String optimizer, Map<String, Object> optimizerConfig, String loss,
        Map<String, Object> lossConfig, List<String> metrics) {

    public CompileSpec {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(loss, "loss");
        optimizerConfig = copy(optimizerConfig);
        lossConfig = copy(lossConfig);
        metrics = List.copyOf(metrics == null ? List.of() : metrics);
    }

    /**
     * The tutorial's settings: SGD with learning rate 0.01, decay 1e-6, momentum 0.9 and Nesterov;
     * sparse categorical cross-entropy; accuracy.
     */
    public static CompileSpec tutorial() {
        Map<String, Object> sgd = new LinkedHashMap<>();
        sgd.put("name", "SGD");
        sgd.put("learning_rate", 0.01);
        sgd.put("decay", 1e-6);
        sgd.put("momentum", 0.9);
        sgd.put("nesterov", true);
        return new CompileSpec("SGD", sgd, "sparse_categorical_crossentropy", Map.of(), List.of("accuracy"));
    }

    /**
     * What a compiled model uses: the optimizer's type (a plugin's qualified, see {@link SavedNames})
     * and configuration, the loss's, the metric names.
     */
    public static CompileSpec of(Sequential model) {
        return new CompileSpec(SavedNames.of(model.optimizer().getClass(), model.optimizer().type()), model.optimizer().config(), model.loss().name(),
                model.loss().config(), model.metrics().stream().map(Metric::name).toList());
    }

    /** Another optimizer, with exactly this configuration. */
    public CompileSpec withOptimizer(String name, Map<String, Object> config) {
        return new CompileSpec(name, config, loss, lossConfig, metrics);
    }

    /** The same optimizer with {@code learning_rate} set (and its old spelling {@code lr} dropped). */
    public CompileSpec withLearningRate(double learningRate) {
        Map<String, Object> config = new LinkedHashMap<>(optimizerConfig);
        config.remove("lr");
        config.put("learning_rate", learningRate);
        return withOptimizer(optimizer, config);
    }

    private static Map<String, Object> copy(Map<String, Object> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map == null ? Map.of() : map));
    }
}
