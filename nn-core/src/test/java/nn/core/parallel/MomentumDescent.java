package nn.core.parallel;

import java.util.List;
import java.util.Map;
import nn.api.BaseOptimizer;
import nn.api.Config;
import org.ejml.data.FMatrixRMaj;

/** v = 0.5 v - lr g; w += v: an optimizer with one slot, so nn-core's tests can check slot averaging without nn-optim. */
final class MomentumDescent extends BaseOptimizer {

    MomentumDescent(double learningRate) {
        super("MomentumDescent", Config.of("test optimizer", Map.of("learning_rate", learningRate)), 0.1);
    }

    @Override
    protected List<String> slotNames() {
        return List.of("momentum");
    }

    @Override
    protected void update(float[] weights, float[] gradients, int n, FMatrixRMaj[] slots, float rate) {
        float[] v = slots[0].data;
        for (int i = 0; i < n; i++) {
            v[i] = 0.5f * v[i] - rate * gradients[i];
            weights[i] += v[i];
        }
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
    }
}
