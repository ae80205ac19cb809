package nn.core;

import java.util.Map;
import java.util.SplittableRandom;
import nn.api.BaseLayer;
import nn.api.BuildContext;
import nn.api.Config;
import nn.api.ConfigKeys;
import nn.api.Shape;
import org.ejml.data.FMatrixRMaj;

/**
 * In training, zeroes each input with probability {@code rate} and scales the rest by 1/(1 - rate),
 * so inference needs no scaling; inference passes inputs through. The mask is drawn from a generator
 * seeded at build time, so runs repeat.
 */
public final class Dropout extends BaseLayer {
    private final float rate;
    private SplittableRandom random;
    private final FMatrixRMaj mask = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj y = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dx = new FMatrixRMaj(1, 1);

    public Dropout(float rate) {
        this(Config.of("layer Dropout", Map.of("rate", rate)));
    }

    public Dropout(Config config) {
        super("Dropout", config, ConfigKeys.layer("rate").inert("noise_shape", null).inert("seed", null));
        this.rate = config.getFloat("rate", Float.NaN);
        if (!(rate >= 0f && rate < 1f)) {
            throw config.invalid("rate", config.get("rate").orElse(null), "must be a number in [0, 1)");
        }
    }

    @Override
    protected Shape onBuild(Shape inputShape, BuildContext context) {
        random = new SplittableRandom(context.random().nextLong());
        return inputShape;
    }

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x, boolean training) {
        checkInput(x);
        if (!training || rate == 0f) {
            return x;
        }
        float keep = 1f / (1f - rate);
        mask.reshape(x.numRows, x.numCols);
        y.reshape(x.numRows, x.numCols);
        for (int i = 0, n = x.getNumElements(); i < n; i++) {
            mask.data[i] = random.nextFloat() >= rate ? keep : 0f;
            y.data[i] = x.data[i] * mask.data[i];
        }
        return y;
    }

    @Override
    public boolean usesRandomnessInTraining() {
        return true;
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj outputGradient, boolean inputGradientNeeded) {
        if (!inputGradientNeeded || rate == 0f) {
            return inputGradientNeeded ? outputGradient : null;
        }
        dx.reshape(outputGradient.numRows, outputGradient.numCols);
        for (int i = 0, n = outputGradient.getNumElements(); i < n; i++) {
            dx.data[i] = outputGradient.data[i] * mask.data[i];
        }
        return dx;
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("rate", (double) rate);
        config.put("noise_shape", null);
        config.put("seed", null);
    }
}
