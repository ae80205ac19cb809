package nn.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import nn.testkit.RandomMatrices;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The built-in pieces learn together: an MLP separates three Gaussian blobs. */
class LearningTest {

    @Test
    void anMlpLearnsThreeBlobs() {
        int n = 300;
        FMatrixRMaj x = RandomMatrices.normal(n, 2, 0.5f, 0f, 1);
        FMatrixRMaj y = new FMatrixRMaj(n, 1);
        float[][] centers = {{2, 0}, {-2, 1}, {0, -2}};
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            y.data[i] = c;
            x.data[2 * i] += centers[c][0];
            x.data[2 * i + 1] += centers[c][1];
        }
        LabeledData data = new LabeledData(x, y);
        Sequential model = new Sequential(2).add(new Flatten(2)).add(new Dense(16, "relu", true))
                .add(new Dense(3, "softmax", true));
        model.compile(new PlainGradientDescent(0.1f), new SparseCategoricalCrossentropy(), new Accuracy());
        History history = model.fit(data, FitConfig.epochs(10).withSeed(3));
        assertTrue(history.get("loss").get(9) < history.get("loss").get(0) / 2, "loss should fall: " + history.get("loss"));
        assertTrue(model.evaluate(data, 32).get("accuracy") > 0.95, "accuracy " + model.evaluate(data, 32));
    }
}
