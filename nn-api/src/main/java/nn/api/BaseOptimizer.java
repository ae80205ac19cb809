package nn.api;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoublePredicate;
import org.ejml.data.FMatrixRMaj;

/**
 * What every optimizer shares, as in Keras's base optimizer, so that a subclass writes only its
 * update rule: the keys {@code name}, {@code learning_rate} (or its old spelling {@code lr}),
 * {@code decay} and {@code weight_decay}, with the keys of Keras 3 that change nothing accepted
 * and any other key rejected; the step count; Keras 2's time-inverse decay
 * {@code lr_t = lr / (1 + decay * iterations)}, using the count before the step; Keras 3's
 * decoupled weight decay {@code w = w - w * weight_decay * lr_t}, applied before the update; and the
 * slots, one matrix per trainable variable and slot name, created once and updated in place.
 *
 * <p>Variables that are not trainable (for example those of a frozen layer) get no slots and are
 * skipped. Each {@link #apply} counts one step, even with no variables, as Keras's
 * {@code apply_gradients} does.
 *
 * <pre>{@code
 * public Lion(Config config) {
 *     super("Lion", config, 0.001, "beta_1", "beta_2");
 *     beta1 = require(config, "beta_1", 0.9, b -> b > 0 && b <= 1, "must be in (0, 1]");
 *     ...
 * }
 * protected List<String> slotNames() { return List.of("momentum"); }
 * protected void update(float[] w, float[] g, int n, FMatrixRMaj[] slots, float lr) { ... }
 * protected void putConfig(Map<String, Object> config) { config.put("beta_1", number(beta1)); ... }
 * }</pre>
 */
public abstract class BaseOptimizer implements Optimizer {
    private static final Kernels ON_THE_CALLER = new EjmlKernels();
    private final String type;
    private final String name;
    private float learningRate;
    private final float decay;
    private final float weightDecay;
    private final boolean writeWeightDecay;
    private final List<Variable> slotOwners = new ArrayList<>();
    private final Map<Variable, FMatrixRMaj[]> slotsByVariable = new IdentityHashMap<>();
    private final Set<String> slotOwnerPaths = new LinkedHashSet<>();
    private long iterations;

    /**
     * Reads the shared keys and rejects keys that this optimizer does not know; no weight decay
     * unless the configuration sets {@code weight_decay}.
     *
     * @param ownKeys the keys the subclass reads, in its {@link #config()} order
     */
    protected BaseOptimizer(String type, Config config, double defaultLearningRate, String... ownKeys) {
        this(type, config, defaultLearningRate, 0.0, ownKeys);
    }

    /** As the other constructor, for an optimizer with weight decay by default (AdamW's 0.004). */
    protected BaseOptimizer(String type, Config config, double defaultLearningRate, double defaultWeightDecay,
            String... ownKeys) {
        this.type = type;
        keys(ownKeys).check(config);
        this.name = config.getString("name", type);
        String rateKey = !config.has("learning_rate") && config.has("lr") ? "lr" : "learning_rate";
        this.learningRate = positive(config, rateKey, defaultLearningRate);
        this.decay = nonNegative(config, "decay", 0.0);
        this.weightDecay = nonNegative(config, "weight_decay", defaultWeightDecay);
        this.writeWeightDecay = weightDecay > 0f || defaultWeightDecay > 0.0;
    }

    /** The slot names, e.g. {@code momentum}; may depend on the configuration, e.g. none for plain SGD. */
    protected abstract List<String> slotNames();

    /** The value a new slot starts with; 0 unless overridden. */
    protected float initialSlotValue(String slotName) {
        return 0f;
    }

    /** The rate passed to {@link #update} this step, from the decayed one; Adam adds its bias correction. */
    protected float stepRate(float decayedLearningRate) {
        return decayedLearningRate;
    }

    /**
     * Updates {@code n} weights in place from their gradients and slots (in {@link #slotNames()}
     * order); {@link #iterations()} is still the count before this step. A step calls it once a
     * trainable variable, the last variable first (the first layer's weights then stay in cache
     * for the next forward), after every slot has been made in the variables' order.
     */
    protected abstract void update(float[] weights, float[] gradients, int n, FMatrixRMaj[] slots, float rate);

    /** Adds the keys after {@code name}, {@code learning_rate}, {@code decay} (and {@code weight_decay}). */
    protected abstract void putConfig(Map<String, Object> config);

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final void build(List<Variable> variables) {
        for (int i = 0, count = variables.size(); i < count; i++) {
            Variable variable = variables.get(i);
            if (variable.trainable() && !slotsByVariable.containsKey(variable)) {
                addSlots(variable);
            }
        }
    }

    @Override
    public final void apply(List<Variable> variables) {
        apply(variables, ON_THE_CALLER);
    }

    @Override
    public final void apply(List<Variable> variables, Kernels kernels) {
        build(variables);
        updateAll(variables, kernels);
        iterations++;
    }

