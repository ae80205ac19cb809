package nn.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nn.api.BaseLayer;
import nn.api.BuildContext;
import nn.api.Layer;
import nn.api.Metric;
import nn.api.NnException;
import nn.api.Shape;
import nn.core.PluginRegistry;
import nn.core.SavedNames;
import nn.core.Sequential;

/**
 * A Sequential model as a model file describes it: its layers by Keras class name and
 * configuration, the input shape of one sample, and how to compile it (Keras's
 * {@code training_config}, which a file may leave out). {@code source} names where it came from
 * (a file, a preset) in every error.
 */
public record ModelDefinition(String source, String name, Optional<Shape> inputShape, List<LayerSpec> layers,
        Optional<CompileSpec> compile) {

    public ModelDefinition {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(inputShape, "inputShape");
        layers = List.copyOf(layers);
        Objects.requireNonNull(compile, "compile");
    }

    /** The definition of a built model, from each layer's {@code type()} and {@code config()}. */
    public static ModelDefinition of(Sequential model, CompileSpec compile) {
        List<LayerSpec> specs = model.layers().stream().map(l -> new LayerSpec(l.type(), l.config(),
                Optional.of(l.getClass().getModule()).filter(Module::isNamed).map(Module::getName))).toList();
        return new ModelDefinition("model " + model.name(), model.name(), Optional.of(model.inputShape()), specs,
                Optional.ofNullable(compile));
    }

    /** The compile settings; an error naming the source when it has none. */
    public CompileSpec compileSpec() {
        return compile.orElseThrow(() -> new NnException(source
                + ": has no \"training_config\" (the optimizer, loss and metrics to compile the model with)"));
    }

    /** This definition, with the tutorial's compile settings ({@link CompileSpec#tutorial()}) if it has none. */
    public ModelDefinition withDefaultCompile() {
        return compile.isPresent() ? this : withCompile(CompileSpec.tutorial());
    }

    /** The architecture alone, as a format that keeps compile settings apart writes it. */
    public ModelDefinition withoutCompile() {
        return new ModelDefinition(source, name, inputShape, layers, Optional.empty());
    }

    public ModelDefinition withCompile(CompileSpec compileSpec) {
        return new ModelDefinition(source, name, inputShape, layers, Optional.of(compileSpec));
    }

    /** Another optimizer with exactly this configuration; loss and metrics stay. */
    public ModelDefinition withOptimizer(String optimizerName, Map<String, Object> config) {
        return withCompile(compileSpec().withOptimizer(optimizerName, config));
    }

    /** Sets {@code learning_rate} in the optimizer's configuration. */
    public ModelDefinition withLearningRate(double learningRate) {
        return withCompile(compileSpec().withLearningRate(learningRate));
    }

    /**
     * Swaps the hidden activations for {@code activation}: the activation of every {@code Activation}
     * layer, and of every {@code Dense} layer whose activation is not linear (a Dense feeding a
     * BatchNormalization stays linear). The output layer, the last layer that is an Activation or a
     * Dense, keeps its activation (e.g. the final softmax).
     */
    public ModelDefinition withHiddenActivation(String activation) {
        int output = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (isActivationLayer(layers.get(i)) || isDense(layers.get(i))) {
                output = i;
            }
        }
        List<LayerSpec> swapped = new ArrayList<>(layers);
        for (int i = 0; i < output; i++) {
            LayerSpec layer = layers.get(i);
            if (isActivationLayer(layer) || isDense(layer) && !isLinear(layer.config().get("activation"))) {
                swapped.set(i, layer.with("activation", activation));
            }
        }
        return new ModelDefinition(source, name, inputShape, swapped, compile);
    }

    /**
     * The same model with every hidden Dense layer {@code scale} times as wide: the units of every
     * {@code Dense} but the last (the output) multiplied, e.g. the tutorial's 300/200/100 as
     * 600/400/200. For timing how cost grows with width ({@code nn bench --growth}).
     */
    public ModelDefinition withHiddenWidthScale(int scale) {
        if (scale < 1) {
            throw new NnException("model " + name + ": the width scale must be a positive number, got " + scale);
        }
        int output = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (isDense(layers.get(i))) {
                output = i;
            }
        }
        List<LayerSpec> wider = new ArrayList<>(layers);
        for (int i = 0; i < output; i++) {
            LayerSpec layer = layers.get(i);
            if (isDense(layer) && layer.config().get("units") instanceof Number units) {
                wider.set(i, layer.with("units", units.intValue() * scale));
            }
        }
        return new ModelDefinition(source, name, inputShape, wider, compile);
    }

    private static boolean isActivationLayer(LayerSpec layer) {
        return layer.className().equals("Activation");
    }

    private static boolean isDense(LayerSpec layer) {
        return layer.className().equals("Dense");
    }

    private static boolean isLinear(Object activation) {
        return activation == null || activation.equals("linear")
                || activation instanceof Map<?, ?> object && "linear".equals(object.get("class_name"));
    }

    /**
     * Creates every layer with the registry's providers and builds the model for the input shape.
     * Errors name the source and the layer (index and, if given, name): a layer type no plugin
     * provides, a bad configuration, a shape the layer cannot take.
     */
    public Sequential build(PluginRegistry registry, BuildContext context) {
        if (layers.isEmpty()) {
            throw new NnException(source + ": the model has no layers");
        }
        Sequential model = new Sequential(name, context);
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec spec = layers.get(i);
            String providerName = providerName(spec, i, registry);
            if (!registry.layers().contains(spec.className())) {
                throw new NnException(source + ": layer " + i + " '" + spec.className()
                        + "' is not provided by any plugin" + spec.module().map(m -> " (it came from module " + m
                        + "; put that plugin's jar in the plugins folder)").orElse("") + "; known layers: "
                        + registry.layers().known());
            }
            try {
                Layer layer = registry.layer(providerName, spec.config());
                model.add(layer);
                if (!model.isBuilt()) {
                    model.build(inputShape.orElseThrow(() -> new NnException("the model has no input shape: "
                            + "start config.layers with an InputLayer whose batch_input_shape is e.g. [null, 28, 28]")));
                }
            } catch (RuntimeException e) { // a plugin may fail with any exception; the user still gets file and layer
                String named = spec.name() == null ? "" : " '" + spec.name() + "'";
                throw new NnException(source + ": layer " + i + named + " (" + spec.className() + "): "
                        + describe(e), e);
            }
        }
        return model;
    }

    /**
     * The name to create a layer by: qualified with the module it was saved from, so that a plugin's
     * layer comes back rather than a same-named built-in; an error when that module is not loaded.
     * Keras's own module names ({@code keras.layers}) are not nn's modules and are passed over.
     */
    private String providerName(LayerSpec spec, int index, PluginRegistry registry) {
        String module = spec.module().filter(m -> !m.equals("keras") && !m.startsWith("keras.")).orElse(null);
        if (module == null || spec.className().contains("/") || !registry.layers().contains(spec.className())) {
            return spec.className();
        }
        if (SavedNames.isBuiltIn(module)) {
            return spec.className();
        }
        String qualified = module + "/" + spec.className();
        if (registry.layers().contains(qualified)) {
            return qualified;
        }
        String here = registry.layers().entries().stream().filter(e -> e.name().equals(spec.className()))
                .map(e -> e.origin()).findFirst().orElse("another module");
        throw new NnException(source + ": layer " + index + " '" + spec.className() + "' came from module " + module
                + ", which is not loaded (put that plugin's jar in the plugins folder); the " + spec.className()
                + " found here comes from " + here);
    }

    /** Keras writes a loss object by class name ({@code SparseCategoricalCrossentropy}); its function name is the snake case. */
    private static String lossName(String name, PluginRegistry registry) {
        String snake = BaseLayer.defaultName(name);
        return registry.losses().contains(name) || !registry.losses().contains(snake) ? name : snake;
    }

    /** Compiles a built model with the optimizer, loss and metrics of {@link #compileSpec()}. */
    public void compile(Sequential model, PluginRegistry registry) {
        CompileSpec spec = compileSpec();
        try {
            Metric[] metrics = spec.metrics().stream().map(registry::metric).toArray(Metric[]::new);
            model.compile(registry.optimizer(spec.optimizer(), spec.optimizerConfig()),
                    registry.loss(lossName(spec.loss(), registry), spec.lossConfig()), metrics);
        } catch (RuntimeException e) {
            throw new NnException(source + ": training_config: " + describe(e), e);
        }
    }

    private static String describe(RuntimeException e) {
        return e instanceof NnException ? e.getMessage() : e.toString();
    }
}
