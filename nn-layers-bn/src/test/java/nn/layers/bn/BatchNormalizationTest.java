package nn.layers.bn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import nn.api.BuildContext;
import nn.api.Config;
import nn.api.Layer;
import nn.api.LayerProvider;
import nn.api.NnException;
import nn.api.Shape;
import nn.api.Variable;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Hand-computed values, Keras semantics of training / inference / frozen, configuration errors and plugin lookup. */
class BatchNormalizationTest {
    private static final float TOL = 1e-5f;

    private static BatchNormalization build(Map<String, ?> config, int... inputShape) {
        BatchNormalization layer = new BatchNormalization(Config.of("layer BatchNormalization", config));
        layer.build(Shape.of(inputShape), BuildContext.seeded(1));
        return layer;
    }

    private static FMatrixRMaj matrix(float[][] rows) {
        return new FMatrixRMaj(rows);
    }

    private static float[] values(Layer layer, String weight) {
        return layer.variable(weight).value().data.clone();
    }

    // x = [[1, 2], [3, 4], [5, 9]]
    // column 0: mean = (1 + 3 + 5) / 3 = 3; deviations -2, 0, 2; var = (4 + 0 + 4) / 3 = 2.6666667
    //           sqrt(var + 0.001) = sqrt(2.6676667) = 1.6332993; xhat = -2 / 1.6332993 = -1.2245153, 0, 1.2245153
    // column 1: mean = (2 + 4 + 9) / 3 = 5; deviations -3, -1, 4; var = (9 + 1 + 16) / 3 = 8.6666667
    //           sqrt(var + 0.001) = sqrt(8.6676667) = 2.9440901; xhat = -1.0189905, -0.3396635, 1.3586541
    private static final float[][] X = {{1, 2}, {3, 4}, {5, 9}};
    private static final float[] XHAT = {-1.2245153f, -1.0189905f, 0f, -0.3396635f, 1.2245153f, 1.3586541f};

    @Test
    void trainingStepMatchesHandComputedValues() {
        BatchNormalization layer = build(Map.of(), 2);
        FMatrixRMaj y = layer.forward(matrix(X), true);
        // gamma 1, beta 0: y = xhat
        assertArrayEquals(XHAT, y.data, TOL);
        // moving_mean = 0 * 0.99 + mean * 0.01 = 0.03, 0.05
        assertArrayEquals(new float[] {0.03f, 0.05f}, values(layer, "moving_mean"), 1e-7f);
        // moving_variance = 1 * 0.99 + var * 0.01 = 0.99 + 0.026666667, 0.99 + 0.086666667
        assertArrayEquals(new float[] {1.0166667f, 1.0766667f}, values(layer, "moving_variance"), 1e-6f);
    }

    @Test
    void gammaAndBetaScaleAndShiftTheNormalizedValues() {
        BatchNormalization layer = build(Map.of(), 2);
        layer.variable("gamma").assign(new float[] {2, -1});
        layer.variable("beta").assign(new float[] {0.5f, 10});
        FMatrixRMaj y = layer.forward(matrix(X), true);
        float[] expected = new float[6];
        for (int k = 0; k < 6; k++) {
            expected[k] = k % 2 == 0 ? 2 * XHAT[k] + 0.5f : -XHAT[k] + 10;
        }
        assertArrayEquals(expected, y.data, TOL);
    }

    @Test
    void momentumZeroMakesMovingStatisticsTheBatchStatistics() {
        BatchNormalization layer = build(Map.of("momentum", 0), 2);
        layer.forward(matrix(X), true);
        assertArrayEquals(new float[] {3f, 5f}, values(layer, "moving_mean"), 1e-6f);
        assertArrayEquals(new float[] {8f / 3, 26f / 3}, values(layer, "moving_variance"), 1e-6f);
        // so inference on the same batch now gives the training output
        assertArrayEquals(XHAT, layer.forward(matrix(X), false).data, TOL);
    }

