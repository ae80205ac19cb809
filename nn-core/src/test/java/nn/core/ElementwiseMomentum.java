package nn.core;

import java.util.List;
import java.util.Map;
import nn.api.Config;
import nn.api.ElementwiseOptimizer;
import org.ejml.data.FMatrixRMaj;

/**
 * v = 0.9 v - lr_t g; w += 0.9 v - lr_t g, with Keras's decay of lr_t: an elementwise optimizer
 * with a slot, so nn-core's tests can take steps during the backward pass without nn-optim.
 */
final class ElementwiseMomentum extends ElementwiseOptimizer {

    ElementwiseMomentum(double learningRate, double decay) {
        super("ElementwiseMomentum", Config.of("test optimizer", Map.of("learning_rate", learningRate, "decay", decay)), 0.1);
    }

    @Override
    protected List<String> slotNames() {
        return List.of("momentum");
    }

    @Override
    protected void update(float[] w, float[] g, int from, int to, FMatrixRMaj[] slots, float rate) {
        float[] v = slots[0].data;
        for (int i = from; i < to; i++) {
            v[i] = v[i] * 0.9f - g[i] * rate;
            w[i] += v[i] * 0.9f - g[i] * rate;
        }
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
    }
}
