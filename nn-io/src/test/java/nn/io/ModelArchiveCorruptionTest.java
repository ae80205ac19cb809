package nn.io;

import static nn.io.ZipFixtures.copy;
import static nn.io.ZipFixtures.json;
import static nn.io.ZipFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nn.api.BuildContext;
import nn.api.NnException;
import nn.io.zip.SafeZip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Damaged and hostile archives: each load fails with an NnException whose message starts with the file. */
class ModelArchiveCorruptionTest {
    static final String HOLDS = "an archive holds model.json, weights.json, weights.bin, optimizer.json, optimizer.bin, state.json";

    @TempDir
    static Path dir;
    static Path good;

    @BeforeAll
    static void saveAGoodArchive() {
        good = dir.resolve("good.zip");
        ModelArchive.save(good, ModelArchiveTest.trained(), Map.of("epoch", 1));
    }

    static String loadError(Path file) {
        return loadError(file, SafeZip.Limits.DEFAULT);
    }

    static String loadError(Path file, SafeZip.Limits limits) {
        String message = assertThrows(NnException.class,
                () -> ModelArchive.load(file, ModelArchiveTest.REGISTRY, BuildContext.seeded(0), limits)).getMessage();
        assertTrue(message.startsWith(file + ": "), message);
        return message;
    }

    static Path broken(String name, Consumer<Map<String, byte[]>> change) throws Exception {
        return copy(good, name, change);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> variable(Map<String, Object> index, String key, int i) {
        List<Object> list = (List<Object>) index.get(key);
        return (Map<String, Object>) list.get(i < 0 ? list.size() + i : i);
    }

    @Test
    void aFileThatIsNotAZip() throws Exception {
        Path text = Files.writeString(dir.resolve("text.zip"), "hello");
        assertEquals(text + ": not a zip archive, or truncated or corrupt (zip END header not found)", loadError(text));
        Path empty = Files.write(dir.resolve("empty.zip"), new byte[0]);
        assertEquals(empty + ": not a zip archive, or truncated or corrupt (zip file is empty)", loadError(empty));
        Path missing = dir.resolve("missing.zip");
        assertEquals(missing + ": no such file", loadError(missing));
    }

    @Test
    void truncatedArchives() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        for (int length : new int[] {1, 4, 30, 100, bytes.length / 3, bytes.length / 2, bytes.length - 100,
                bytes.length - 22, bytes.length - 1}) {
            Path cut = Files.write(dir.resolve("cut-" + length + ".zip"), Arrays.copyOf(bytes, length));
            assertEquals(cut + ": not a zip archive, or truncated or corrupt (zip END header not found)", loadError(cut));
        }
    }

