package nn.core;

import nn.api.Config;
import nn.api.Loss;
import nn.api.LossProvider;
import org.ejml.data.FMatrixRMaj;

/** mean over samples of the mean over outputs of (p - t)^2; gradient 2 (p - t) / (N C). */
public final class MeanSquaredError implements Loss, LossProvider {
    static final String NAME = "mean_squared_error";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public java.util.List<String> aliases() {
        return java.util.List.of("mse");
    }

    @Override
    public Loss create(Config config) {
        return this;
    }

    @Override
    public float compute(FMatrixRMaj predictions, FMatrixRMaj targets, FMatrixRMaj gradient) {
        LossTargets.checkRows(predictions, targets, predictions.numCols, NAME);
        int count = predictions.getNumElements();
        double sum = 0;
        for (int i = 0; i < count; i++) {
            float d = predictions.data[i] - targets.data[i];
            sum += (double) d * d;
            if (gradient != null) {
                gradient.data[i] = 2f * d / count;
            }
        }
        return (float) (sum / count);
    }
}
