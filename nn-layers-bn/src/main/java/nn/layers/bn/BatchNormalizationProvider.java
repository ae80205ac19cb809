package nn.layers.bn;

import java.util.List;
import nn.api.Config;
import nn.api.Layer;
import nn.api.LayerProvider;

/** Creates {@link BatchNormalization} layers by the Keras name {@code BatchNormalization}. */
public final class BatchNormalizationProvider implements LayerProvider {

    public BatchNormalizationProvider() {
    }

    @Override
    public String name() {
        return BatchNormalization.TYPE;
    }

    @Override
    public List<String> aliases() {
        return List.of("batch_normalization");
    }

    @Override
    public Layer create(Config config) {
        return new BatchNormalization(config);
    }
}
