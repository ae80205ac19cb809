package nn.layers.bn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nn.api.Activation;
import nn.api.BuildContext;
import nn.api.Config;
import nn.api.ElementwiseActivation;
import nn.api.Kernels;
import nn.api.NnException;
import nn.api.Optimizer;
import nn.api.ReluOps;
import nn.api.Shape;
import nn.api.Variable;
import nn.core.ActivationLayer;
import nn.core.Dense;
import nn.core.Sequential;
import nn.core.SparseCategoricalCrossentropy;
import nn.kernels.vector.VectorKernels;
import nn.testkit.RecordingKernels;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The ReLU applied inside BatchNormalization's passes ({@link nn.api.FusesActivation}) gives the
 * bits of the layer followed by a separate ReLU: forward, backward, and in a model.
 */
class BatchNormalizationReluTest {
    private static final Activation RELU = new ActivationLayer("relu").activation();

    /** The ReLU under another name, which no layer fuses: the passes to compare with. */
    private static final class ReluUnderAnotherName extends ElementwiseActivation {
        @Override
        public String name() {
            return "relu_unfused";
        }

        @Override
        protected float apply(float x) {
            return Math.max(x, 0f);
        }

        @Override
        protected float derivative(float x, float y) {
            throw new AssertionError("backward goes through the kernels' reluBackward, as the relu's does");
        }

        @Override
        public boolean backwardOnKernels(Kernels kernels, float[] x, float[] y, float[] dy, float[] dx, int n) {
            kernels.reluBackward(y, dy, dx, n);
            return true;
        }
    }

    private static BatchNormalization build(int... inputShape) {
        BatchNormalization layer = new BatchNormalization(Config.of("layer BatchNormalization",
                Map.of("momentum", 0.5, "beta_initializer", "random_normal", "gamma_initializer", "random_normal")));
        layer.build(Shape.of(inputShape), BuildContext.seeded(3));
        return layer;
    }

