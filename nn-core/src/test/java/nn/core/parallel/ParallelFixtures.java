package nn.core.parallel;

import java.util.List;
import nn.core.Accuracy;
import nn.core.Dense;
import nn.core.Flatten;
import nn.core.LabeledData;
import nn.core.Sequential;
import nn.core.SparseCategoricalCrossentropy;
import nn.core.engine.LocalEngine;
import nn.core.engine.RemoteTask;
import nn.testkit.RandomMatrices;
import org.ejml.data.FMatrixRMaj;

/** A tiny model, its data, and an in-process engine whose task runs {@link ShardWork} on a fresh copy of the model. */
final class ParallelFixtures {
    static final String TASK = "test.shard-work";

    private ParallelFixtures() {
    }

    /** The same initial weights every time; compiled with {@link MomentumDescent}. */
    static Sequential model() {
        Sequential model = new Sequential(1).add(new Flatten(4)).add(new Dense(3, "relu", false))
                .add(new Dense(2, "softmax", true));
        model.compile(new MomentumDescent(0.1), new SparseCategoricalCrossentropy(), new Accuracy());
        return model;
    }

    static LabeledData data(int n, long seed) {
        FMatrixRMaj x = RandomMatrices.normal(n, 4, seed);
        FMatrixRMaj y = new FMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            y.data[i] = x.data[i * 4] + x.data[i * 4 + 1] > 0 ? 1 : 0;
        }
        return new LabeledData(x, y);
    }

    /** Runs each request on a new copy of {@link #model()} with {@code data} as the training data. */
    static LocalEngine engine(int threads, LabeledData data) {
        RemoteTask task = new RemoteTask() {
            @Override
            public String name() {
                return TASK;
            }

            @Override
            public byte[] run(byte[] input) {
                try (Sequential copy = model()) {
                    return ShardWork.run(copy, data, RoundRequest.decode(input));
                }
            }
        };
        return new LocalEngine(threads, name -> task);
    }

    static DataParallelTraining training(Sequential model, LocalEngine engine, int workers, int syncEvery) {
        return new DataParallelTraining(model, engine, TASK, new byte[0], workers, syncEvery, 7);
    }

    static void assertSameWeights(Sequential expected, Sequential actual) {
        List<float[]> a = expected.getWeights();
        List<float[]> b = actual.getWeights();
        for (int i = 0; i < a.size(); i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.get(i), b.get(i), "variable " + i);
        }
    }
}
