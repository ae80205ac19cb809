package nn.app.run;

import nn.core.Sequential;

/** Where training starts: a new model at epoch 0, or, for {@code train --resume}, a checkpoint's model and progress. */
public record TrainingStart(Sequential model, TrainingProgress progress) {

    public static TrainingStart fresh(Sequential model) {
        return new TrainingStart(model, TrainingProgress.NONE);
    }
}
