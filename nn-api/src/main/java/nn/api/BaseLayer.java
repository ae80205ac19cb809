package nn.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bookkeeping every layer shares, as in Keras's base Layer: name, trainable switch, declared
 * input shape, build-once, weights added by name, and the common configuration keys. A subclass
 * implements {@link #onBuild}, {@link #forward}, {@link #backward} and {@link #putConfig}.
 */
public abstract class BaseLayer implements Layer {
    private final String type;
    private final Optional<Shape> declaredInputShape;
    private final List<Variable> weights = new ArrayList<>();
    private String name;
    private boolean trainable;
    private Shape inputShape;
    private Shape outputShape;

    /**
     * Checks the keys (see {@link ConfigKeys#layer}: a key that is neither the layer's own nor one
     * every layer has is an error naming it and the known ones), then reads the keys every layer
     * has: {@code name}, {@code trainable}, {@code input_shape} or {@code batch_input_shape}.
     *
     * @param ownKeys every key the subclass reads, e.g. {@code "units", "use_bias"}
     */
    protected BaseLayer(String type, Config config, String... ownKeys) {
        this(type, config, ConfigKeys.layer(ownKeys));
    }

    /** As the other constructor, for layers that accept more inert keys, e.g. {@code ConfigKeys.layer("rate").inert("seed", null)}. */
    protected BaseLayer(String type, Config config, ConfigKeys keys) {
        keys.check(config);
        this.type = type;
        this.name = config.getString("name", null);
        this.trainable = config.getBoolean("trainable", true);
        this.declaredInputShape = declaredInputShape(config);
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final String name() {
        return name != null ? name : defaultName(type);
    }

    @Override
    public final void setName(String name) {
        if (isBuilt()) {
            throw new NnException("layer " + name() + " is built; it cannot be renamed to " + name);
        }
        this.name = name;
    }

    /** Keras's default name for a layer type: snake case, {@code BatchNormalization} to {@code batch_normalization}. */
    public static String defaultName(String type) {
        return KerasObject.snakeCase(type);
    }

    @Override
    public boolean isTrainable() {
        return trainable;
    }

    @Override
    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
    }

    @Override
    public final Optional<Shape> declaredInputShape() {
        return declaredInputShape;
    }

    @Override
    public final void build(Shape inputShape, BuildContext context) {
        if (isBuilt()) {
            throw new NnException("layer " + name() + " is already built for input " + this.inputShape);
        }
        try {
            this.outputShape = onBuild(inputShape, context);
        } catch (RuntimeException e) {
            weights.clear();
            throw e;
        }
        this.inputShape = inputShape;
    }

    /**
     * Creates the weights with {@link #addWeight} and returns the output shape; throws an
     * {@link NnException} naming the layer when the input shape does not fit it.
     */
    protected abstract Shape onBuild(Shape inputShape, BuildContext context);

    @Override
    public final boolean isBuilt() {
        return inputShape != null;
    }

    @Override
    public final Shape inputShape() {
        requireBuilt();
        return inputShape;
    }

    @Override
    public final Shape outputShape() {
        requireBuilt();
        return outputShape;
    }

    /** Adds a weight named {@code <layer>/<name>:0}, filled by the initializer. */
    protected final Variable addWeight(String name, Shape shape, Initializer initializer, boolean trainable,
            BuildContext context) {
        Variable v = new Variable(name() + "/" + name + ":0", shape, trainable);
        initializer.initialize(v.value(), shape, context.random());
        weights.add(v);
        return v;
    }

    @Override
    public final List<Variable> weights() {
        return Collections.unmodifiableList(weights);
    }

    /** Fails clearly when a batch does not have the columns the layer was built for. */
    protected final void checkInput(org.ejml.data.FMatrixRMaj input) {
        requireBuilt();
        if (input.numCols != inputShape.size()) {
            throw new NnException("layer " + name() + " expects inputs of shape " + inputShape.withBatch() + " ("
                    + inputShape.size() + " values a sample), got " + input.numCols + " values a sample");
        }
    }

    /** Fails clearly unless each sample is a vector: {@code needs a flat input (features,), got (28, 28): put a Flatten before it}. */
    protected final void requireFlatInput(Shape inputShape) {
        if (inputShape.rank() != 1) {
            throw new NnException("layer " + name() + " (" + type + ") needs a flat input (features,), got " + inputShape
                    + ": put a Flatten before it");
        }
    }

    private void requireBuilt() {
        if (!isBuilt()) {
            throw new NnException("layer " + name() + " is not built yet: build it with an input shape first");
        }
    }

    @Override
    public final Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", name());
        config.put("trainable", trainable);
        declaredInputShape.ifPresent(s -> {
            List<Object> batchShape = new ArrayList<>();
            batchShape.add(null);
            batchShape.addAll(s.toList());
            config.put("batch_input_shape", batchShape);
        });
        putConfig(config);
        return config;
    }

    /** Adds the layer's own keys, e.g. {@code units}, {@code use_bias}. */
    protected abstract void putConfig(Map<String, Object> config);

    private static Optional<Shape> declaredInputShape(Config config) {
        Optional<Shape> input = config.getShape("input_shape");
        if (input.isPresent()) {
            return input;
        }
        Object batch = config.get("batch_input_shape").orElse(null);
        if (batch == null) {
            return Optional.empty();
        }
        if (!(batch instanceof List<?> list) || list.isEmpty()) {
            throw config.invalid("batch_input_shape", batch, "must be a list like [null, 28, 28]");
        }
        try {
            return Config.of(config.owner(), Map.of("input_shape", list.subList(1, list.size()))).getShape("input_shape");
        } catch (NnException e) {
            throw config.invalid("batch_input_shape", batch, "must be a list like [null, 28, 28]");
        }
    }

    @Override
    public String toString() {
        return name() + " (" + type + ")";
    }
}
