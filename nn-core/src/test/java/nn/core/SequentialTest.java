package nn.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nn.api.Features;
import nn.api.Layer;
import nn.api.NnException;
import nn.api.Shape;
import nn.api.Variable;
import nn.testkit.RandomMatrices;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class SequentialTest {
    private static Sequential mlp(long seed) {
        return new Sequential(seed).add(new Flatten(2, 3)).add(new Dense(4, "relu", false))
                .add(new Dense(4, "relu", true)).add(new Dense(3, "softmax", true));
    }

    @Test
    void namesLayersLikeKeras() {
        Sequential model = mlp(0).add(new ActivationLayer("relu")).add(new ActivationLayer("tanh"));
        assertEquals(List.of("flatten", "dense", "dense_1", "dense_2", "activation", "activation_1"),
                model.layers().stream().map(Layer::name).toList());
        assertEquals(List.of("dense/kernel:0", "dense_1/kernel:0", "dense_1/bias:0", "dense_2/kernel:0", "dense_2/bias:0"),
                model.weights().stream().map(Variable::path).toList());
    }

    @Test
    void aDuplicateExplicitNameIsRejected() {
        Sequential model = new Sequential().add(new Dense(nn.api.Config.of("layer Dense", Map.of("units", 2, "name", "out"))));
        NnException e = assertThrows(NnException.class,
                () -> model.add(new Dense(nn.api.Config.of("layer Dense", Map.of("units", 2, "name", "out")))));
        assertEquals("model sequential already has a layer named 'out'", e.getMessage());
    }

    @Test
    void buildsFromTheFirstLayersInputShapeAndGivesLayersAndVariablesByIndexAndName() {
        Sequential model = mlp(0);
        assertTrue(model.isBuilt());
        assertEquals(Shape.of(2, 3), model.inputShape());
        assertEquals(Shape.of(3), model.outputShape());
        assertSame(model.layer(2), model.layer("dense_1"));
        assertSame(model.layer(2).weights().get(1), model.layer(2).variable("dense_1/bias:0"));
        assertSame(model.layer(2).weights().get(1), model.layer(2).variable("bias"));
        NnException e = assertThrows(NnException.class, () -> model.layer(9));
        assertEquals("model sequential has layers 0 to 3, not 9", e.getMessage());
        assertThrows(NnException.class, () -> model.layer(2).variable("gamma"));
    }

    @Test
    void aModelWithoutInputShapeIsBuiltExplicitly() {
        Sequential model = new Sequential().add(new Dense(3)).add(new Dense(2));
        NnException e = assertThrows(NnException.class, model::summary);
        assertTrue(e.getMessage().contains("not built"), e.getMessage());
        model.build(Shape.of(5));
        assertEquals(5 * 3 + 3 + 3 * 2 + 2, model.weights().stream().mapToInt(Variable::size).sum());
    }

    @Test
    void aDenseAfterAnUnflattenedInputSaysToFlatten() {
        NnException e = assertThrows(NnException.class, () -> new Sequential().add(new Dense(3)).build(Shape.of(28, 28)));
        assertEquals("layer dense (Dense) needs a flat input (features,), got (28, 28): put a Flatten before it", e.getMessage());
    }

    @Test
    void sameSeedGivesSameWeightsAndOtherSeedOtherWeights() {
        assertArrayEquals(mlp(5).weights().get(0).value().data, mlp(5).weights().get(0).value().data);
        assertTrue(!java.util.Arrays.equals(mlp(5).weights().get(0).value().data, mlp(6).weights().get(0).value().data));
    }

    @Test
    void glorotUniformKernelsStayWithinTheirLimit() {
        Sequential model = mlp(1);
        float limit = (float) Math.sqrt(6.0 / (6 + 4));
        for (float w : model.weights().get(0).value().data) {
            assertTrue(Math.abs(w) <= limit, "kernel value " + w + " beyond glorot limit " + limit);
        }
    }

    @Test
    void predictGivesProbabilitiesForEverySampleWhateverTheBatchSize() {
        Sequential model = mlp(2);
        FMatrixRMaj x = RandomMatrices.normal(7, 6, 3);
        FMatrixRMaj all = model.predict(x, 32);
        FMatrixRMaj small = model.predict(x, 3);
        assertEquals(7, all.numRows);
        assertArrayEquals(all.data, small.data, 1e-6f);
        for (int r = 0; r < 7; r++) {
            assertEquals(1f, all.get(r, 0) + all.get(r, 1) + all.get(r, 2), 1e-6f);
        }
    }

    @Test
    void bytesPredictAndTrainExactlyAsTheFloatsTheyReadAs() {
        byte[] bytes = new byte[8 * 6];
        FMatrixRMaj y = new FMatrixRMaj(8, 1);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37);
        }
        for (int r = 0; r < 8; r++) {
            y.data[r] = r % 3;
        }
        Features asBytes = Features.ofBytes(bytes, 6, 255f);
        FMatrixRMaj asFloats = asBytes.toMatrix();
        assertArrayEquals(mlp(4).predict(asFloats, 3).data, mlp(4).predict(asBytes, 3).data);

        Sequential fromFloats = mlp(4);
        Sequential fromBytes = mlp(4);
        fromFloats.compile(new PlainGradientDescent(0.1f), new SparseCategoricalCrossentropy());
        fromBytes.compile(new PlainGradientDescent(0.1f), new SparseCategoricalCrossentropy());
        fromFloats.fit(new LabeledData(asFloats, y), new FitConfig(2, 3, true, 7));
        fromBytes.fit(new LabeledData(asBytes, y), new FitConfig(2, 3, true, 7));
        for (int i = 0; i < fromFloats.weights().size(); i++) {
            assertArrayEquals(fromFloats.weights().get(i).value().data, fromBytes.weights().get(i).value().data);
        }
    }

    @Test
    void fitAndEvaluateNeedCompile() {
        Sequential model = mlp(0);
        LabeledData data = new LabeledData(new FMatrixRMaj(2, 6), new FMatrixRMaj(2, 1));
        NnException e = assertThrows(NnException.class, () -> model.fit(data, FitConfig.epochs(1)));
        assertEquals("model sequential is not compiled: call compile(optimizer, loss, metrics) first", e.getMessage());
    }

    @Test
    void evaluateAveragesTheLossOverSamplesNotBatches() {
        Sequential model = mlp(3);
        model.compile(new PlainGradientDescent(0.1f), new SparseCategoricalCrossentropy(), new Accuracy());
        FMatrixRMaj x = RandomMatrices.normal(5, 6, 4);
        FMatrixRMaj y = new FMatrixRMaj(5, 1, true, 0, 1, 2, 1, 0);
        LabeledData data = new LabeledData(x, y);
        Map<String, Double> whole = model.evaluate(data, 5);
        Map<String, Double> inTwos = model.evaluate(data, 2);
        assertEquals(whole.get("loss"), inTwos.get("loss"), 1e-6);
        assertEquals(whole.get("accuracy"), inTwos.get("accuracy"));
        assertEquals(List.of("loss", "accuracy"), List.copyOf(whole.keySet()));
    }

    @Test
    void trainOnBatchIsOneStepOfFitAndReturnsTheLogsBeforeIt() {
        FMatrixRMaj x = RandomMatrices.normal(5, 6, 4);
        FMatrixRMaj y = new FMatrixRMaj(5, 1, true, 0, 1, 2, 1, 0);
        Sequential stepped = mlp(3);
        stepped.compile(new PlainGradientDescent(0.1f), new SparseCategoricalCrossentropy(), new Accuracy());
        Map<String, Double> before = stepped.evaluate(new LabeledData(x, y), 5);
        Map<String, Double> logs = stepped.trainOnBatch(x, y);
        Sequential fitted = mlp(3);
        fitted.compile(new PlainGradientDescent(0.1f), new SparseCategoricalCrossentropy(), new Accuracy());
        fitted.fit(new LabeledData(x, y), new FitConfig(1, 5, false, 0));
        assertEquals(List.of("loss", "accuracy"), List.copyOf(logs.keySet()));
        assertEquals(before.get("loss"), logs.get("loss"), 1e-6);
        assertEquals(before.get("accuracy"), logs.get("accuracy"));
        for (int i = 0; i < stepped.weights().size(); i++) {
            assertArrayEquals(fitted.weights().get(i).value().data, stepped.weights().get(i).value().data);
        }
    }

    /** Keras 2's reset_metrics=True: a batch's accuracy is its own, not a running mean over calls. */
    @Test
    void trainOnBatchReportsTheMetricsOfThatBatchAlone() {
        Sequential model = mlp(3);
        model.compile(new PlainGradientDescent(0f), new SparseCategoricalCrossentropy(), new Accuracy());
        FMatrixRMaj x = RandomMatrices.normal(4, 6, 4);
        FMatrixRMaj predicted = model.predict(x, 4);
        FMatrixRMaj right = new FMatrixRMaj(4, 1);
        FMatrixRMaj wrong = new FMatrixRMaj(4, 1);
        for (int i = 0; i < 4; i++) {
            int best = 0;
            for (int j = 1; j < predicted.numCols; j++) {
                best = predicted.get(i, j) > predicted.get(i, best) ? j : best;
            }
            right.set(i, 0, best);
            wrong.set(i, 0, (best + 1) % predicted.numCols);
        }
        assertEquals(1.0, model.trainOnBatch(x, right).get("accuracy"));
        assertEquals(0.0, model.trainOnBatch(x, wrong).get("accuracy"));
    }

    @Test
    void trainOnBatchNeedsCompileAndMatchingTargets() {
        Sequential model = mlp(0);
        FMatrixRMaj x = new FMatrixRMaj(2, 6);
        NnException e = assertThrows(NnException.class, () -> model.trainOnBatch(x, new FMatrixRMaj(2, 1)));
        assertTrue(e.getMessage().contains("not compiled"), e.getMessage());
        model.compile(new PlainGradientDescent(0.1f), new SparseCategoricalCrossentropy());
        NnException rows = assertThrows(NnException.class, () -> model.trainOnBatch(x, new FMatrixRMaj(3, 1)));
        assertTrue(rows.getMessage().contains("3"), rows.getMessage());
    }
}
