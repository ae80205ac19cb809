package nn.app.parallel;

import java.util.SplittableRandom;
import nn.api.BuildContext;
import nn.api.Layer;
import nn.core.KernelChoice;
import nn.core.LabeledData;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import nn.core.engine.RemoteTask;
import nn.core.parallel.RoundRequest;
import nn.core.parallel.ShardWork;
import nn.io.ModelDefinition;
import nn.io.ModelFiles;

/**
 * A worker's round of data-parallel training, wherever an engine runs it: decodes the request,
 * gets the run's model, plugins and training data (from {@link WorkerCache} when this JVM has them)
 * and runs {@link ShardWork}. A model with a layer that draws random numbers in training (Dropout,
 * or a plugin's: {@link Layer#usesRandomnessInTraining}) is built anew each round from the round's
 * seed and not reused, since it draws from the generator it was built with: a reused copy would
 * draw what its earlier rounds left, and results would depend on which copy ran where.
 */
public final class ShardTask implements RemoteTask {
    /** The name engines run it by. */
    public static final String NAME = "nn.data-parallel-round";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] run(byte[] input) {
        RoundRequest request = RoundRequest.decode(input);
        WorkerSetup setup = WorkerSetup.decode(request.setup());
        PluginRegistry registry = WorkerCache.registry(setup.jars());
        LabeledData train = WorkerCache.trainingData(registry, setup.dataDir(), setup.limit());
        Sequential model = WorkerCache.borrowModel(request.setup()).orElseGet(() -> build(setup, registry, request.seed()));
        boolean reusable = model.layers().stream().noneMatch(Layer::usesRandomnessInTraining);
        try {
            return ShardWork.run(model, train, request);
        } finally {
            if (reusable) {
                WorkerCache.giveBack(request.setup(), model);
            } else {
                model.close();
            }
        }
    }

    private static Sequential build(WorkerSetup setup, PluginRegistry registry, long seed) {
        ModelDefinition definition = ModelFiles.parse(setup.modelJson(), "the data-parallel run's model");
        Sequential model = definition.build(registry,
                new BuildContext(KernelChoice.choose(setup.kernels(), setup.threads()), new SplittableRandom(seed)));
        definition.compile(model, registry);
        return model;
    }
}
