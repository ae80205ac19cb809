package nn.app;

import nn.core.Sequential;

/** Where training starts: a new model at epoch 0, or, for {@code train --resume}, a checkpoint's model and progress. */
record TrainingStart(Sequential model, TrainingProgress progress) {

    static TrainingStart fresh(Sequential model) {
        return new TrainingStart(model, TrainingProgress.NONE);
    }
}
