package nn.io.keras;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nn.api.NnException;
import nn.io.AtomicFile;
import nn.io.LayerSpec;
import nn.io.ModelArtifacts;
import nn.io.OptimizerState;
import nn.io.SavedTensor;
import nn.io.hdf5.Hdf5Output;
import nn.io.json.JsonValues;

/**
 * Writes a {@code .keras} zip as Keras 3's {@code saving_lib} does: {@code metadata.json},
 * {@code config.json} ({@link Keras3ConfigWriter}) and {@code model.weights.h5}
 * ({@link KerasWeightsLayout}; each {@code vars} group named after its layer, the model's own empty
 * {@code vars}, and {@code optimizer/vars}: iterations, the learning rate unless it is a schedule,
 * then the slots in nn's order, each with its variable's shape).
 */
final class KerasArchiveWriter {
    private static final DateTimeFormatter DATE_SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss");

    private KerasArchiveWriter() {
    }

    static void write(ModelArtifacts artifacts, Path file) {
        Map<String, Object> config = Keras3ConfigWriter.config(artifacts.definition());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("keras_version", KerasArchive.KERAS_VERSION);
        metadata.put("date_saved", LocalDateTime.now().format(DATE_SAVED));
        try {
            AtomicFile.write(file, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                writeText(zip, KerasArchive.METADATA, JsonValues.write(metadata));
                writeText(zip, KerasArchive.CONFIG, JsonValues.write(config));
                Hdf5Output.write(h5 -> writeWeights(h5, artifacts, config), h5 -> writeStored(zip, KerasArchive.WEIGHTS, h5));
                zip.finish();
            });
        } catch (NnException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new NnException(file + ": cannot save as Keras .keras: " + e.getMessage(), e);
        }
    }

    private static void writeText(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Raw float32 barely compress, so the weights are stored, as in nn's model.zip: saving is several times faster. */
    private static void writeStored(ZipOutputStream zip, String name, Path file) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = new CheckedInputStream(Files.newInputStream(file), crc)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(Files.size(file));
        entry.setCompressedSize(Files.size(file));
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        Files.copy(file, zip);
        zip.closeEntry();
    }

    private static void writeWeights(Hdf5Output h5, ModelArtifacts artifacts, Map<String, Object> config) {
        List<LayerSpec> layers = artifacts.definition().layers();
        List<String> paths = KerasWeightsLayout.varsGroups(layers.stream().map(LayerSpec::className).toList());
        Map<String, List<Integer>> shapes = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            Hdf5Output.putText(h5.group(paths.get(i)), "name", layers.get(i).name());
            List<SavedTensor> weights = artifacts.weightsOf(layers.get(i).name());
            for (int v = 0; v < weights.size(); v++) {
                SavedTensor t = weights.get(v);
                h5.putFloats(paths.get(i) + "/" + v, t.shape(), t.values());
                if (t.name() != null) {
                    shapes.put(t.name(), t.shape());
                }
            }
        }
        Hdf5Output.putText(h5.group(KerasWeightsLayout.VARS), "name", artifacts.definition().name());
        if (artifacts.definition().compile().isPresent()) {
            artifacts.optimizer().ifPresent(state -> writeOptimizer(h5, state, shapes,
                    Keras3CompileConfig.keepsLearningRateVariable(config.get("compile_config")),
                    artifacts.definition().compileSpec().optimizerConfig().get("learning_rate")));
        }
    }

    private static void writeOptimizer(Hdf5Output h5, OptimizerState state, Map<String, List<Integer>> shapes,
            boolean learningRateVariable, Object learningRate) {
        String vars = KerasWeightsLayout.OPTIMIZER_VARS;
        h5.putLong(vars + "/0", state.iterations());
        int next = 1;
        if (learningRateVariable) {
            h5.putFloat(vars + "/" + next++, learningRate instanceof Number n ? n.floatValue() : 0.01f);
        }
        for (SavedTensor slot : state.slots()) {
            String owner = slot.name() == null ? null : slot.name().substring(0, slot.name().lastIndexOf('/'));
            h5.putFloats(vars + "/" + next++, shapes.getOrDefault(owner, slot.shape()), slot.values());
        }
    }
}
