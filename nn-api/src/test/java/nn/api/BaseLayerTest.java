package nn.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class BaseLayerTest {

    /** y = x * w element by element, with one trainable weight {@code w} of shape (n,) and one frozen {@code c}. */
    static final class Scale extends BaseLayer {
        private final boolean withFrozenWeight;
        private Variable w;
        private FMatrixRMaj input;
        private FMatrixRMaj output;

        Scale(Config config) {
            this(config, false);
        }

        Scale(Config config, boolean withFrozenWeight) {
            super("Scale", config, "scale_extra");
            this.withFrozenWeight = withFrozenWeight;
        }

        @Override
        protected Shape onBuild(Shape inputShape, BuildContext context) {
            if (inputShape.rank() != 1) {
                throw new NnException("layer " + name() + " needs inputs of rank 1, got " + inputShape);
            }
            w = addWeight("w", inputShape, Initializers.ones(), true, context);
            if (withFrozenWeight) {
                addWeight("c", inputShape, Initializers.zeros(), false, context);
            }
            return inputShape;
        }

        @Override
        public FMatrixRMaj forward(FMatrixRMaj x, boolean training) {
            checkInput(x);
            input = x;
            output = new FMatrixRMaj(x.numRows, x.numCols);
            for (int i = 0; i < x.numRows; i++) {
                for (int j = 0; j < x.numCols; j++) {
                    output.set(i, j, x.get(i, j) * w.value().data[j]);
                }
            }
            return output;
        }

        @Override
        public FMatrixRMaj backward(FMatrixRMaj dy, boolean inputGradientNeeded) {
            return null;
        }

        @Override
        protected void putConfig(Map<String, Object> config) {
            config.put("scale_extra", 1);
        }
    }

    /** Any concrete layer type, for default names. */
    static final class Named extends BaseLayer {
        Named(String type) {
            super(type, Config.empty("layer " + type));
        }

        @Override
        protected Shape onBuild(Shape inputShape, BuildContext context) {
            return inputShape;
        }

        @Override
        public FMatrixRMaj forward(FMatrixRMaj input, boolean training) {
            return input;
        }

        @Override
        public FMatrixRMaj backward(FMatrixRMaj outputGradient, boolean inputGradientNeeded) {
            return outputGradient;
        }

        @Override
        protected void putConfig(Map<String, Object> config) {
        }
    }

    private static Config config(Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Config.of("layer Scale", values);
    }

    private static Scale built(int n) {
        Scale s = new Scale(config());
        s.build(Shape.of(n), BuildContext.seeded(0));
        return s;
    }

    // ---- names

    @Test
    void defaultNameIsSnakeCaseOfTheType() {
        assertEquals("batch_normalization", BaseLayer.defaultName("BatchNormalization"));
        assertEquals("dense", BaseLayer.defaultName("Dense"));
        assertEquals("flatten", BaseLayer.defaultName("Flatten"));
        assertEquals("activation", BaseLayer.defaultName("Activation"));
        assertEquals("re_lu", BaseLayer.defaultName("ReLU"));
        assertEquals("leaky_re_lu", BaseLayer.defaultName("LeakyReLU"));
        assertEquals("simple_rnn", BaseLayer.defaultName("SimpleRNN"));
        assertEquals("lstm", BaseLayer.defaultName("LSTM"));
    }

    @Test
    void layerWithoutANameUsesTheDefault() {
        assertEquals("scale", new Scale(config()).name());
        assertEquals("batch_normalization", new Named("BatchNormalization").name());
        assertEquals("dense", new Named("Dense").name());
        assertEquals("Dense", new Named("Dense").type());
        assertEquals("Scale", new Scale(config()).type());
    }

    @Test
    void nameFromConfig() {
        assertEquals("scale_3", new Scale(config("name", "scale_3")).name());
        assertEquals("scale", new Scale(config("name", null)).name());
    }

    @Test
    void badNameTypeIsNamed() {
        NnException e = assertThrows(NnException.class, () -> new Scale(config("name", 5)));
        assertEquals("layer Scale: 'name' must be a string, got 5", e.getMessage());
    }

    @Test
    void setNameBeforeBuild() {
        Scale s = new Scale(config());
        s.setName("scale_1");
        assertEquals("scale_1", s.name());
        s.build(Shape.of(3), BuildContext.seeded(0));
        assertEquals("scale_1/w:0", s.weights().get(0).path());
        assertEquals("scale_1 (Scale)", s.toString());
    }

    @Test
    void setNameAfterBuildThrows() {
        Scale s = built(3);
        NnException e = assertThrows(NnException.class, () -> s.setName("other"));
        assertEquals("layer scale is built; it cannot be renamed to other", e.getMessage());
        assertEquals("scale", s.name());
    }

    // ---- trainable

    @Test
    void trainableFromConfig() {
        assertTrue(new Scale(config()).isTrainable());
        assertFalse(new Scale(config("trainable", false)).isTrainable());
        assertTrue(new Scale(config("trainable", null)).isTrainable());
        NnException e = assertThrows(NnException.class, () -> new Scale(config("trainable", "no")));
        assertEquals("layer Scale: 'trainable' must be true or false, got \"no\"", e.getMessage());
    }

    @Test
    void setTrainable() {
        Scale s = built(3);
        s.setTrainable(false);
        assertFalse(s.isTrainable());
        s.setTrainable(true);
        assertTrue(s.isTrainable());
    }

    // ---- declared input shape

    @Test
    void noDeclaredInputShape() {
        assertEquals(Optional.empty(), new Scale(config()).declaredInputShape());
        assertEquals(Optional.empty(), new Scale(config("batch_input_shape", null)).declaredInputShape());
    }

    @Test
    void inputShapeFromConfig() {
        assertEquals(Optional.of(Shape.of(28, 28)), new Scale(config("input_shape", List.of(28, 28))).declaredInputShape());
    }

    @Test
    void batchInputShapeFromConfig() {
        Scale s = new Scale(config("batch_input_shape", Arrays.asList(null, 28, 28)));
        assertEquals(Optional.of(Shape.of(28, 28)), s.declaredInputShape());
        Scale fixedBatch = new Scale(config("batch_input_shape", List.of(32, 784)));
        assertEquals(Optional.of(Shape.of(784)), fixedBatch.declaredInputShape());
    }

    @Test
    void inputShapeWinsOverBatchInputShape() {
        Scale s = new Scale(config("input_shape", List.of(10), "batch_input_shape", Arrays.asList(null, 20)));
        assertEquals(Optional.of(Shape.of(10)), s.declaredInputShape());
    }

    @Test
    void badInputShapes() {
        NnException e = assertThrows(NnException.class, () -> new Scale(config("input_shape", List.of(28, 0))));
        assertEquals("layer Scale: 'input_shape' must be a list of positive integers, got [28, 0]", e.getMessage());
        NnException notList = assertThrows(NnException.class, () -> new Scale(config("batch_input_shape", "28x28")));
        assertEquals("layer Scale: 'batch_input_shape' must be a list like [null, 28, 28], got \"28x28\"",
                notList.getMessage());
        NnException empty = assertThrows(NnException.class, () -> new Scale(config("batch_input_shape", List.of())));
        assertEquals("layer Scale: 'batch_input_shape' must be a list like [null, 28, 28], got []", empty.getMessage());
    }

    // ---- config

    @Test
    void configWritesNameTrainableAndBatchInputShape() {
        Scale s = new Scale(config("name", "s1", "trainable", false, "input_shape", List.of(28, 28)));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", "s1");
        expected.put("trainable", false);
        expected.put("batch_input_shape", Arrays.asList(null, 28, 28));
        expected.put("scale_extra", 1);
        assertEquals(expected, s.config());
        assertEquals(List.of("name", "trainable", "batch_input_shape", "scale_extra"), List.copyOf(s.config().keySet()));
    }

    @Test
    void configWithoutDeclaredShapeHasNoBatchInputShape() {
        Map<String, Object> c = new Scale(config()).config();
        assertEquals("scale", c.get("name"));
        assertEquals(true, c.get("trainable"));
        assertFalse(c.containsKey("batch_input_shape"));
    }

    @Test
    void anUnknownKeyIsAnErrorNamingItAndTheKnownOnes() {
        NnException e = assertThrows(NnException.class, () -> new Scale(config("scale_extr", 1)));
        assertEquals("layer Scale: unknown key 'scale_extr'; known keys: scale_extra, name, trainable, input_shape,"
                + " batch_input_shape", e.getMessage());
    }

    @Test
    void kerasInertKeysAreAccepted() {
        Map<String, Object> keras = new LinkedHashMap<>();
        keras.put("dtype", "float32");
        keras.put("kernel_regularizer", null);
        keras.put("activity_regularizer", null);
        keras.put("bias_constraint", null);
        keras.put("batch_size", null);
        keras.put("scale_extra", 1);
        assertEquals("scale", new Scale(Config.of("layer Scale", keras)).name());
    }

    @Test
    void aRegularizerNnDoesNotImplementIsAnError() {
        NnException e = assertThrows(NnException.class, () -> new Scale(config("kernel_regularizer",
                Map.of("class_name", "L2", "config", Map.of("l2", 0.01)))));
        assertTrue(e.getMessage().startsWith("layer Scale: 'kernel_regularizer' is not implemented by nn; only null is"
                + " accepted, got {"), e.getMessage());
        NnException dtype = assertThrows(NnException.class, () -> new Scale(config("dtype", "float16")));
        assertEquals("layer Scale: 'dtype' is not implemented by nn; only \"float32\" is accepted, got \"float16\"",
                dtype.getMessage());
    }

    @Test
    void configRecreatesTheLayer() {
        Scale s = new Scale(config("name", "s1", "batch_input_shape", Arrays.asList(null, 28, 28)));
        s.setTrainable(false);
        Scale again = new Scale(Config.of("layer Scale", s.config()));
        assertEquals("s1", again.name());
        assertFalse(again.isTrainable());
        assertEquals(Optional.of(Shape.of(28, 28)), again.declaredInputShape());
        assertEquals(s.config(), again.config());
    }

    // ---- build

    @Test
    void buildFixesShapesAndWeights() {
        Scale s = new Scale(config());
        assertFalse(s.isBuilt());
        s.build(Shape.of(4), BuildContext.seeded(0));
        assertTrue(s.isBuilt());
        assertEquals(Shape.of(4), s.inputShape());
        assertEquals(Shape.of(4), s.outputShape());
        assertEquals(1, s.weights().size());
        Variable w = s.weights().get(0);
        assertEquals("scale/w:0", w.path());
        assertEquals(Shape.of(4), w.shape());
        assertTrue(w.trainable());
        assertArrayEquals(new float[] {1, 1, 1, 1}, w.value().data, "filled by the initializer");
        assertEquals(4, s.countParams());
    }

    @Test
    void buildTwiceThrows() {
        Scale s = built(4);
        NnException e = assertThrows(NnException.class, () -> s.build(Shape.of(5), BuildContext.seeded(0)));
        assertEquals("layer scale is already built for input (4,)", e.getMessage());
        assertEquals(Shape.of(4), s.inputShape());
        assertEquals(1, s.weights().size());
    }

    @Test
    void failedBuildLeavesTheLayerUnbuilt() {
        Scale s = new Scale(config());
        NnException e = assertThrows(NnException.class, () -> s.build(Shape.of(2, 2), BuildContext.seeded(0)));
        assertEquals("layer scale needs inputs of rank 1, got (2, 2)", e.getMessage());
        assertFalse(s.isBuilt());
        s.build(Shape.of(2), BuildContext.seeded(0));
        assertTrue(s.isBuilt());
    }

    @Test
    void shapesBeforeBuildThrowAClearError() {
        Scale s = new Scale(config());
        NnException out = assertThrows(NnException.class, s::outputShape);
        assertEquals("layer scale is not built yet: build it with an input shape first", out.getMessage());
        NnException in = assertThrows(NnException.class, s::inputShape);
        assertEquals("layer scale is not built yet: build it with an input shape first", in.getMessage());
        assertThrows(NnException.class, () -> s.forward(new FMatrixRMaj(1, 3), false));
    }

    @Test
    void weightsAreReadOnly() {
        Scale s = built(3);
        assertThrows(UnsupportedOperationException.class, () -> s.weights().clear());
    }

    // ---- checkInput

    @Test
    void checkInputAcceptsTheBuiltWidth() {
        Scale s = built(3);
        FMatrixRMaj x = new FMatrixRMaj(new float[][] {{1, 2, 3}, {4, 5, 6}});
        s.weights().get(0).assign(new float[] {1, 10, 100});
        FMatrixRMaj y = s.forward(x, false);
        assertArrayEquals(new float[] {1, 20, 300, 4, 50, 600}, y.data);
    }

    @Test
    void checkInputNamesTheLayerOnWrongWidth() {
        Scale s = new Scale(config("name", "my_scale"));
        s.build(Shape.of(3), BuildContext.seeded(0));
        NnException e = assertThrows(NnException.class, () -> s.forward(new FMatrixRMaj(2, 4), true));
        assertEquals("layer my_scale expects inputs of shape (None, 3) (3 values a sample), got 4 values a sample",
                e.getMessage());
    }

    // ---- trainable and non-trainable weights

    @Test
    void trainableAndNonTrainableWeights() {
        Scale s = new Scale(config(), true);
        s.build(Shape.of(2), BuildContext.seeded(0));
        assertEquals(List.of("scale/w:0", "scale/c:0"), s.weights().stream().map(Variable::path).toList());
        assertEquals(List.of("scale/w:0"), s.trainableWeights().stream().map(Variable::path).toList());
        assertEquals(List.of("scale/c:0"), s.nonTrainableWeights().stream().map(Variable::path).toList());
        assertEquals(4, s.countParams());
    }

    @Test
    void frozenLayerHasNoTrainableWeights() {
        Scale s = new Scale(config("trainable", false), true);
        s.build(Shape.of(2), BuildContext.seeded(0));
        assertTrue(s.trainableWeights().isEmpty());
        assertEquals(s.weights(), s.nonTrainableWeights());
        s.setTrainable(true);
        assertEquals(1, s.trainableWeights().size());
        s.setTrainable(false);
        assertTrue(s.trainableWeights().isEmpty());
    }

    // ---- variable lookup

    @Test
    void variableByShortNameOrPath() {
        Scale s = built(3);
        Variable w = s.weights().get(0);
        assertSame(w, s.variable("w"));
        assertSame(w, s.variable("scale/w:0"));
    }

    @Test
    void unknownVariableListsTheKnownPaths() {
        Scale s = new Scale(config(), true);
        s.build(Shape.of(2), BuildContext.seeded(0));
        NnException e = assertThrows(NnException.class, () -> s.variable("gamma"));
        assertEquals("layer scale has no variable 'gamma'; it has [scale/w:0, scale/c:0]", e.getMessage());
        assertThrows(NnException.class, () -> s.variable("other/w:0"));
    }

    @Test
    void unbuiltLayerHasNoVariables() {
        Scale s = new Scale(config());
        assertTrue(s.weights().isEmpty());
        NnException e = assertThrows(NnException.class, () -> s.variable("w"));
        assertEquals("layer scale has no variable 'w'; it has []", e.getMessage());
    }

    @Test
    void buildDrawsFromTheContext() {
        class Random extends BaseLayer {
            Random() {
                super("Random", Config.empty("layer Random"));
            }

            @Override
            protected Shape onBuild(Shape inputShape, BuildContext context) {
                addWeight("kernel", Shape.of(inputShape.size(), 5), Initializers.glorotUniform(), true, context);
                return Shape.of(5);
            }

            @Override
            public FMatrixRMaj forward(FMatrixRMaj input, boolean training) {
                return input;
            }

            @Override
            public FMatrixRMaj backward(FMatrixRMaj outputGradient, boolean inputGradientNeeded) {
                return outputGradient;
            }

            @Override
            protected void putConfig(Map<String, Object> config) {
            }
        }
        Random a = new Random();
        Random b = new Random();
        Random c = new Random();
        a.build(Shape.of(4), BuildContext.seeded(7));
        b.build(Shape.of(4), BuildContext.seeded(7));
        c.build(Shape.of(4), BuildContext.seeded(8));
        assertEquals("random/kernel:0", a.weights().get(0).path());
        assertEquals(Shape.of(5), a.outputShape());
        assertArrayEquals(a.variable("kernel").value().data, b.variable("kernel").value().data);
        assertFalse(Arrays.equals(a.variable("kernel").value().data, c.variable("kernel").value().data));
    }

    @Test
    void aBadBatchInputShapeIsReportedUnderItsOwnKey() {
        List<Object> bad = Arrays.asList(null, 28, "x");
        NnException e = assertThrows(NnException.class,
                () -> new FailingLayer(Config.of("layer Failing", Map.of("batch_input_shape", bad))));
        assertEquals("layer Failing: 'batch_input_shape' must be a list like [null, 28, 28], got [null, 28, x]", e.getMessage());
    }

    @Test
    void aFailedBuildLeavesNoWeightsBehind() {
        FailingLayer layer = new FailingLayer(Config.empty("layer Failing"));
        assertThrows(NnException.class, () -> layer.build(Shape.of(3), BuildContext.seeded(1)));
        assertTrue(layer.weights().isEmpty());
        assertFalse(layer.isBuilt());
    }

    /** Adds a weight, then finds the input shape unfit. */
    private static final class FailingLayer extends BaseLayer {
        FailingLayer(Config config) {
            super("Failing", config);
        }

        @Override
        protected Shape onBuild(Shape inputShape, BuildContext context) {
            addWeight("w", inputShape, Initializers.zeros(), true, context);
            throw new NnException("layer " + name() + " does not fit " + inputShape);
        }

        @Override
        public FMatrixRMaj forward(FMatrixRMaj input, boolean training) {
            return input;
        }

        @Override
        public FMatrixRMaj backward(FMatrixRMaj outputGradient, boolean inputGradientNeeded) {
            return outputGradient;
        }

        @Override
        protected void putConfig(Map<String, Object> config) {
        }
    }
}
