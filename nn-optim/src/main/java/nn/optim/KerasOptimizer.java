package nn.optim;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nn.api.Config;
import nn.api.NnException;
import nn.api.Optimizer;
import nn.api.Variable;
import org.ejml.data.FMatrixRMaj;

/**
 * What every optimizer shares, as in Keras 2's {@code OptimizerV2}: the keys {@code name},
 * {@code learning_rate} (or its old spelling {@code lr}) and {@code decay}; the step count; the
 * time-inverse decay {@code lr_t = lr / (1 + decay * iterations)}, using the count before the
 * step; and the slots, one matrix per trainable variable and slot name, created once and then
 * updated in place.
 *
 * <p>Variables that are not trainable (for example those of a frozen layer) get no slots and are
 * skipped. Each {@link #apply} counts one step, even with no variables, as Keras's
 * {@code apply_gradients} does.
 */
abstract class KerasOptimizer implements Optimizer {
    private final String type;
    private final String name;
    private final float learningRate;
    private final float decay;
    private final List<Variable> slotOwners = new ArrayList<>();
    private final Map<Variable, FMatrixRMaj[]> slotsByVariable = new IdentityHashMap<>();
    private final Set<String> slotOwnerPaths = new LinkedHashSet<>();
    private long iterations;

    /**
     * Reads the shared keys and rejects keys that this optimizer does not know.
     *
     * @param ownKeys the keys the subclass reads, in its {@link #config()} order
     */
    KerasOptimizer(String type, Config config, double defaultLearningRate, String... ownKeys) {
        this.type = type;
        rejectUnknownKeys(config, ownKeys);
        this.name = config.getString("name", type);
        String rateKey = !config.has("learning_rate") && config.has("lr") ? "lr" : "learning_rate";
        this.learningRate = positive(config, rateKey, defaultLearningRate);
        this.decay = nonNegative(config, "decay", 0.0);
    }

    /** The slot names, e.g. {@code momentum}; may depend on the configuration, e.g. none for plain SGD. */
    abstract List<String> slotNames();

    /** The value a new slot starts with. */
    float initialSlotValue(String slotName) {
        return 0f;
    }

    /** The rate passed to {@link #update} this step, from the decayed one; Adam adds its bias correction. */
    float stepRate(float decayedLearningRate) {
        return decayedLearningRate;
    }

    /** Updates {@code n} weights in place from their gradients and slots (in {@link #slotNames()} order). */
    abstract void update(float[] weights, float[] gradients, int n, FMatrixRMaj[] slots, float rate);

    /** The keys after {@code name}, {@code learning_rate} and {@code decay}. */
    abstract void putConfig(Map<String, Object> config);

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final void build(List<Variable> variables) {
        for (Variable variable : variables) {
            if (variable.trainable() && !slotsByVariable.containsKey(variable)) {
                addSlots(variable);
            }
        }
    }

    @Override
    public final void apply(List<Variable> variables) {
        float rate = stepRate(decayedLearningRate());
        for (int i = 0, count = variables.size(); i < count; i++) {
            Variable variable = variables.get(i);
            if (!variable.trainable()) {
                continue;
            }
            FMatrixRMaj[] slots = slotsByVariable.get(variable);
            if (slots == null) {
                slots = addSlots(variable);
            }
            update(variable.value().data, variable.gradient().data, variable.size(), slots, rate);
        }
        iterations++;
    }

    /** The learning rate of the next step: {@code lr / (1 + decay * iterations)}, in float32 as Keras. */
    public final float decayedLearningRate() {
        return decay > 0f ? learningRate / (1f + decay * (float) iterations) : learningRate;
    }

    @Override
    public final long iterations() {
        return iterations;
    }

    @Override
    public final void setIterations(long iterations) {
        if (iterations < 0) {
            throw new NnException("optimizer " + name + ": iterations must be >= 0, got " + iterations);
        }
        this.iterations = iterations;
    }

    /** Keyed {@code <variable path>/<slot>}, grouped by slot name, then in the order variables were first seen (Keras's weight order). */
    @Override
    public final Map<String, FMatrixRMaj> slots() {
        Map<String, FMatrixRMaj> slots = new LinkedHashMap<>();
        List<String> slotNames = slotNames();
        for (int s = 0; s < slotNames.size(); s++) {
            for (Variable variable : slotOwners) {
                slots.put(variable.path() + "/" + slotNames.get(s), slotsByVariable.get(variable)[s]);
            }
        }
        return slots;
    }

