package nn.core;

import org.ejml.data.FMatrixRMaj;

/** Ordinary training: one optimizer step of the model itself on each batch. */
final class OwnSteps implements BatchTraining {
    private final Sequential model;

    OwnSteps(Sequential model) {
        this.model = model;
    }

    @Override
    public float train(int step, FMatrixRMaj features, FMatrixRMaj targets) {
        return model.trainStep(features, targets);
    }

    @Override
    public FMatrixRMaj output() {
        return model.lastOutput();
    }
}