    private static FMatrixRMaj random(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (float) (random.nextGaussian() * 2 + 0.5);
        }
        return m;
    }

    @Test
    void appliesOnlyTheReluAndOnlyWhileTrainingOnTheBatchStatistics() {
        BatchNormalization layer = build(4);
        assertTrue(layer.fusesActivation(RELU, true));
        assertFalse(layer.fusesActivation(RELU, false), "inference normalizes with the moving statistics");
        assertFalse(layer.fusesActivation(new ReluUnderAnotherName(), true));
        assertFalse(layer.fusesActivation(new ActivationLayer("sigmoid").activation(), true));
        layer.setTrainable(false);
        assertFalse(layer.fusesActivation(RELU, true), "a frozen layer runs on its moving statistics");
        NnException e = assertThrows(NnException.class, () -> layer.forwardActivated(random(3, 4, 1), true, RELU));
        assertTrue(e.getMessage().startsWith("layer batch_normalization: cannot apply activation 'relu'"), e.getMessage());
    }

    @Test
    void forwardAndBackwardGiveTheBitsOfTheTwoLayersApart() {
        for (int[] shape : new int[][] {{37}, {3, 5}}) {
            int size = Shape.of(shape).size();
            BatchNormalization fused = build(shape);
            BatchNormalization apart = build(shape);
            for (int step = 0; step < 3; step++) {
                FMatrixRMaj x = random(6, size, step);
                FMatrixRMaj dy = random(6, size, 10 + step);
                FMatrixRMaj y = fused.forwardActivated(x, true, RELU).copy();
                FMatrixRMaj expectedY = apart.forward(x, true).copy();
                RELU.forward(expectedY.copy(), expectedY);
                assertArrayEquals(expectedY.data, y.data, "output, step " + step);

                FMatrixRMaj dx = fused.backwardActivated(dy, true);
                FMatrixRMaj reluGradient = new FMatrixRMaj(6, size);
                ReluOps.backward(expectedY.data, dy.data, reluGradient.data, 0, reluGradient.data.length);
                assertArrayEquals(apart.backward(reluGradient, true).data, dx.data, "input gradient, step " + step);
                for (String weight : List.of("gamma", "beta")) {
                    assertArrayEquals(apart.variable(weight).gradient().data, fused.variable(weight).gradient().data,
                            weight + " gradient, step " + step);
                }
                for (String weight : List.of("moving_mean", "moving_variance")) {
                    assertArrayEquals(apart.variable(weight).value().data, fused.variable(weight).value().data,
                            weight + ", step " + step);
                }
            }
        }
    }

    @Test
    void withoutAnInputGradientItStillGivesGammaAndBetaTheirs() {
        BatchNormalization fused = build(5);
        BatchNormalization apart = build(5);
        FMatrixRMaj x = random(4, 5, 1);
        FMatrixRMaj dy = random(4, 5, 2);
        FMatrixRMaj y = fused.forwardActivated(x, true, RELU);
        apart.forward(x, true);
        FMatrixRMaj reluGradient = new FMatrixRMaj(4, 5);
        ReluOps.backward(y.data, dy.data, reluGradient.data, 0, 20);
        assertNull(fused.backwardActivated(dy, false));
        apart.backward(reluGradient, false);
        assertArrayEquals(apart.variable("gamma").gradient().data, fused.variable("gamma").gradient().data);
        assertArrayEquals(apart.variable("beta").gradient().data, fused.variable("beta").gradient().data);
    }

    @Test
    void backwardMustMatchTheForwardItFollows() {
        BatchNormalization layer = build(2);
        FMatrixRMaj x = random(3, 2, 1);
        layer.forwardActivated(x, true, RELU);
        NnException plain = assertThrows(NnException.class, () -> layer.backward(new FMatrixRMaj(3, 2), true));
        assertEquals("layer batch_normalization: backward after forwardActivated needs backwardActivated, from the "
                + "gradient of the ReLU's output", plain.getMessage());
        layer.forward(x, true);
        NnException fused = assertThrows(NnException.class, () -> layer.backwardActivated(new FMatrixRMaj(3, 2), true));
        assertEquals("layer batch_normalization: backwardActivated needs the last training pass to be forwardActivated, "
                + "it was forward", fused.getMessage());
    }

    /** Dense, BatchNormalization, ReLU, Dense(softmax): one model fuses, the other runs the ReLU as a layer. */
    private static Sequential model(Kernels kernels, int units, Activation relu) {
        Sequential model = new Sequential("model", new BuildContext(kernels, new SplittableRandom(5)));
        model.add(new Dense(Config.of("layer Dense", Map.of("units", units, "use_bias", false))));
        model.add(new BatchNormalization());
        model.add(new ActivationLayer(Config.of("layer Activation", Map.of("activation", relu.name()))
                .withResolver((spec, owner) -> relu)));
        model.add(new Dense(Config.of("layer Dense", Map.of("units", 3, "activation", "softmax"))));
        model.build(Shape.of(7));
        model.compile(mock(Optimizer.class), new SparseCategoricalCrossentropy());
        return model;
    }

    @Test
    void aModelGivesTheBitsOfTheUnfusedModelWithoutTheReluPasses() {
        RecordingKernels fused = new RecordingKernels();
        RecordingKernels apart = new RecordingKernels();
        assertModelsAgree(fused.kernels(), apart.kernels(), 16, 9);
        assertEquals(3, Collections.frequency(fused.calls(), "columnNormalizeRelu"));
        assertEquals(3, Collections.frequency(fused.calls(), "columnReluSumsAndDots"));
        assertFalse(fused.calls().contains("columnNormalize"), "no separate normalize pass");
        assertFalse(fused.calls().contains("reluBackward"), "no separate relu pass");
        assertEquals(3, Collections.frequency(apart.calls(), "columnNormalize"));
        assertEquals(3, Collections.frequency(apart.calls(), "reluBackward"));
    }

    /** 256 x 160 floats: the vector kernels cut BatchNormalization's passes between the threads. */
    @Test
    void soItDoesOnTheVectorKernelsOnTwoThreads() {
        try (VectorKernels kernels = new VectorKernels().withThreads(2)) {
            assertModelsAgree(kernels, kernels, 160, 256);
        }
    }

    private static void assertModelsAgree(Kernels fusedKernels, Kernels apartKernels, int units, int batch) {
        Sequential fused = model(fusedKernels, units, RELU);
        Sequential apart = model(apartKernels, units, new ReluUnderAnotherName());
        for (int step = 0; step < 3; step++) {
            FMatrixRMaj x = random(batch, 7, step);
            FMatrixRMaj labels = new FMatrixRMaj(batch, 1);
            for (int i = 0; i < batch; i++) {
                labels.data[i] = (i * 7 + step) % 3;
            }
            assertEquals(apart.computeGradients(x, labels), fused.computeGradients(x, labels), "loss, step " + step);
            assertArrayEquals(apart.lastOutput().data, fused.lastOutput().data, "outputs, step " + step);
            List<Variable> expected = apart.trainableWeights();
            List<Variable> actual = fused.trainableWeights();
            for (int v = 0; v < expected.size(); v++) {
                assertArrayEquals(expected.get(v).gradient().data, actual.get(v).gradient().data,
                        expected.get(v).path() + ", step " + step);
            }
        }
        FMatrixRMaj x = random(batch, 7, 9);
        assertArrayEquals(apart.predict(x, 64).data, fused.predict(x, 64).data, "inference");
    }
}
