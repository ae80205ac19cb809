package nn.core;

import org.ejml.data.FMatrixRMaj;

/**
 * Ordinary training: one optimizer step of the model itself on each batch, on as many of its
 * kernels' threads as its {@link ThreadTuner} finds fastest.
 */
final class OwnSteps implements BatchTraining {
    private final Sequential model;
    private final ThreadTuner tuner;

    OwnSteps(Sequential model) {
        this.model = model;
        this.tuner = model.threadTuner();
    }

    @Override
    public void beginTraining() {
        tuner.start();
    }

    @Override
    public void endTraining() {
        tuner.finish();
    }

    @Override
    public float train(int step, FMatrixRMaj features, FMatrixRMaj targets) {
        tuner.beforeStep();
        float loss = model.trainStep(features, targets);
        tuner.afterStep();
        return loss;
    }

    @Override
    public FMatrixRMaj output() {
        return model.lastOutput();
    }
}
