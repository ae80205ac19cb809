package nn.layers.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nn.api.ActivatedLayer;
import nn.api.BuildContext;
import nn.api.EjmlKernels;
import nn.api.Kernels;
import nn.api.Layer;
import nn.api.Shape;
import nn.api.Variable;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import nn.kernels.vector.VectorKernels;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sequential runs a relu declared just before a max pool after it (nn.core's ExecutionOrder). On
 * both kernel sets and 19 channels (a vector of lanes and a tail): the layers alone, relu then pool
 * against pool then relu, on values with ties, zeros of both signs, all-negative windows, NaN and
 * infinities, give the same outputs and input gradients bit for bit; and a CNN's gradients from
 * {@link Sequential#computeGradients} equal those of its layers run by hand in declared order.
 */
class ReluAfterMaxPoolTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.discover();
    private static final float[] LEVELS = {-2f, -1f, -0f, 0f, 0.5f, 1f, 3f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY};
    private static final int CHANNELS = 19;

    private static Kernels kernels(String name) {
        return name.equals("vector") ? new VectorKernels() : new EjmlKernels();
    }

    private static FMatrixRMaj levels(int rows, int columns, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FMatrixRMaj m = new FMatrixRMaj(rows, columns);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = LEVELS[random.nextInt(LEVELS.length)];
        }
        return m;
    }

    private static Layer built(String type, Map<String, ?> config, Shape input, Kernels kernels) {
        Layer layer = REGISTRY.layer(type, config);
        layer.build(input, new BuildContext(kernels, new SplittableRandom(1)));
        return layer;
    }

    @ParameterizedTest(name = "{0} kernels")
    @ValueSource(strings = {"vector", "ejml"})
    void reluThenPoolEqualsPoolThenReluOnSpecialValues(String kernelsName) {
        try (Kernels kernels = kernels(kernelsName)) {
            for (Map<String, ?> config : List.of(Map.of("pool_size", 2),
                    Map.of("pool_size", 3, "strides", 2, "padding", "same"))) {
                Shape image = Shape.of(6, 7, CHANNELS);
                Layer relu = built("Activation", Map.of("activation", "relu"), image, kernels);
                Layer pool = built("MaxPooling2D", config, image, kernels);
                Layer poolFirst = built("MaxPooling2D", config, image, kernels);
                Layer reluAfter = built("Activation", Map.of("activation", "relu"), pool.outputShape(), kernels);
                FMatrixRMaj x = levels(5, image.size(), 1);
                FMatrixRMaj dy = levels(5, pool.outputShape().size(), 2);
                String where = kernelsName + " " + config;
                assertArrayEquals(pool.forward(relu.forward(x, true), true).data.clone(),
                        reluAfter.forward(poolFirst.forward(x, true), true).data.clone(), "outputs, " + where);
                assertArrayEquals(relu.backward(pool.backward(dy, true), true).data.clone(),
                        poolFirst.backward(reluAfter.backward(dy, true), true).data.clone(), "input gradients, " + where);
            }
        }
    }

    @ParameterizedTest(name = "{0} kernels")
    @ValueSource(strings = {"vector", "ejml"})
    void gradientsEqualThoseOfTheLayersRunAsDeclared(String kernelsName) {
        try (Kernels kernels = kernels(kernelsName)) {
            Sequential model = new Sequential("cnn", new BuildContext(kernels, new SplittableRandom(7)));
            model.add(REGISTRY.layer("Conv2D", Map.of("filters", CHANNELS, "kernel_size", 3, "padding", "same",
                    "use_bias", false)));
            model.add(REGISTRY.layer("BatchNormalization", Map.of("axis", -1)));
            model.add(REGISTRY.layer("Activation", Map.of("activation", "relu")));
            model.add(REGISTRY.layer("MaxPooling2D", Map.of("pool_size", 2)));
            model.add(REGISTRY.layer("Flatten", Map.of()));
            model.add(REGISTRY.layer("Dense", Map.of("units", 4, "activation", "softmax")));
            model.build(Shape.of(8, 8, 2));
            model.compile(REGISTRY.optimizer("SGD", Map.of()), REGISTRY.loss("sparse_categorical_crossentropy", Map.of()));
            FMatrixRMaj x = levels(6, 8 * 8 * 2, 3);
            for (int i = 0; i < x.data.length; i++) {
                x.data[i] = Float.isFinite(x.data[i]) ? x.data[i] : 0.25f; // finite, so that the gradients are
            }
            FMatrixRMaj targets = new FMatrixRMaj(6, 1, true, 0, 3, 1, 2, 2, 0);

            model.computeGradients(x, targets);
            List<float[]> reordered = gradients(model);

            List<Layer> layers = model.layers();
            FMatrixRMaj h = x;
            for (Layer layer : layers) {
                h = layer.forward(h, true);
            }
            ActivatedLayer last = (ActivatedLayer) layers.get(layers.size() - 1);
            FMatrixRMaj g = new FMatrixRMaj(h.numRows, h.numCols);
            model.loss().computeFromLogits(last.preActivation(), targets, g);
            g = last.backwardFromPreActivation(g, true);
            for (int i = layers.size() - 2; i >= 0; i--) {
                g = layers.get(i).backward(g, i > 0);
            }
            List<float[]> declared = gradients(model);
            for (int v = 0; v < declared.size(); v++) {
                assertArrayEquals(declared.get(v), reordered.get(v), kernelsName + ", gradient " + v);
            }
        }
    }

    private static List<float[]> gradients(Sequential model) {
        List<float[]> copies = new ArrayList<>();
        for (Variable v : model.trainableWeights()) {
            copies.add(v.gradient().data.clone());
        }
        return copies;
    }
}
