package nn.tutorial;

import java.nio.file.Path;
import java.util.Map;
import nn.api.Dataset;
import nn.core.Accuracy;
import nn.core.ActivationLayer;
import nn.core.Dense;
import nn.core.FitConfig;
import nn.core.Flatten;
import nn.core.History;
import nn.core.LabeledData;
import nn.core.ProgressBar;
import nn.core.Sequential;
import nn.core.SparseCategoricalCrossentropy;
import nn.data.fashionmnist.FashionMnistReader;
import nn.io.Models;
import nn.layers.bn.BatchNormalization;
import nn.optim.SGD;

/**
 * The Keras batch-normalization tutorial as a whole program: train, evaluate, save, load.
 * Arguments: the Fashion-MNIST folder, the epochs and the model file, e.g.
 * {@code /usr/share/datasets/fashion-mnist 60 tutorial.zip}.
 */
public final class TutorialProgram {

    public static void main(String[] args) {
        Dataset data = FashionMnistReader.read(Path.of(args[0]), Integer.MAX_VALUE);
        run(data, Integer.parseInt(args[1]), Path.of(args[2]));
    }

    /** Trains the tutorial's model, saves it to {@code file} and loads it back: the loaded model's test scores. */
    public static Map<String, Double> run(Dataset data, int epochs, Path file) {
        LabeledData train = new LabeledData(data.trainFeatures(), data.trainLabels()); // a row a sample, pixels / 255
        LabeledData valid = train.rows(0, 5000);
        LabeledData test = new LabeledData(data.testFeatures(), data.testLabels());

        try (Sequential model = model(new Sequential(42))) {    // seed 42; the fastest kernels, every core
            model.compile(new SGD(0.01f, 0.9f, true, 1e-6f),  // lr, momentum, nesterov, decay
                    new SparseCategoricalCrossentropy(), new Accuracy());
            System.out.print(model.summary());                  // Total params: 318,610 ...
            History history = model.fit(train, valid, FitConfig.epochs(epochs),
                    new ProgressBar(System.out, System.console() != null));
            System.out.println(history);                        // History(60 epochs, last: loss=..., ...)
            System.out.println("test: " + model.evaluate(test, 32));
            model.save(file);                                   // nn's .zip; .h5, .keras or a folder (tfjs) too
        }
        try (Sequential again = Models.load(file)) {            // compiled, with its optimizer state
            return again.evaluate(test, 32);
        }
    }

    /** The tutorial's model: Dense without bias, BatchNormalization, ReLU, three times, then softmax. */
    public static Sequential model(Sequential empty) {
        Sequential model = empty.add(new Flatten(28, 28));
        for (int units : new int[] {300, 200, 100}) {
            model.add(new Dense(units, "linear", false))       // no bias: BN's beta replaces it
                 .add(new BatchNormalization())
                 .add(new ActivationLayer("relu"));
        }
        return model.add(new Dense(10, "softmax", true));
    }
}