    @Test
    void movingStatisticsAfterFirstStepStartFromTheirInitializers() {
        BatchNormalization layer = build(Map.of("moving_mean_initializer", Map.of("class_name", "Constant",
                "config", Map.of("value", 2.0)), "moving_variance_initializer", "zeros"), 2);
        layer.forward(matrix(X), true);
        // 0.99 * 2 + 0.01 * 3 = 2.01; 0.99 * 2 + 0.01 * 5 = 2.03
        assertArrayEquals(new float[] {2.01f, 2.03f}, values(layer, "moving_mean"), 1e-6f);
        // 0.99 * 0 + 0.01 * 8/3, 0.01 * 26/3
        assertArrayEquals(new float[] {0.026666667f, 0.086666667f}, values(layer, "moving_variance"), 1e-7f);
    }

    @Test
    void inferenceUsesMovingStatisticsAndChangesNothing() {
        BatchNormalization layer = build(Map.of(), 2);
        FMatrixRMaj y = layer.forward(matrix(X), false);
        // fresh moving stats: mean 0, variance 1, so y = x / sqrt(1.001) = x * 0.99950037
        float[] expected = {1 * 0.99950037f, 2 * 0.99950037f, 3 * 0.99950037f, 4 * 0.99950037f, 5 * 0.99950037f,
            9 * 0.99950037f};
        assertArrayEquals(expected, y.data, TOL);
        assertArrayEquals(new float[] {0, 0}, values(layer, "moving_mean"), 0f);
        assertArrayEquals(new float[] {1, 1}, values(layer, "moving_variance"), 0f);
    }