    /** The updates of one step for these variables (built), without counting it. */
    final void updateAll(List<Variable> variables, Kernels kernels) {
        float lr = learningRate();
        float rate = stepRate(lr);
        // last variable first: the first layer's weights, which the next forward reads first (and
        // which are the largest), are then the ones still in cache (issue 14: 2-3 % of a step)
        for (int i = variables.size() - 1; i >= 0; i--) {
            Variable variable = variables.get(i);
            if (variable.trainable()) {
                updateVariable(variable.value().data, variable.gradient().data, variable.size(),
                        slotsOf(variable), lr, rate, kernels);
            }
        }
    }

    /** Decays and updates the n weights of one variable; {@link ElementwiseOptimizer} cuts this between threads. */
    void updateVariable(float[] w, float[] g, int n, FMatrixRMaj[] slots, float lr, float rate, Kernels kernels) {
        decayWeights(w, 0, n, lr);
        update(w, g, n, slots, rate);
    }

    /** The slots of a variable that {@link #build} has seen; an error naming it otherwise. */
    final FMatrixRMaj[] slotsOf(Variable variable) {
        FMatrixRMaj[] slots = slotsByVariable.get(variable);
        if (slots == null) {
            throw new NnException("optimizer " + name + ": variable " + variable.path()
                    + " has no slots: it is not trainable, or build() has not seen it");
        }
        return slots;
    }

    /** w = w - w * weight_decay * lr_t for the weights from to to - 1 (nothing without weight decay). */
    final void decayWeights(float[] w, int from, int to, float lr) {
        if (weightDecay > 0f) {
            for (int j = from; j < to; j++) {
                w[j] -= w[j] * weightDecay * lr;
            }
        }
    }

    /** The configured learning rate ({@code learning_rate}), before decay. */
    public final float baseLearningRate() {
        return learningRate;
    }

    /** The learning rate of the next step: {@code lr / (1 + decay * iterations)}, in float32 as Keras. */
    @Override
    public final float learningRate() {
        return decay > 0f ? learningRate / (1f + decay * (float) iterations) : learningRate;
    }

    /** Sets {@code learning_rate}, a finite number > 0; decay goes on from the steps already done. */
    @Override
    public final void setLearningRate(float learningRate) {
        this.learningRate = positive(Config.of("optimizer " + name, Map.of("learning_rate", learningRate)),
                "learning_rate", learningRate);
    }

    public final float weightDecay() {
        return weightDecay;
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
        if (writeWeightDecay) {
            config.put("weight_decay", number(weightDecay));
        }
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
     * The shared keys, the subclass's, and those Keras (2.11+ and 3) writes for every optimizer,
     * accepted while they hold the value that leaves the update unchanged: clipping off, no EMA, no
     * loss scaling or gradient accumulation; {@code lr} is Keras's old spelling of
     * {@code learning_rate}, and the rest never change the result.
     */
    private static ConfigKeys keys(String... ownKeys) {
        return ConfigKeys.of("name", "learning_rate", "decay", "weight_decay").known(ownKeys)
                .inert("clipnorm", null).inert("global_clipnorm", null).inert("clipvalue", null)
                .inert("use_ema", false).inert("ema_overwrite_frequency", null)
                .inert("loss_scale_factor", null).inert("gradient_accumulation_steps", null)
                .ignored("lr", "is_legacy_optimizer", "jit_compile", "ema_momentum");
    }

    /** A finite float32 number for which {@code valid} holds, e.g. {@code b -> b > 0 && b <= 1, "must be in (0, 1]"}. */
    protected static float require(Config config, String key, double defaultValue, DoublePredicate valid, String rule) {
        float value = config.getFloat(key, (float) defaultValue);
        if (Float.isInfinite(value)) {
            throw config.invalid(key, config.asMap().get(key), "must be a finite float32 number");
        }
        if (!valid.test(value)) {
            throw config.invalid(key, config.asMap().get(key), rule);
        }
        return value;
    }

    /** A number > 0, e.g. a learning rate. */
    protected static float positive(Config config, String key, double defaultValue) {
        return require(config, key, defaultValue, v -> v > 0, "must be > 0");
    }

    /** A number >= 0, e.g. decay or epsilon. */
    protected static float nonNegative(Config config, String key, double defaultValue) {
        return require(config, key, defaultValue, v -> v >= 0, "must be >= 0");
    }

    /** A number in [0, 1), e.g. a momentum or a beta. */
    protected static float fraction(Config config, String key, double defaultValue) {
        return require(config, key, defaultValue, v -> v >= 0 && v < 1, "must be in [0, 1)");
    }

    /** The shortest decimal of a float32 value, so that 0.01f is shown, and read back, as 0.01 (not 0.009999999776482582). */
    protected static Double number(float value) {
        return Double.valueOf(Float.toString(value));
    }

    /** The configuration Java constructors build, owned like a provider's: {@code optimizer <type>}. */
    protected static Config javaConfig(String type, Map<String, ?> values) {
        return Config.of("optimizer " + type, values);
    }
}
