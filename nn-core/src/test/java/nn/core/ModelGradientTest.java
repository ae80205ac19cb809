package nn.core;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import nn.api.Optimizer;
import nn.api.Variable;
import nn.testkit.GradientCheck;
import nn.testkit.RandomMatrices;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The whole backward pass of a model, including the loss computed from the logits of the final
 * softmax, against finite differences of the model's loss.
 */
class ModelGradientTest {

    @Test
    void everyTrainableWeightGetsTheGradientOfTheFusedSoftmaxCrossEntropy() {
        checkModel(new SparseCategoricalCrossentropy(), new FMatrixRMaj(5, 1, true, 0, 2, 1, 1, 0));
    }

    @Test
    void everyTrainableWeightGetsTheGradientOfMeanSquaredError() {
        checkModel(new MeanSquaredError(), RandomMatrices.normal(5, 3, 11));
    }

    private static void checkModel(nn.api.Loss loss, FMatrixRMaj targets) {
        Sequential model = new Sequential(4).add(new Flatten(2, 2)).add(new Dense(5, "tanh", false))
                .add(new Dense(4, "elu", true)).add(new Dense(3, "softmax", true));
        Optimizer optimizer = mock(Optimizer.class);
        model.compile(optimizer, loss);
        FMatrixRMaj x = RandomMatrices.normal(5, 4, 9);
        model.trainStep(x, targets);
        verify(optimizer, times(1)).apply(model.trainableWeights(), model.kernels());
        for (Variable v : model.trainableWeights()) {
            float[] analytic = v.gradient().data.clone();
            GradientCheck.assertGradient(v.path(), v.value().data, analytic, v.size(),
                    () -> model.evaluate(new LabeledData(x, targets), 5).get("loss"));
        }
    }
}
