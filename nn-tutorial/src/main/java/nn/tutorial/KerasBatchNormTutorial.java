package nn.tutorial;

import nn.core.Accuracy;
import nn.core.Dense;
import nn.core.Flatten;
import nn.core.Sequential;
import nn.core.SparseCategoricalCrossentropy;
import nn.layers.bn.BatchNormalization;
import nn.optim.SGD;

/**
 * The models of the Keras batch-normalization tutorial, built in Java exactly as the tutorial
 * builds them in Python: Dense layers without bias, each followed by BatchNormalization, before or
 * after the ReLU; SGD with learning rate 0.01, decay 1e-6, momentum 0.9 and Nesterov.
 */
public final class KerasBatchNormTutorial {

    private KerasBatchNormTutorial() {
    }

    /** The tutorial's main model: Dense(no bias) -> BatchNormalization -> ReLU, three times, then softmax. */
    public static Sequential bnBeforeActivation(long seed) {
        return bnBeforeActivation(new Sequential(seed));
    }

    /** {@link #bnBeforeActivation(long)} added to an empty model, e.g. one with faster kernels. */
    public static Sequential bnBeforeActivation(Sequential empty) {
        return TutorialProgram.model(empty);
    }

    /** The tutorial's variant: BatchNormalization after each ReLU. */
    public static Sequential bnAfterActivation(long seed) {
        Sequential model = new Sequential(seed).add(new Flatten(28, 28));
        for (int units : new int[] {300, 200, 100}) {
            model.add(new Dense(units, "relu", false))
                    .add(new BatchNormalization());
        }
        return model.add(new Dense(10, "softmax", true));
    }

    /** {@code model.compile(loss="sparse_categorical_crossentropy", optimizer=SGD(...), metrics=["accuracy"])}. */
    public static Sequential compile(Sequential model) {
        model.compile(new SGD(0.01f, 0.9f, true, 1e-6f), new SparseCategoricalCrossentropy(), new Accuracy());
        return model;
    }
}
