package nn.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import nn.api.NnException;
import nn.core.Sequential;

/** Damaged and inconsistent model files for every format's bad-input tests: artifacts altered before writing, and the load error. */
public final class FormatBadInput {

    private FormatBadInput() {
    }

    /** The artifacts of a trained model with its weights changed. */
    public static ModelArtifacts withWeights(Sequential model, UnaryOperator<List<SavedTensor>> change) {
        ModelArtifacts artifacts = ModelArtifacts.of(model, null, java.util.Map.of());
        return new ModelArtifacts(artifacts.definition(), change.apply(new ArrayList<>(artifacts.weights())),
                artifacts.optimizer(), artifacts.state(), artifacts.origin());
    }

    public static SavedTensor reshaped(SavedTensor t, List<Integer> shape, float[] values) {
        return new SavedTensor(t.layer(), t.name(), shape, values, t.origin());
    }

    /**
     * A file of the format with a weight missing, one misshapen and one non-finite: each is refused on
     * loading, naming the variable (model: {@link FormatFixtures#trainedAllLayers()}).
     */
    public static void assertBadWeightsRefused(Sequential model, Path dir, String format) {
        Path missing = dir.resolve("missing." + format);
        Models.write(withWeights(model, w -> w.subList(0, w.size() - 1)), missing, format);
        loadError(missing, "has no entry for the model's variable 'dense_2/bias:0'");

        Path shape = dir.resolve("shape." + format);
        Models.write(withWeights(model, w -> {
            w.set(0, reshaped(w.get(0), List.of(10, 16), w.get(0).values()));
            return w;
        }), shape, format);
        loadError(shape, "'dense/kernel:0' has shape [10, 16] but the model's variable has shape [20, 8]");

        Path nan = dir.resolve("nan." + format);
        Models.write(withWeights(model, w -> {
            SavedTensor t = w.get(1);
            float[] values = t.values().clone();
            values[3] = Float.NaN;
            w.set(1, reshaped(t, t.shape(), values));
            return w;
        }), nan, format);
        loadError(nan, "'dense/bias:0' holds NaN at index 3");
    }

    /** Loading fails with one line that names the file and contains {@code problem}. */
    public static String loadError(Path file, String problem) {
        NnException e = assertThrows(NnException.class, () -> FormatFixtures.load(file));
        String message = e.getMessage();
        assertTrue(message.startsWith(file.toString()), message);
        assertTrue(message.contains(problem), message);
        assertFalse(message.contains("\n"), message);
        return message;
    }
}