    @Test
    void damagedBytesInsideAnEntry() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        for (int at : new int[] {200, bytes.length / 2, bytes.length * 3 / 4}) {
            byte[] damaged = bytes.clone();
            damaged[at] ^= 0x5a;
            Path flipped = Files.write(dir.resolve("flipped-" + at + ".zip"), damaged);
            String message = loadError(flipped);
            assertTrue(message.startsWith(flipped + ": entry ") && message.contains(" is corrupt ("), message);
        }
        Path badCrc = Files.copy(good, dir.resolve("crc.zip"));
        ZipFixtures.patchCentralDirectory(badCrc, "state.json", 16, 12345);
        assertEquals(badCrc + ": entry state.json is corrupt (its size or checksum does not match)", loadError(badCrc));
    }

    @ParameterizedTest
    @ValueSource(strings = {"model.json", "weights.json", "weights.bin", "optimizer.json", "optimizer.bin", "state.json"})
    void aMissingEntry(String entry) throws Exception {
        Path file = broken("without-" + entry + ".zip", entries -> entries.remove(entry));
        assertEquals(file + ": entry " + entry + " is missing; " + HOLDS, loadError(file));
    }

    @Test
    void unexpectedAndUnsafeEntryNames() throws Exception {
        Path extra = broken("extra.zip", entries -> entries.put("notes.txt", new byte[1]));
        assertEquals(extra + ": unexpected entry 'notes.txt'; " + HOLDS, loadError(extra));
        for (String name : List.of("../weights.bin", "/etc/passwd", "a/../../state.json", "..\\model.json", "C:\\x.bin")) {
            Path hostile = broken("hostile-" + Math.abs(name.hashCode()) + ".zip", entries -> entries.put(name, new byte[1]));
            assertEquals(hostile + ": unsafe entry name '" + name + "' (absolute, or with '..')", loadError(hostile));
        }
    }

    @Test
    void entriesAboveTheSizeLimitsAreCountedNotTrusted() throws Exception {
        assertEquals(good + ": entry weights.bin is too big (1274440 bytes; at most 100000 bytes an entry and"
                + " 1073741824 in all)", loadError(good, new SafeZip.Limits(100_000, 1L << 30)));
        String total = loadError(good, new SafeZip.Limits(1L << 30, 5000));
        assertTrue(total.contains("is too big") && total.contains("5000 in all"), total);

        // A header that declares more than 1 GiB is refused before anything is read.
        Path declared = Files.copy(good, dir.resolve("declared.zip"));
        ZipFixtures.patchCentralDirectory(declared, "weights.bin", 24, 0x7fff_fff0);
        assertEquals(declared + ": entry weights.bin is too big (2147483632 bytes; at most 1073741824 bytes"
                + " an entry and 1073741824 in all)", loadError(declared));
        // A header that declares less than the entry holds: the bytes are counted, so no more than declared is read.
        Path understated = Files.copy(good, dir.resolve("understated.zip"));
        ZipFixtures.patchCentralDirectory(understated, "weights.bin", 24, 16);
        assertEquals(understated + ": weights.json: variables[0]: 'dense/kernel:0': shape [784, 300] is larger than all of"
                + " weights.bin (16 bytes)", loadError(understated));
    }

    /** A small file that inflates to far more than the model: refused from the headers and the index, before reading. */
    @Test
    void bombsAreRefusedBeforeTheyAreRead() throws Exception {
        Path bomb = broken("bomb.zip", entries -> {
            byte[] bin = entries.get("weights.bin");
            entries.put("weights.bin", Arrays.copyOf(bin, 200 << 20)); // zeros deflate 1000:1
        });
        assertTrue(Files.size(bomb) < 3 << 20, "a small file: " + Files.size(bomb));
        assertEquals(bomb + ": weights.json: variables: weights.bin has " + ((200 << 20) - 4 * 318_610)
                + " bytes more than the index describes", loadError(bomb));

        Path bigJson = broken("big-json.zip", entries -> entries.put("state.json", ("{\"pad\": \"" + " ".repeat(20 << 20) + "\"}")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(bigJson + ": entry state.json is too big (" + ((20 << 20) + 11) + " bytes; at most 16777216 for a text"
                + " entry)", loadError(bigJson));
    }

    @Test
    void jsonThatIsNotUtf8() throws Exception {
        Path latin1 = broken("latin1.zip", entries -> entries.put("state.json", new byte[] {'{', '"', (byte) 0xe9, '"', ':', '1', '}'}));
        assertEquals(latin1 + ": entry state.json is not UTF-8 text", loadError(latin1));
    }

    @Test
    void aLayerTypeNoPluginProvides() throws Exception {
        Path file = broken("gated.zip", text("model.json", s -> s.replaceFirst("\"Activation\"", "\"GatedLinear\"")
                .replaceFirst("\"module\" : \"nn.core\",\\s*\"class_name\" : \"GatedLinear\"", "\"module\" : \"example.gated\", \"class_name\" : \"GatedLinear\"")));
        assertEquals(file + ": model.json: layer 3 'GatedLinear' is not provided by any plugin (it came from module"
                + " example.gated; put that plugin's jar in the plugins folder); known layers:"
                + " Activation, AveragePooling2D (AvgPool2D), BatchNormalization (batch_normalization), Conv2D (Convolution2D), Dense,"
                + " Dropout, Flatten, GlobalAveragePooling2D (GlobalAvgPool2D), MaxPooling2D (MaxPool2D), Reshape", loadError(file));
    }

    @Test
    void badModelJson() throws Exception {
        Path notJson = broken("not-json.zip", text("model.json", s -> s.substring(0, 40)));
        assertTrue(loadError(notJson).startsWith(notJson + ": model.json: not valid JSON (line "));
        Path noTraining = broken("no-training.zip", json("model.json", root -> root.remove("training_config")));
        assertEquals(noTraining + ": model.json: has no \"training_config\" (the optimizer, loss and metrics to"
                + " compile the model with)", loadError(noTraining));
    }

    @Test
    void weightsIndexThatDoesNotMatchTheModel() throws Exception {
        Path unknown = broken("unknown-var.zip", json("weights.json",
                index -> variable(index, "variables", -1).put("name", "dense_9/bias:0")));
        assertTrue(loadError(unknown).startsWith(unknown + ": weights.json: variables[16]: 'dense_9/bias:0' is not a"
                + " variable of the model; it has [dense/kernel:0, "), loadError(unknown));

        Path missing = broken("missing-var.zip", entries -> {
            json("weights.json", index -> ((List<?>) index.get("variables")).remove(16)).accept(entries);
            byte[] bin = entries.get("weights.bin");
            entries.put("weights.bin", Arrays.copyOf(bin, bin.length - 40));
        });
        assertEquals(missing + ": weights.json: variables: has no entry for the model's variable 'dense_3/bias:0'",
                loadError(missing));

        Path shape = broken("shape.zip", json("weights.json",
                index -> variable(index, "variables", -1).put("shape", List.of(2, 5))));
        assertEquals(shape + ": weights.json: variables[16]: 'dense_3/bias:0' has shape [2, 5] but the model's"
                + " variable has shape [10]", loadError(shape));
    }

    @Test
    void weightsIndexThatDoesNotMatchTheBytes() throws Exception {
        Path length = broken("length.zip", json("weights.json", index -> variable(index, "variables", -1).put("length", 44)));
        assertEquals(length + ": weights.json: variables[16]: 'dense_3/bias:0': length 44 bytes does not fit shape [10],"
                + " which needs 10 float32 values (40 bytes)", loadError(length));

        Path offset = broken("offset.zip", json("weights.json", index -> variable(index, "variables", 1).put("offset", 4)));
        assertEquals(offset + ": weights.json: variables[1]: 'batch_normalization/gamma:0': offset 4, expected 940800"
                + " (tensors are stored back to back)", loadError(offset));

        Path extra = broken("extra-bytes.zip", entries -> entries.put("weights.bin",
                Arrays.copyOf(entries.get("weights.bin"), 4 * 318_610 + 4)));
        assertEquals(extra + ": weights.json: variables: weights.bin has 4 bytes more than the index describes",
                loadError(extra));

        Path shortBin = broken("short-bin.zip", entries -> entries.put("weights.bin",
                Arrays.copyOf(entries.get("weights.bin"), 4 * 318_610 - 4)));
        assertEquals(shortBin + ": weights.json: variables[16]: 'dense_3/bias:0' needs bytes 1274400 to 1274440 but"
                + " weights.bin has only 1274436 bytes (truncated?)", loadError(shortBin));

        Path huge = broken("huge.zip", json("weights.json",
                index -> variable(index, "variables", 0).put("shape", List.of(2_000_000_000, 2_000_000_000))));
        assertEquals(huge + ": weights.json: variables[0]: 'dense/kernel:0': shape [2000000000, 2000000000] is larger"
                + " than all of weights.bin (1274440 bytes)", loadError(huge));

        Path twice = broken("twice.zip", json("weights.json",
                index -> variable(index, "variables", 1).put("name", "dense/kernel:0")));
        assertEquals(twice + ": weights.json: variables[1]: 'dense/kernel:0' appears twice", loadError(twice));

        Path version = broken("version.zip", json("weights.json", index -> index.put("format_version", 2)));
        assertEquals(version + ": weights.json: format_version: this archive has format version 2; this program"
                + " reads version 1", loadError(version));

        Path negative = broken("negative.zip", json("weights.json", index -> variable(index, "variables", 0).put("offset", -8)));
        assertTrue(loadError(negative).startsWith(negative + ": weights.json: variables[0].offset: must be a whole number"
                + " from 0 to "));
    }

    @Test
    void optimizerStateThatDoesNotMatch() throws Exception {
        Path adam = broken("adam.zip", json("optimizer.json", index -> index.put("class_name", "Adam")));
        assertEquals(adam + ": optimizer.json: holds the state of a Adam optimizer, but the model is"
                + " compiled with SGD", loadError(adam));

        Path iterations = broken("iterations.zip", json("optimizer.json", index -> index.put("iterations", -1)));
        assertTrue(loadError(iterations).startsWith(iterations + ": optimizer.json: iterations: must be a whole number"
                + " from 0 to "));

        Path missingSlot = broken("missing-slot.zip", entries -> {
            json("optimizer.json", index -> ((List<?>) index.get("slots")).remove(((List<?>) index.get("slots")).size() - 1))
                    .accept(entries);
            byte[] bin = entries.get("optimizer.bin");
            entries.put("optimizer.bin", Arrays.copyOf(bin, bin.length - 40));
        });
        assertEquals(missingSlot + ": optimizer.json: has no entry for the model's optimizer slot"
                + " 'dense_3/bias:0/momentum'", loadError(missingSlot));

        Path strange = broken("strange-slot.zip", json("optimizer.json",
                index -> variable(index, "slots", 0).put("name", "dense/kernel:0/velocity")));
        assertTrue(loadError(strange).startsWith(strange + ": optimizer.json: slots[0]: 'dense/kernel:0/velocity' is not"
                + " a optimizer slot of the model"), loadError(strange));
    }

    @Test
    void badState() throws Exception {
        Path list = broken("state-list.zip", text("state.json", s -> "[]"));
        assertEquals(list + ": state.json: must be a JSON object, got []", loadError(list));
        Path epoch = broken("state-epoch.zip", text("state.json", s -> "{\"epoch\": -1}"));
        assertEquals(epoch + ": state.json: epoch: must be a whole number >= 0, got -1", loadError(epoch));
    }

    /** Values a trained model cannot have: refused naming the variable, not evaluated into a NaN loss. */
    @Test
    void nonFiniteWeightsAndNegativeVariances() throws Exception {
        Path nan = broken("nan.zip", entries -> {
            byte[] bin = entries.get("weights.bin");
            bin[2] = (byte) 0xc0; // 7f c0 00 00: NaN, little-endian
            bin[3] = (byte) 0x7f;
        });
        assertTrue(loadError(nan).endsWith("weights.json: variables[0]: 'dense/kernel:0' holds NaN at index 0; a model's"
                + " values must be finite"), loadError(nan));
        Path negative = broken("negative-variance.zip", entries -> {
            byte[] bin = entries.get("weights.bin");
            int movingVariance = 4 * (784 * 300 + 3 * 300); // after dense/kernel, gamma, beta, moving_mean
            bin[movingVariance + 3] = (byte) 0xbf; // -1.0 little-endian: 00 00 80 bf
            bin[movingVariance + 2] = (byte) 0x80;
            bin[movingVariance + 1] = 0;
            bin[movingVariance] = 0;
        });
        assertTrue(loadError(negative).endsWith("'batch_normalization/moving_variance:0' holds -1.0 at index 0; a variance"
                + " cannot be negative"), loadError(negative));
    }
}
