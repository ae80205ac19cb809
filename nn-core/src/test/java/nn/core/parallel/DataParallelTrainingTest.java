package nn.core.parallel;

import static nn.core.parallel.ParallelFixtures.assertSameWeights;
import static nn.core.parallel.ParallelFixtures.data;
import static nn.core.parallel.ParallelFixtures.engine;
import static nn.core.parallel.ParallelFixtures.model;
import static nn.core.parallel.ParallelFixtures.training;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import nn.api.Variable;
import nn.core.FitConfig;
import nn.core.History;
import nn.core.LabeledData;
import nn.core.Sequential;
import nn.core.engine.LocalEngine;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The driver's rounds on an in-process engine, against ordinary training and against sums done by hand. */
class DataParallelTrainingTest {
    private static final LabeledData TRAIN = data(22, 1);
    private static final LabeledData VALIDATION = data(6, 2);
    /** 22 samples in batches of 8: 8, 8 and a last batch of 6. */
    private static final FitConfig FIT = new FitConfig(3, 8, true, 5);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void oneWorkerIsOrdinaryTrainingBitForBit(int syncEvery) {
        try (Sequential ordinary = model(); Sequential parallel = model(); LocalEngine engine = engine(1, TRAIN)) {
            History expected = ordinary.fit(TRAIN, VALIDATION, FIT);
            History actual = parallel.fit(TRAIN, VALIDATION, FIT, training(parallel, engine, 1, syncEvery));
            assertSameWeights(ordinary, parallel);
            assertEquals(ordinary.optimizer().iterations(), parallel.optimizer().iterations());
            for (String name : expected.names()) {
                assertEquals(expected.get(name), actual.get(name), name);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void twoWorkersGiveTheSameBitsOnOneThreadAsOnTwo(int syncEvery) {
        try (Sequential one = model(); Sequential two = model(); LocalEngine oneThread = engine(1, TRAIN);
                LocalEngine twoThreads = engine(2, TRAIN)) {
            History a = one.fit(TRAIN, VALIDATION, FIT, training(one, oneThread, 2, syncEvery));
            History b = two.fit(TRAIN, VALIDATION, FIT, training(two, twoThreads, 2, syncEvery));
            assertSameWeights(one, two);
            assertEquals(a.asMap(), b.asMap());
        }
    }

    @Test
    void syncEveryStepSumsTheShardGradientsWeightedByTheirRowsThenStepsOnce() {
        // one batch of 5 rows for 2 workers: shards of 3 and 2 rows
        LabeledData five = data(5, 3);
        List<float[]> expected;
        try (Sequential reference = model(); Sequential first = model(); Sequential second = model()) {
            FMatrixRMaj[] x = {rows(five, 0, 3), rows(five, 3, 5)};
            FMatrixRMaj[] y = {targets(five, 0, 3), targets(five, 3, 5)};
            first.computeGradients(x[0], y[0]);
            second.computeGradients(x[1], y[1]);
            List<Variable> sum = reference.trainableWeights();
            for (int v = 0; v < sum.size(); v++) {
                float[] g1 = first.trainableWeights().get(v).gradient().data;
                float[] g2 = second.trainableWeights().get(v).gradient().data;
                float[] g = sum.get(v).gradient().data;
                for (int i = 0; i < g.length; i++) {
                    g[i] = 3f / 5 * g1[i] + 2f / 5 * g2[i];
                }
            }
            reference.applyGradients();
            expected = reference.getWeights();
        }
        try (Sequential parallel = model(); LocalEngine engine = engine(2, five)) {
            parallel.fit(five, null, new FitConfig(1, 5, false, 0), training(parallel, engine, 2, 1));
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), parallel.getWeights().get(i), "variable " + i);
            }
        }
    }

    @Test
    void syncEveryKAveragesTheWorkersWeightsAndSlotsAfterTheirOwnSteps() {
        // two batches of 4 rows, 2 workers, sync every 2: worker 0 trains on rows 0-1 then 4-5, worker 1 on 2-3 then 6-7
        LabeledData eight = data(8, 4);
        List<float[]> w0;
        List<float[]> w1;
        OptimizerSnapshot s0;
        OptimizerSnapshot s1;
        try (Sequential first = model(); Sequential second = model()) {
            first.trainOnBatch(rows(eight, 0, 2), targets(eight, 0, 2));
            first.trainOnBatch(rows(eight, 4, 6), targets(eight, 4, 6));
            second.trainOnBatch(rows(eight, 2, 4), targets(eight, 2, 4));
            second.trainOnBatch(rows(eight, 6, 8), targets(eight, 6, 8));
            w0 = first.getWeights();
            w1 = second.getWeights();
            s0 = OptimizerSnapshot.of(first.optimizer(), first.trainableWeights());
            s1 = OptimizerSnapshot.of(second.optimizer(), second.trainableWeights());
        }
        try (Sequential parallel = model(); LocalEngine engine = engine(2, eight)) {
            parallel.fit(eight, null, new FitConfig(1, 4, false, 0), training(parallel, engine, 2, 2));
            List<float[]> weights = parallel.getWeights();
            for (int v = 0; v < weights.size(); v++) {
                assertArrayEquals(halfway(w0.get(v), w1.get(v)), weights.get(v), 1e-7f, "variable " + v);
            }
            OptimizerSnapshot averaged = OptimizerSnapshot.of(parallel.optimizer(), parallel.trainableWeights());
            assertEquals(2, averaged.iterations());
            for (int s = 0; s < averaged.values().size(); s++) {
                assertArrayEquals(halfway(s0.values().get(s), s1.values().get(s)), averaged.values().get(s), 1e-7f,
                        averaged.names().get(s));
            }
            assertTrue(averaged.values().stream().anyMatch(DataParallelTrainingTest::anyNonZero), "the slots moved");
        }
    }

    @Test
    void batchesSmallerThanTheWorkersLeaveTheLastWorkersOut() {
        // 9 samples in batches of 4 for 3 workers: the last batch of 1 row goes to worker 0 alone
        LabeledData nine = data(9, 5);
        try (Sequential parallel = model(); LocalEngine engine = engine(2, nine)) {
            DataParallelTraining training = training(parallel, engine, 3, 1);
            History history = parallel.fit(nine, null, new FitConfig(1, 4, true, 0), training);
            assertEquals(3, training.stats().rounds());
            assertEquals(3 + 3 + 1, training.stats().tasks());
            assertTrue(Double.isFinite(history.last("loss")));
        }
    }

    private static FMatrixRMaj rows(LabeledData data, int from, int to) {
        FMatrixRMaj x = new FMatrixRMaj(to - from, data.features().columns());
        int[] order = new int[to - from];
        Arrays.setAll(order, i -> from + i);
        data.features().copyRows(order, 0, order.length, x.data);
        return x;
    }

    private static FMatrixRMaj targets(LabeledData data, int from, int to) {
        FMatrixRMaj y = new FMatrixRMaj(to - from, 1);
        System.arraycopy(data.targets().data, from, y.data, 0, to - from);
        return y;
    }

    private static float[] halfway(float[] a, float[] b) {
        float[] mean = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            mean[i] = (a[i] + b[i]) / 2;
        }
        return mean;
    }

    private static boolean anyNonZero(float[] values) {
        for (float v : values) {
            if (v != 0) {
                return true;
            }
        }
        return false;
    }
}
