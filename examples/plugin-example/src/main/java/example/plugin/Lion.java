package example.plugin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nn.api.Config;
import nn.api.NnException;
import nn.api.Optimizer;
import nn.api.Variable;
import org.ejml.data.FMatrixRMaj;

/**
 * Lion, "evolved sign momentum" (Chen et al. 2023, "Symbolic Discovery of Optimization
 * Algorithms"), as Keras 3's {@code keras.optimizers.Lion}. For each weight w with gradient g and
 * momentum m (slot {@code momentum}, starting at zero):
 * <pre>
 * c = beta_1 * m + (1 - beta_1) * g
 * w = w - learning_rate * sign(c)
 * m = beta_2 * m + (1 - beta_2) * g
 * </pre>
 * Every step moves each weight by exactly the learning rate (or not at all), so Lion wants a
 * rate 3 to 10 times smaller than Adam's. Keys: {@code learning_rate} (0.001, > 0),
 * {@code beta_1} (0.9, in (0, 1]), {@code beta_2} (0.99, in [0, 1]), {@code name} ("Lion").
 */
public final class Lion implements Optimizer {
    public static final String TYPE = "Lion";
    private static final List<String> KEYS = List.of("name", "learning_rate", "beta_1", "beta_2");

    private final String name;
    private final float learningRate;
    private final float beta1;
    private final float beta2;
    /** The momentum slot of each variable, in the order the variables were first seen. */
    private final Map<Variable, FMatrixRMaj> momentum = new LinkedHashMap<>();
    private long iterations;

    public Lion(Config config) {
        for (String key : config.asMap().keySet()) {
            if (!KEYS.contains(key)) {
                throw config.invalid(key, config.asMap().get(key), "is not a setting of " + TYPE + " (known: "
                        + String.join(", ", KEYS) + ")");
            }
        }
        this.name = config.getString("name", TYPE);
        this.learningRate = config.getFloat("learning_rate", 0.001f);
        this.beta1 = config.getFloat("beta_1", 0.9f);
        this.beta2 = config.getFloat("beta_2", 0.99f);
        if (!(learningRate > 0f && Float.isFinite(learningRate))) {
            throw config.invalid("learning_rate", config.asMap().get("learning_rate"), "must be a finite number > 0");
        }
        if (!(beta1 > 0f && beta1 <= 1f)) {
            throw config.invalid("beta_1", config.asMap().get("beta_1"), "must be in (0, 1]");
        }
        if (!(beta2 >= 0f && beta2 <= 1f)) {
            throw config.invalid("beta_2", config.asMap().get("beta_2"), "must be in [0, 1]");
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void build(List<Variable> variables) {
        for (Variable v : variables) {
            if (v.trainable()) {
                momentum.computeIfAbsent(v, Lion::zerosLike);
            }
        }
    }

    @Override
    public void apply(List<Variable> variables) {
        for (int k = 0, count = variables.size(); k < count; k++) {
            Variable v = variables.get(k);
            if (!v.trainable()) {
                continue;
            }
            float[] w = v.value().data;
            float[] g = v.gradient().data;
            float[] m = momentum.computeIfAbsent(v, Lion::zerosLike).data;
            for (int i = 0, n = v.size(); i < n; i++) {
                float c = beta1 * m[i] + (1f - beta1) * g[i];
                w[i] -= learningRate * Math.signum(c);
                m[i] = beta2 * m[i] + (1f - beta2) * g[i];
            }
        }
        iterations++; // counted even with no variables, as Keras does
    }

    @Override
    public long iterations() {
        return iterations;
    }

    @Override
    public void setIterations(long iterations) {
        if (iterations < 0) {
            throw new NnException("optimizer " + name + ": iterations must be >= 0, got " + iterations);
        }
        this.iterations = iterations;
    }

    /** The live momentum of each variable, keyed {@code <variable path>/momentum}. */
    @Override
    public Map<String, FMatrixRMaj> slots() {
        Map<String, FMatrixRMaj> slots = new LinkedHashMap<>();
        momentum.forEach((v, m) -> slots.put(v.path() + "/momentum", m));
        return slots;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("learning_rate", number(learningRate));
        config.put("beta_1", number(beta1));
        config.put("beta_2", number(beta2));
        return config;
    }

    @Override
    public String toString() {
        return TYPE + " " + config();
    }

    private static FMatrixRMaj zerosLike(Variable v) {
        return new FMatrixRMaj(v.value().numRows, v.value().numCols);
    }

    /** The shortest decimal of a float, so that 3e-4f is written (and read back) as 3.0E-4, not 3.0000001E-4. */
    private static Double number(float value) {
        return Double.valueOf(Float.toString(value));
    }
}
