package nn.io.h5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nn.core.Sequential;
import nn.io.FormatFixtures;
import nn.io.InteropClients;
import nn.io.Models;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * nn's .h5 checked by a client that is not nn: h5py and numpy, run by {@code src/test/python/keras_h5_check.py}
 * (Debian: {@code apt-get install python3-h5py}). Skipped when they are missing, except on CI.
 */
class H5pyCheckTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("src/test/python/keras_h5_check.py");
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsH5py() throws Exception {
        String why = Files.isExecutable(PYTHON) ? run(List.of(PYTHON.toString(), "-c", "import h5py, numpy"))
                : PYTHON + " is missing";
        InteropClients.require(why == null ? null : "h5py and numpy are not available (apt-get install python3-h5py): " + why);
    }

    @Test
    void h5pyReadsTheTutorialModelAsKerasDoesAndPredictsTheSame() throws Exception {
        Sequential model = FormatFixtures.trainedPreset("bn-before");
        Path file = dir.resolve("model.h5");
        Models.save(model, file);
        FMatrixRMaj x = FormatFixtures.data(5, 784, 10).features().toMatrix();

        float[] numpy = check("read", file, x);
        assertClose(model.predict(x, 32).data, numpy);
    }

    /** {@code write}: Keras 2's layout; {@code write3}: Keras 3's flavour (names without :0) with split layer_names. */
    @ParameterizedTest
    @ValueSource(strings = {"write", "write3"})
    void aFileH5pyWritesInKerasLayoutImportsAndPredictsAsNumpy(String flavour) throws Exception {
        Path file = dir.resolve(flavour + ".h5");
        FMatrixRMaj x = FormatFixtures.data(6, 12, 3).features().toMatrix();

        float[] numpy = check(flavour, file, x);
        Sequential imported = FormatFixtures.load(file);
        assertEquals(List.of("Flatten", "Dense", "BatchNormalization", "Dropout", "Dense"),
                imported.layers().stream().map(l -> l.type()).toList());
        assertClose(imported.predict(x, 32).data, numpy);
    }

    @Test
    void aSmallFileDeclaringAHugeDatasetIsRefusedBeforeAnythingIsAllocated() throws Exception {
        Path file = dir.resolve("hostile.h5");
        check("hostile", file, FormatFixtures.data(6, 12, 3).features().toMatrix());
        assertTrue(Files.size(file) < 100_000);
        nn.io.FormatBadInput.loadError(file, "/model_weights/dense/dense/kernel:0 declares 10000000000 values");
    }

    /** Runs the script on the file and inputs; its predictions. */
    private float[] check(String command, Path file, FMatrixRMaj x) throws Exception {
        Path inputs = dir.resolve("inputs.bin");
        Path outputs = dir.resolve("outputs.bin");
        Files.write(inputs, littleEndian(x.data));
        String error = run(List.of(PYTHON.toString(), SCRIPT.toString(), command, file.toString(), inputs.toString(),
                String.valueOf(x.numRows), outputs.toString()));
        assertEquals(null, error, "keras_h5_check.py " + command);
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(outputs)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    private static void assertClose(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            int index = i;
            assertTrue(Math.abs(expected[i] - actual[i]) <= TOLERANCE,
                    () -> "at " + index + ": nn " + expected[index] + ", numpy " + actual[index]);
        }
    }

    private static byte[] littleEndian(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return bytes.array();
    }

    /** Null when the command succeeds, else its output. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "timed out";
        }
        return process.exitValue() == 0 ? null : new String(output, StandardCharsets.UTF_8);
    }
}
