package nn.io.keras;

import static nn.io.FormatBadInput.loadError;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import nn.core.Sequential;
import nn.io.FormatFixtures;
import nn.io.Models;
import nn.io.hdf5.Hdf5Output;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KerasBadInputTest {
    private static Sequential model;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        model = FormatFixtures.trainedAllLayers();
    }

    private Map<String, byte[]> entries() throws Exception {
        Path file = dir.resolve("good.keras");
        Models.save(model, file);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private Path zip(String name, Map<String, byte[]> entries) throws Exception {
        Path file = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    @Test
    void aTruncatedArchive() throws Exception {
        Path file = dir.resolve("model.keras");
        Models.save(model, file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        loadError(file, "");
    }

    @Test
    void damagedOrUnexpectedEntries() throws Exception {
        Map<String, byte[]> entries = entries();
        entries.put("../evil", new byte[1]);
        loadError(zip("evil.keras", entries), "unsafe entry name '../evil'");

        entries = entries();
        entries.put("config.json", "{not json".getBytes(StandardCharsets.UTF_8));
        loadError(zip("json.keras", entries), "config.json: not valid JSON");

        entries = entries();
        byte[] weights = entries.get("model.weights.h5");
        entries.put("model.weights.h5", Arrays.copyOf(weights, weights.length - 100));
        loadError(zip("weights.keras", entries), "model.weights.h5: truncated");
    }

    @Test
    void aLayerWithoutItsVarsGroup() throws Exception {
        Map<String, byte[]> entries = entries();
        java.io.ByteArrayOutputStream h5 = new java.io.ByteArrayOutputStream();
        Hdf5Output.writeTo(h5, out -> out.putFloats("layers/dense/vars/0", List.of(20, 8), new float[160]));
        entries.put("model.weights.h5", h5.toByteArray());
        loadError(zip("missing.keras", entries), "has no entry for the model's variable 'dense/bias:0'");
    }

    @Test
    void missingWeightsWrongShapesAndNonFiniteValues() {
        nn.io.FormatBadInput.assertBadWeightsRefused(model, dir, "keras");
    }
}
