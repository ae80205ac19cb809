package nn.io.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.api.NnException;
import nn.api.Shape;
import nn.io.CompileSpec;
import nn.io.LayerSpec;
import nn.io.ModelDefinition;

/**
 * Reads what Keras 2's {@code model.to_json()} writes for a Sequential model, plus the
 * {@code training_config} of a saved model. Keys Keras adds that do not change the architecture
 * ({@code keras_version}, {@code backend}, {@code dtype}, null regularizers, ...) pass through to the
 * layer configurations or are ignored; a leading {@code InputLayer} gives the input shape.
 */
public final class ModelJsonReader {

    private ModelJsonReader() {
    }

    public static ModelDefinition read(JsonCursor root, String source) {
        root.requireObject();
        if (!root.has("class_name")) {
            throw root.error("no \"class_name\"; expected a Keras model file with \"class_name\": \"Sequential\"");
        }
        String className = root.get("class_name").requireString();
        if (!className.equals("Sequential")) {
            throw root.get("class_name").error("only Sequential models are supported, got \"" + className + "\"");
        }
        JsonCursor config = root.object("config");
        String name = config.optional("name").map(JsonCursor::requireString).orElse("sequential");
        if (!config.has("layers")) {
            throw config.error("no \"layers\"; a Sequential model needs at least one layer");
        }
        JsonCursor layersNode = config.get("layers");
        Optional<Shape> inputShape = Optional.empty();
        List<LayerSpec> layers = new ArrayList<>();
        JsonCursor firstLayer = null;
        for (JsonCursor entry : layersNode.elements()) {
            entry.requireObject();
            if (!entry.has("class_name")) {
                throw entry.error("a layer needs a \"class_name\", e.g. \"Dense\"");
            }
            String layerClass = entry.get("class_name").requireString();
            if (layerClass.equals("InputLayer")) {
                if (!layers.isEmpty() || inputShape.isPresent()) {
                    throw entry.error("an InputLayer may only be the first layer");
                }
                inputShape = Optional.of(batchShape(entry.object("config").get("batch_input_shape")));
                continue;
            }
            if (firstLayer == null) {
                firstLayer = entry;
            }
            layers.add(new LayerSpec(layerClass, entry.optional("config").map(JsonCursor::toMap).orElse(Map.of()),
                    entry.optional("module").map(JsonCursor::requireString)));
        }
        if (layers.isEmpty()) {
            throw layersNode.error(inputShape.isPresent() ? "has no layers besides the InputLayer" : "is empty; a "
                    + "Sequential model needs at least one layer");
        }
        inputShape = reconcile(inputShape, declaredShape(firstLayer));
        Optional<CompileSpec> compile = root.optional("training_config").map(ModelJsonReader::compileSpec);
        return new ModelDefinition(source, name, inputShape, layers, compile);
    }

    /** The first layer may declare the input shape itself, as older Keras files do; it must agree with an InputLayer. */
    private static Optional<Shape> reconcile(Optional<Shape> fromInputLayer, Optional<DeclaredShape> declared) {
        if (declared.isEmpty()) {
            return fromInputLayer;
        }
        Shape shape = declared.get().shape();
        if (fromInputLayer.isPresent() && !fromInputLayer.get().equals(shape)) {
            throw declared.get().at().error("input shape " + shape + " disagrees with the InputLayer's "
                    + fromInputLayer.get());
        }
        return Optional.of(shape);
    }

    /** An input shape a layer declares, with where. */
    private record DeclaredShape(JsonCursor at, Shape shape) {
    }

    private static Optional<DeclaredShape> declaredShape(JsonCursor layer) {
        Optional<JsonCursor> config = layer.optional("config").map(JsonCursor::requireObject);
        Optional<JsonCursor> batch = config.flatMap(c -> c.optional("batch_input_shape"));
        if (batch.isPresent()) {
            return Optional.of(new DeclaredShape(batch.get(), batchShape(batch.get())));
        }
        return config.flatMap(c -> c.optional("input_shape")).map(c -> new DeclaredShape(c, sampleShape(c, c.elements())));
    }

    /** {@code [null, 28, 28]}: the batch dimension (null) then the sample's. */
    private static Shape batchShape(JsonCursor node) {
        List<JsonCursor> dims = node.elements();
        if (dims.size() < 2 || !dims.get(0).node().isNull()) {
            throw node.error("must be null (the batch) then the sample's dimensions, like [null, 28, 28], got " + node.shown());
        }
        return sampleShape(node, dims.subList(1, dims.size()));
    }

    private static Shape sampleShape(JsonCursor node, List<JsonCursor> dims) {
        int[] sizes = new int[dims.size()];
        for (int i = 0; i < sizes.length; i++) {
            var d = dims.get(i).node();
            if (!d.isIntegralNumber() || !d.canConvertToInt() || d.intValue() <= 0) {
                throw node.error("dimensions must be positive whole numbers, got " + node.shown());
            }
            sizes[i] = d.intValue();
        }
        if (sizes.length == 0) {
            throw node.error("must have at least one dimension, got " + node.shown());
        }
        try {
            return Shape.of(sizes);
        } catch (NnException e) {
            throw node.error(e.getMessage());
        }
    }

    private static CompileSpec compileSpec(JsonCursor training) {
        training.requireObject();
        JsonCursor loss = training.get("loss");
        KerasName lossName = kerasName(loss);
        JsonCursor optimizer = training.object("optimizer_config");
        KerasName optimizerName = kerasName(optimizer);
        List<String> metrics = new ArrayList<>();
        training.optional("metrics").ifPresent(m -> addMetrics(m, metrics));
        return new CompileSpec(optimizerName.name(), optimizerName.config(), lossName.name(), lossName.config(), metrics);
    }

    private record KerasName(String name, Map<String, Object> config) {
    }

    /** A name, or {@code {"class_name": ..., "config": {...}}}. */
    private static KerasName kerasName(JsonCursor node) {
        if (node.node().isTextual()) {
            return new KerasName(node.requireString(), Map.of());
        }
        if (!node.node().isObject()) {
            throw node.error("must be a name or {\"class_name\": ..., \"config\": {...}}, got " + node.shown());
        }
        return new KerasName(node.string("class_name"), node.optional("config").map(JsonCursor::toMap).orElse(Map.of()));
    }

    /**
     * Metric names; newer Keras 2 versions write a list per output and metric objects such as
     * {@code {"class_name": "MeanMetricWrapper", "config": {"name": "accuracy", ...}}}, named by their config.
     */
    private static void addMetrics(JsonCursor node, List<String> names) {
        for (JsonCursor metric : node.elements()) {
            if (metric.node().isArray()) {
                addMetrics(metric, names);
            } else if (metric.node().isObject() && metric.has("config") && metric.object("config").has("name")) {
                names.add(metric.object("config").string("name"));
            } else {
                names.add(kerasName(metric).name());
            }
        }
    }
}
