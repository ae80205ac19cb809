package nn.app.run;

import nn.api.Dataset;
import nn.api.NnException;
import nn.core.Sequential;

/**
 * Whether a model can train on the data, checked before any training so that the error names the
 * model (preset or file) instead of failing at the first batch: its input must take a sample, its
 * output must have a unit for every class.
 */
public final class DataFit {

    private DataFit() {
    }

    /** @param model the preset or model file the model was built from, for the message */
    public static void check(String model, Sequential built, Dataset data) {
        if (!built.isBuilt()) {
            return; // built from the first batch's shape, which then fits
        }
        int inputs = built.inputShape().size();
        if (inputs != data.sampleShape().size()) {
            throw new NnException(model + ": the model takes inputs of shape " + built.inputShape() + " (" + inputs
                    + " values), but the " + data.name() + " samples have shape " + data.sampleShape() + " ("
                    + data.sampleShape().size() + " values)");
        }
        int units = built.outputShape().size();
        int classes = data.classNames().size();
        if (units < classes) {
            throw new NnException(model + ": the model's output has " + units + " units, but " + data.name() + " has "
                    + classes + " classes (labels 0 to " + (classes - 1) + "): the last layer needs " + classes + " units");
        }
    }
}
