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
