package nn.tutorial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import nn.api.BuildContext;
import nn.api.Shape;
import nn.core.Dense;
import nn.core.Sequential;
import nn.layers.bn.BatchNormalization;
import nn.testkit.RandomMatrices;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * A batch's training-mode outputs: {@code forward(batch, true)} updates the moving statistics as
 * Keras 3's {@code model(x, training=True)} does; {@code predictInTrainingMode} gives the same
 * outputs and leaves them alone.
 */
class TrainingModeOutputsTest {
    private final FMatrixRMaj batch = RandomMatrices.normal(8, 5, 1);

    private static Sequential model() {
        return new Sequential("m", BuildContext.seeded(3))
                .add(new Dense(4, "linear", true))
                .add(new BatchNormalization())
                .build(Shape.of(5));
    }

    private static List<float[]> movingStatistics(Sequential model) {
        return model.nonTrainableWeights().stream().map(v -> Arrays.copyOf(v.value().data, v.size())).toList();
    }

    @Test
    void predictInTrainingModeGivesTheTrainingOutputsAndLeavesTheMovingStatistics() {
        Sequential model = model();
        List<float[]> before = movingStatistics(model);
        FMatrixRMaj outputs = model.predictInTrainingMode(batch);
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), movingStatistics(model).get(i));
        }
        assertArrayEquals(model().forward(batch, true).data, outputs.data);
        assertFalse(Arrays.equals(model.forward(batch, false).data, outputs.data), "inference outputs, not training ones");
    }

    @Test
    void forwardInTrainingModeUpdatesThemAsKeras3Does() {
        Sequential model = model();
        List<float[]> before = movingStatistics(model);
        model.forward(batch, true);
        assertFalse(Arrays.equals(before.get(0), movingStatistics(model).get(0)), "moving_mean did not move");
    }
}
