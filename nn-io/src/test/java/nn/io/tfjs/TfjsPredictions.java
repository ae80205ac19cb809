package nn.io.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import nn.core.Sequential;
import org.ejml.data.FMatrixRMaj;

/** Predictions tfjs made, as raw float32 files, against nn's for the same inputs. */
final class TfjsPredictions {

    private TfjsPredictions() {
    }

    static float[] readFloats(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            float[] values = new float[bytes.length / 4];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            return values;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void writeFloats(Path file, float[] values, int count) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values, 0, count);
        Files.write(file, bytes.array());
    }

    /** {@code folder/inputs.f32} through nn's model gives {@code folder/predictions.f32} within {@code tolerance}, same argmax. */
    static void assertMatches(Path folder, Sequential model, float tolerance) {
        float[] x = readFloats(folder.resolve("inputs.f32"));
        float[] expected = readFloats(folder.resolve("predictions.f32"));
        int columns = model.inputShape().size();
        FMatrixRMaj predicted = model.predict(FMatrixRMaj.wrap(x.length / columns, columns, x), 32);
        assertClose(expected, predicted, tolerance);
    }

    static void assertClose(float[] expected, FMatrixRMaj predicted, float tolerance) {
        assertEquals(expected.length, predicted.getNumElements());
        int classes = predicted.numCols;
        float worst = 0;
        for (int r = 0; r < predicted.numRows; r++) {
            int expectedClass = 0;
            int predictedClass = 0;
            for (int c = 0; c < classes; c++) {
                int i = r * classes + c;
                worst = Math.max(worst, Math.abs(expected[i] - predicted.data[i]));
                expectedClass = expected[i] > expected[r * classes + expectedClass] ? c : expectedClass;
                predictedClass = predicted.data[i] > predicted.data[r * classes + predictedClass] ? c : predictedClass;
            }
            assertEquals(expectedClass, predictedClass, "argmax of sample " + r);
        }
        if (worst > tolerance) {
            throw new AssertionError("largest difference of a probability " + worst + " > " + tolerance);
        }
    }
}