    @Test
    void frozenLayerRunsInInferenceModeEvenWhenTraining() {
        // columns already standardized: mean 0, biased variance (1 + 1 + 1 + 1) / 4 = 1 and (2 + 0 + 2 + 0) / 4 = 1
        float[][] rows = {{-1f, -1.4142135f}, {1f, 0f}, {-1f, 1.4142135f}, {1f, 0f}};
        BatchNormalization layer = build(Map.of(), 2);
        layer.variable("moving_mean").assign(new float[] {0, 0});
        layer.variable("moving_variance").assign(new float[] {1, 1});
        layer.setTrainable(false);
        float[] inference = layer.forward(matrix(rows), false).data.clone();
        float[] training = layer.forward(matrix(rows), true).data.clone();
        assertArrayEquals(inference, training, 0f, "a frozen layer's training forward is its inference forward");
        // (x - 0) / sqrt(1 + 0.001): almost the identity
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(rows[i][j] / Math.sqrt(1.001), training[i * 2 + j], TOL);
            }
        }
        assertArrayEquals(new float[] {0, 0}, values(layer, "moving_mean"), 0f);
        assertArrayEquals(new float[] {1, 1}, values(layer, "moving_variance"), 0f);
        assertTrue(layer.trainableWeights().isEmpty());
        // a batch whose statistics differ from the moving ones: still inference, still no update
        assertArrayEquals(layer.forward(matrix(X), false).data.clone(), layer.forward(matrix(X), true).data, 0f);
        assertArrayEquals(new float[] {0, 0}, values(layer, "moving_mean"), 0f);
        assertArrayEquals(new float[] {1, 1}, values(layer, "moving_variance"), 0f);
    }

    @Test
    void frozenLayerWithOtherStatisticsUsesThem() {
        BatchNormalization layer = build(Map.of("trainable", false), 2);
        layer.variable("moving_mean").assign(new float[] {3, 5});
        layer.variable("moving_variance").assign(new float[] {8f / 3, 26f / 3});
        // moving stats equal to X's batch stats: frozen output equals the training output of an unfrozen layer
        assertArrayEquals(XHAT, layer.forward(matrix(X), true).data, TOL);
    }

    @Test
    void frozenBackwardIsTheFixedAffineMap() {
        BatchNormalization layer = build(Map.of(), 2);
        layer.variable("gamma").assign(new float[] {2, -3});
        layer.variable("moving_variance").assign(new float[] {3.999f, 0.249f});
        layer.setTrainable(false);
        layer.forward(matrix(X), true);
        FMatrixRMaj dy = matrix(new float[][] {{1, 1}, {2, -1}, {0.5f, 4}});
        FMatrixRMaj dx = layer.backward(dy, true);
        // dx = dy * gamma / sqrt(moving_variance + 0.001): column 0 * 2 / 2 = 1, column 1 * -3 / 0.5 = -6
        assertArrayEquals(new float[] {1, -6, 2, 6, 0.5f, -24}, dx.data, TOL);
        assertArrayEquals(new float[] {0, 0}, layer.variable("gamma").gradient().data, 0f, "frozen: no weight gradients");
        assertNull(layer.backward(dy, false));
    }

    @Test
    void trainingBatchOfOneRowGivesBeta() {
        BatchNormalization layer = build(Map.of(), 3);
        layer.variable("beta").assign(new float[] {0.5f, -1, 0});
        FMatrixRMaj y = layer.forward(matrix(new float[][] {{4, -7, 100}}), true);
        // var = 0, xhat = 0 * 1/sqrt(0.001) = 0, so y = beta
        assertArrayEquals(new float[] {0.5f, -1, 0}, y.data, 0f);
        // moving = 0.99 * init + 0.01 * batch: mean = x, variance 0
        assertArrayEquals(new float[] {0.04f, -0.07f, 1f}, values(layer, "moving_mean"), 1e-6f);
        assertArrayEquals(new float[] {0.99f, 0.99f, 0.99f}, values(layer, "moving_variance"), 1e-7f);
        FMatrixRMaj dx = layer.backward(matrix(new float[][] {{1, 2, 3}}), true);
        assertArrayEquals(new float[] {0, 0, 0}, dx.data, 0f, "the output does not depend on a lone row");
        assertArrayEquals(new float[] {1, 2, 3}, layer.variable("beta").gradient().data, 0f);
    }

    @Test
    void largeOffsetKeepsItsVariance() {
        // 10000 + (-1, 0, 1): var 2/3; a one-pass E[x^2] - E[x]^2 in float would lose it entirely
        BatchNormalization layer = build(Map.of("momentum", 0), 1);
        layer.forward(matrix(new float[][] {{9999}, {10000}, {10001}}), true);
        assertEquals(2f / 3, values(layer, "moving_variance")[0], 1e-6f);
        assertEquals(10000f, values(layer, "moving_mean")[0], 0f);
    }

    @Test
    void weightsPathsAndParameterCounts() {
        BatchNormalization layer = build(Map.of(), 7);
        assertEquals("BatchNormalization", layer.type());
        assertEquals("batch_normalization", layer.name());
        assertEquals(Shape.of(7), layer.outputShape());
        assertEquals(List.of("batch_normalization/gamma:0", "batch_normalization/beta:0",
                "batch_normalization/moving_mean:0", "batch_normalization/moving_variance:0"),
                layer.weights().stream().map(Variable::path).toList());
        assertEquals(List.of(true, true, false, false), layer.weights().stream().map(Variable::trainable).toList());
        for (Variable v : layer.weights()) {
            assertEquals(Shape.of(7), v.shape());
        }
        assertEquals(4 * 7, layer.countParams());
        assertEquals(2 * 7, layer.nonTrainableWeights().stream().mapToInt(Variable::size).sum());
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1}, values(layer, "gamma"), 0f);
        assertArrayEquals(new float[7], values(layer, "beta"), 0f);
        assertArrayEquals(new float[7], values(layer, "moving_mean"), 0f);
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1}, values(layer, "moving_variance"), 0f);

        BatchNormalization plain = build(Map.of("center", false, "scale", false), 7);
        assertEquals(List.of("batch_normalization/moving_mean:0", "batch_normalization/moving_variance:0"),
                plain.weights().stream().map(Variable::path).toList());
        assertEquals(2 * 7, plain.countParams());
    }

    @Test
    void configWritesKerasKeysAndObjects() {
        BatchNormalization layer = new BatchNormalization();
        layer.build(Shape.of(3), BuildContext.seeded(1));
        Map<String, Object> config = layer.config();
        assertEquals("batch_normalization", config.get("name"));
        assertEquals(true, config.get("trainable"));
        assertEquals(-1, config.get("axis"));
        assertEquals(0.99, config.get("momentum"));
        assertEquals(0.001, config.get("epsilon"));
        assertEquals(true, config.get("center"));
        assertEquals(true, config.get("scale"));
        assertEquals(Map.of("class_name", "Zeros", "config", Map.of()), config.get("beta_initializer"));
        assertEquals(Map.of("class_name", "Ones", "config", Map.of()), config.get("gamma_initializer"));
        assertEquals(Map.of("class_name", "Zeros", "config", Map.of()), config.get("moving_mean_initializer"));
        assertEquals(Map.of("class_name", "Ones", "config", Map.of()), config.get("moving_variance_initializer"));
        assertTrue(config.containsKey("beta_regularizer") && config.get("beta_regularizer") == null);

        BatchNormalization custom = new BatchNormalization(Config.of("layer BatchNormalization",
                Map.of("momentum", 0.9, "epsilon", 1e-5, "axis", List.of(1), "name", "bn")));
        assertEquals(0.9, custom.momentum());
        assertEquals(1e-5, custom.epsilon());
        Map<String, Object> saved = custom.config();
        assertEquals(1, saved.get("axis"), "Keras's built form [1] is the last axis of (None, n)");
        assertEquals("bn", saved.get("name"));
        assertEquals(saved, new BatchNormalizationProvider().create(Config.of("layer BatchNormalization", saved)).config());
    }

    @Test
    void badConfigurationsNameTheLayerAndTheKey() {
        assertBadConfig(Map.of("momentum", 1.5), "momentum");
        assertBadConfig(Map.of("momentum", -0.1), "momentum");
        assertBadConfig(Map.of("momentum", "high"), "momentum");
        assertBadConfig(Map.of("epsilon", 0), "epsilon");
        assertBadConfig(Map.of("epsilon", -1e-3), "epsilon");
        assertBadConfig(Map.of("axis", 0), "axis");
        assertBadConfig(Map.of("axis", -2), "axis");
        assertBadConfig(Map.of("axis", List.of(1, 2)), "axis");
        assertBadConfig(Map.of("gamma_initializer", "no_such_initializer"), "gamma_initializer");
        assertBadConfig(Map.of("beta_regularizer", Map.of("class_name", "L2")), "beta_regularizer");
        assertBadConfig(Map.of("center", "yes"), "center");
        assertBadConfig(Map.of("renorm", true), "renorm");
        assertBadConfig(Map.of("momentun", 0.9), "momentun");
        assertBadConfig(Map.of("gamma_constraint", "non_neg"), "gamma_constraint");
    }

    @Test
    void anUnknownKeyListsTheKnownOnes() {
        NnException e = assertThrows(NnException.class, () -> build(Map.of("momentun", 0.9), 4));
        assertEquals("layer BatchNormalization: unknown key 'momentun'; known keys: axis, momentum, epsilon, center,"
                + " scale, beta_initializer, gamma_initializer, moving_mean_initializer, moving_variance_initializer,"
                + " name, trainable, input_shape, batch_input_shape", e.getMessage());
    }

    @Test
    void kerasInertKeysAreAccepted() {
        Map<String, Object> keras = new java.util.HashMap<>();
        keras.put("dtype", "float32");
        keras.put("beta_regularizer", null);
        keras.put("gamma_constraint", null);
        keras.put("renorm", false);
        keras.put("synchronized", false);
        keras.put("virtual_batch_size", null);
        build(keras, 4);
    }

    private static void assertBadConfig(Map<String, ?> config, String key) {
        NnException e = assertThrows(NnException.class, () -> build(config, 4), () -> "config " + config + " should fail");
        assertTrue(e.getMessage().contains("BatchNormalization") && e.getMessage().contains("'" + key + "'"),
                () -> "the error should name the layer and '" + key + "': " + e.getMessage());
    }

    @Test
    void axisOtherThanTheLastFailsAtBuild() {
        NnException e = assertThrows(NnException.class, () -> build(Map.of("axis", 1), 4, 3));
        assertTrue(e.getMessage().contains("batch_normalization") && e.getMessage().contains("'axis'"), e.getMessage());
        assertEquals(Shape.of(4, 3), build(Map.of("axis", 2), 4, 3).outputShape());
        NnException scalar = assertThrows(NnException.class, () -> build(Map.of()));
        assertTrue(scalar.getMessage().contains("batch_normalization"), scalar.getMessage());
    }

    @Test
    void backwardNeedsATrainingForwardOfTheSameSize() {
        BatchNormalization layer = build(Map.of(), 2);
        NnException e = assertThrows(NnException.class, () -> layer.backward(new FMatrixRMaj(3, 2), true));
        assertTrue(e.getMessage().contains("batch_normalization"), e.getMessage());
        layer.forward(matrix(X), true);
        NnException wrong = assertThrows(NnException.class, () -> layer.backward(new FMatrixRMaj(4, 2), true));
        assertTrue(wrong.getMessage().contains("batch_normalization"), wrong.getMessage());
    }

    @Test
    void buffersAreReusedOnceWarm() {
        BatchNormalization layer = build(Map.of(), 3);
        FMatrixRMaj big = random(8, 3, 1);
        FMatrixRMaj y = layer.forward(big, true);
        float[] outputArray = y.data;
        FMatrixRMaj dx = layer.backward(random(8, 3, 2), true);
        float[] gradientArray = dx.data;
        FMatrixRMaj ySmall = layer.forward(random(5, 3, 3), true);
        assertSame(y, ySmall);
        assertSame(outputArray, ySmall.data);
        assertEquals(5, ySmall.numRows);
        FMatrixRMaj dxSmall = layer.backward(random(5, 3, 4), true);
        assertSame(gradientArray, dxSmall.data);
        assertEquals(5, dxSmall.numRows);
    }

    @Test
    void serviceLoaderFindsTheProvider() throws Exception {
        // A named module may only load services it declares with 'uses'; the tests add that at run time.
        getClass().getModule().addUses(LayerProvider.class);
        Map<String, LayerProvider> byName = new HashMap<>();
        for (LayerProvider p : ServiceLoader.load(LayerProvider.class)) {
            byName.put(p.name(), p);
        }
        assertTrue(byName.containsKey("BatchNormalization"), () -> "providers found: " + byName.keySet());
        Layer layer = byName.get("BatchNormalization").create(Config.empty("layer BatchNormalization"));
        assertEquals("BatchNormalization", layer.type());
        assertEquals(List.of("batch_normalization"), new BatchNormalizationProvider().aliases());

        // the class-path registration lists the same provider
        try (var in = BatchNormalizationProvider.class.getResourceAsStream("/META-INF/services/nn.api.LayerProvider")) {
            String listed = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).collect(Collectors.joining("\n"));
            assertEquals(BatchNormalizationProvider.class.getName(), listed);
        }
    }

    // ---- an independent reference in double precision ----

    @Test
    void matchesADoublePrecisionReference() {
        int n = 8;
        int c = 3;
        FMatrixRMaj x = random(n, c, 42);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = x.data[i] * (1 + i % c) + 5 * (i % c);
        }
        FMatrixRMaj dy = random(n, c, 43);
        BatchNormalization layer = build(Map.of("momentum", 0.9, "epsilon", 1e-3), c);
        float[] gamma = {1.5f, -0.5f, 0.8f};
        float[] beta = {0.1f, 0.2f, -0.3f};
        layer.variable("gamma").assign(gamma);
        layer.variable("beta").assign(beta);
        FMatrixRMaj y = layer.forward(x, true);
        FMatrixRMaj dx = layer.backward(dy, true);
        Reference ref = Reference.of(x, dy, gamma, beta, 1e-3);
        assertArrayEquals(ref.y, toDouble(y.data), 1e-5);
        assertArrayEquals(ref.dx, toDouble(dx.data), 1e-5);
        assertArrayEquals(ref.dgamma, toDouble(layer.variable("gamma").gradient().data), 1e-5);
        assertArrayEquals(ref.dbeta, toDouble(layer.variable("beta").gradient().data), 1e-5);
        double[] movingMean = new double[c];
        double[] movingVariance = new double[c];
        for (int j = 0; j < c; j++) {
            movingMean[j] = 0.1 * ref.mean[j];
            movingVariance[j] = 0.9 + 0.1 * ref.var[j];
        }
        assertArrayEquals(movingMean, toDouble(values(layer, "moving_mean")), 1e-5);
        assertArrayEquals(movingVariance, toDouble(values(layer, "moving_variance")), 1e-5);
    }

    @Test
    void rankThreeInputsNormalizePerChannelOverBatchAndPositions() {
        // samples of shape (2, 2, 3): 4 positions of 3 channels; a batch of 5 is a 20 x 3 matrix in memory
        FMatrixRMaj x = random(5, 12, 7);
        FMatrixRMaj dy = random(5, 12, 8);
        BatchNormalization layer = build(Map.of(), 2, 2, 3);
        FMatrixRMaj y = layer.forward(x, true);
        FMatrixRMaj dx = layer.backward(dy, true);
        Reference ref = Reference.of(FMatrixRMaj.wrap(20, 3, x.data), FMatrixRMaj.wrap(20, 3, dy.data), new float[] {1, 1, 1}, new float[3], 1e-3);
        assertArrayEquals(ref.y, toDouble(y.data), 1e-5);
        assertArrayEquals(ref.dx, toDouble(dx.data), 1e-5);
        assertEquals(3, layer.variable("gamma").size());
    }

    /** Plain-loop batch normalization in double, the backward by the textbook chain rule through mean and variance. */
    private record Reference(double[] mean, double[] var, double[] y, double[] dx, double[] dgamma, double[] dbeta) {

        static Reference of(FMatrixRMaj xm, FMatrixRMaj dym, float[] gamma, float[] beta, double eps) {
            int n = xm.numRows;
            int c = xm.numCols;
            double[] mean = new double[c];
            double[] var = new double[c];
            double[] y = new double[n * c];
            double[] dx = new double[n * c];
            double[] dgamma = new double[c];
            double[] dbeta = new double[c];
            for (int j = 0; j < c; j++) {
                for (int i = 0; i < n; i++) {
                    mean[j] += xm.get(i, j) / (double) n;
                }
                for (int i = 0; i < n; i++) {
                    var[j] += Math.pow(xm.get(i, j) - mean[j], 2) / n;
                }
                double std = Math.sqrt(var[j] + eps);
                double dvar = 0;
                double dmean = 0;
                for (int i = 0; i < n; i++) {
                    double xhat = (xm.get(i, j) - mean[j]) / std;
                    double g = dym.get(i, j);
                    y[i * c + j] = gamma[j] * xhat + beta[j];
                    dgamma[j] += g * xhat;
                    dbeta[j] += g;
                    dvar += g * gamma[j] * (xm.get(i, j) - mean[j]) * -0.5 * Math.pow(var[j] + eps, -1.5);
                    dmean += -g * gamma[j] / std;
                }
                for (int i = 0; i < n; i++) {
                    // dvar's own dependence on the mean sums to zero: sum(x - mean) = 0
                    dx[i * c + j] = dym.get(i, j) * gamma[j] / std + dvar * 2 * (xm.get(i, j) - mean[j]) / n + dmean / n;
                }
            }
            return new Reference(mean, var, y, dx, dgamma, dbeta);
        }
    }

    private static FMatrixRMaj random(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (float) random.nextGaussian();
        }
        return m;
    }

    private static double[] toDouble(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }
}
