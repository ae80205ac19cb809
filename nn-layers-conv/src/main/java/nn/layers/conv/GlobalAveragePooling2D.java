package nn.layers.conv;

import java.util.Arrays;
import java.util.Map;
import nn.api.BaseLayer;
import nn.api.BuildContext;
import nn.api.Config;
import nn.api.ConfigKeys;
import nn.api.NnException;
import nn.api.Shape;
import org.ejml.data.FMatrixRMaj;

/** Keras 2's {@code GlobalAveragePooling2D}: (h, w, c) to (c,), each channel's mean over all positions. */
public final class GlobalAveragePooling2D extends BaseLayer {
    public static final String TYPE = "GlobalAveragePooling2D";

    private static final ConfigKeys KEYS = ConfigKeys.layer()
            .inert("data_format", "channels_last").inert("keepdims", false);

    private int positions;
    private int channels;
    private int lastTrainingRows = -1;
    private final FMatrixRMaj output = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj inputGradient = new FMatrixRMaj(1, 1);

    public GlobalAveragePooling2D(Config config) {
        super(TYPE, config, KEYS);
    }

    @Override
    protected Shape onBuild(Shape inputShape, BuildContext context) {
        if (inputShape.rank() != 3) {
            throw new NnException("layer " + name() + " needs inputs of shape (height, width, channels), got " + inputShape);
        }
        positions = inputShape.dim(0) * inputShape.dim(1);
        channels = inputShape.dim(2);
        return Shape.of(channels);
    }

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x, boolean training) {
        checkInput(x);
        int n = x.numRows;
        output.reshape(n, channels);
        float[] out = output.data;
        Arrays.fill(out, 0, n * channels, 0f);
        for (int s = 0; s < n; s++) {
            int o = s * channels;
            for (int p = 0; p < positions; p++) {
                int i = (s * positions + p) * channels;
                for (int k = 0; k < channels; k++) {
                    out[o + k] += x.data[i + k];
                }
            }
            for (int k = 0; k < channels; k++) {
                out[o + k] /= positions;
            }
        }
        lastTrainingRows = training ? n : -1;
        return output;
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj dy, boolean inputGradientNeeded) {
        if (dy.numRows != lastTrainingRows) {
            throw new NnException("layer " + name() + ": backward needs a forward pass with training=true on the same batch first");
        }
        if (!inputGradientNeeded) {
            return null;
        }
        int n = dy.numRows;
        inputGradient.reshape(n, positions * channels);
        float[] dx = inputGradient.data;
        for (int s = 0; s < n; s++) {
            int o = s * channels;
            for (int p = 0; p < positions; p++) {
                int i = (s * positions + p) * channels;
                for (int k = 0; k < channels; k++) {
                    dx[i + k] = dy.data[o + k] / positions;
                }
            }
        }
        return inputGradient;
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("data_format", "channels_last");
        config.put("keepdims", false);
    }
}
