package nn.bench;

import java.util.SplittableRandom;
import nn.api.BuildContext;
import nn.api.Kernels;
import nn.core.Sequential;
import nn.tutorial.KerasBatchNormTutorial;

/** The model the whole-model benchmarks run: the tutorial's bn-before, seed 42, compiled. */
final class TutorialModel {

    private TutorialModel() {
    }

    /** Computing with these kernels. */
    static Sequential on(Kernels kernels) {
        return KerasBatchNormTutorial.compile(KerasBatchNormTutorial.bnBeforeActivation(
                new Sequential("sequential", new BuildContext(kernels, new SplittableRandom(42)))));
    }
}
