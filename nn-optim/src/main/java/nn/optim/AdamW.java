package nn.optim;

import java.util.Map;
import nn.api.Config;

/**
 * AdamW, as Keras 3's {@code AdamW}: {@link Adam} with decoupled weight decay (Loshchilov and
 * Hutter 2019), which Keras's base optimizer applies to each trainable weight before the Adam
 * update, with the step's learning rate {@code lr_t}:
 * <pre>
 * w = w - w * weight_decay * lr_t
 * then Adam's step (slots "m", "v", and "vhat" with amsgrad)
 * </pre>
 * Keys: Adam's, and {@code weight_decay} (0.004, >= 0).
 */
public final class AdamW extends Adam {

    /** Keras's defaults: learning rate 0.001, weight decay 0.004. */
    public AdamW() {
        this(0.001f, 0.004f);
    }

    public AdamW(float learningRate, float weightDecay) {
        this(javaConfig("AdamW", Map.of("learning_rate", learningRate, "weight_decay", weightDecay)));
    }

    public AdamW(Config config) {
        super("AdamW", config, 0.004);
    }
}