    @Override
    public final Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("learning_rate", number(learningRate));
        config.put("decay", number(decay));
        putConfig(config);
        return config;
    }

    @Override
    public String toString() {
        return type + " " + config();
    }

    private FMatrixRMaj[] addSlots(Variable variable) {
        if (!slotOwnerPaths.add(variable.path())) {
            throw new NnException("optimizer " + name + ": two different variables share the path "
                    + variable.path() + "; their slots would collide");
        }
        List<String> slotNames = slotNames();
        FMatrixRMaj[] slots = new FMatrixRMaj[slotNames.size()];
        for (int s = 0; s < slots.length; s++) {
            slots[s] = new FMatrixRMaj(variable.value().numRows, variable.value().numCols);
            slots[s].fill(initialSlotValue(slotNames.get(s)));
        }
        slotOwners.add(variable);
        slotsByVariable.put(variable, slots);
        return slots;
    }

    /**
     * Keys Keras 2.11+ writes for every optimizer: accepted while they hold the value that leaves
     * the update unchanged (clipping off, no weight decay, no EMA); jit_compile and
     * ema_momentum never change the result.
     */
    private static final Map<String, Object> INERT_KERAS_KEYS = inertKerasKeys();

    private static Map<String, Object> inertKerasKeys() {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("weight_decay", null);
        keys.put("clipnorm", null);
        keys.put("global_clipnorm", null);
        keys.put("clipvalue", null);
        keys.put("use_ema", false);
        keys.put("ema_overwrite_frequency", null);
        return keys;
    }

    private static void rejectUnknownKeys(Config config, String... ownKeys) {
        Set<String> known = new LinkedHashSet<>(List.of("name", "learning_rate", "decay"));
        known.addAll(List.of(ownKeys));
        for (Map.Entry<String, Object> entry : config.asMap().entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (INERT_KERAS_KEYS.containsKey(key)) {
                Object inert = INERT_KERAS_KEYS.get(key);
                if (!(value == null || value.equals(inert))) {
                    throw config.invalid(key, value, "is not supported (only " + inert + ")");
                }
                continue;
            }
            // "lr" is Keras's old spelling of learning_rate; the others never change the update.
            boolean harmless = key.equals("lr") || key.equals("is_legacy_optimizer") || key.equals("jit_compile")
                    || key.equals("ema_momentum");
            if (!known.contains(key) && !harmless) {
                throw config.invalid(key, value, "is not a setting of this optimizer (known: "
                        + String.join(", ", known) + ")");
            }
        }
    }

    /** A number > 0, e.g. a learning rate. */
    static float positive(Config config, String key, double defaultValue) {
        float value = finite(config, key, defaultValue);
        if (!(value > 0f)) {
            throw config.invalid(key, config.asMap().get(key), "must be > 0");
        }
        return value;
    }

    /** A number >= 0, e.g. decay or epsilon. */
    static float nonNegative(Config config, String key, double defaultValue) {
        float value = finite(config, key, defaultValue);
        if (!(value >= 0f)) {
            throw config.invalid(key, config.asMap().get(key), "must be >= 0");
        }
        return value;
    }

    /** A number in [0, 1), e.g. a momentum or a beta. */
    static float fraction(Config config, String key, double defaultValue) {
        float value = finite(config, key, defaultValue);
        if (!(value >= 0f && value < 1f)) {
            throw config.invalid(key, config.asMap().get(key), "must be in [0, 1)");
        }
        return value;
    }

    private static float finite(Config config, String key, double defaultValue) {
        float value = config.getFloat(key, (float) defaultValue);
        if (Float.isInfinite(value)) {
            throw config.invalid(key, config.asMap().get(key), "must be a finite float32 number");
        }
        return value;
    }

    /** The shortest decimal of a float32 value, so that 0.01f is shown, and read back, as 0.01. */
    static Double number(float value) {
        return Double.valueOf(Float.toString(value));
    }

    /** The configuration the Java constructors build, owned like a provider's: {@code optimizer <type>}. */
    static Config javaConfig(String type, Map<String, ?> values) {
        return Config.of("optimizer " + type, values);
    }
}
