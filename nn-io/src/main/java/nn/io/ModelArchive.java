package nn.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nn.api.BuildContext;
import nn.api.NnException;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import nn.io.json.JsonValues;
import nn.io.tensors.TensorPack;
import nn.io.zip.SafeZip;

/**
 * A trained model in one zip file, data only (no Java serialization, no code):
 * <ul>
 * <li>{@code model.json}: the model file, with its {@code training_config} (see {@link ModelFiles});
 * <li>{@code weights.json}: for each variable in model order, its Keras path ({@code name}), shape
 * and byte {@code offset} and {@code length} in {@code weights.bin};
 * <li>{@code weights.bin}: the variable values as raw little-endian float32;
 * <li>{@code optimizer.json}: the optimizer's class name, {@code iterations}, and its slots (keyed
 * {@code <variable path>/<slot>}, shape {@code [rows, columns]} of the slot matrix) indexed the same
 * way into {@code optimizer.bin};
 * <li>{@code state.json}: the caller's state, e.g. {@code {"epoch": 12}}.
 * </ul>
 * Saving writes a temporary file next to the archive and then moves it over the archive's name in
 * one step, so an interrupted save leaves the previous archive intact.
 */
public final class ModelArchive {
    static final String MODEL = "model.json";
    static final String WEIGHTS_INDEX = "weights.json";
    static final String WEIGHTS = "weights.bin";
    static final String OPTIMIZER_INDEX = "optimizer.json";
    static final String OPTIMIZER = "optimizer.bin";
    static final String STATE = "state.json";
    static final List<String> ENTRIES = List.of(MODEL, WEIGHTS_INDEX, WEIGHTS, OPTIMIZER_INDEX, OPTIMIZER, STATE);
    static final int FORMAT_VERSION = 1;
    /** The state key of the epoch counter. */
    public static final String EPOCH = "epoch";

    private ModelArchive() {
    }

    /** Saves a compiled model with the compile settings of {@link CompileSpec#of(Sequential)}. */
    public static void save(Path file, Sequential model, Map<String, Object> state) {
        save(file, model, null, state);
    }

    /**
     * Saves a compiled model, its optimizer's state and {@code state} (JSON values: numbers,
     * strings, booleans, lists, maps; may be null).
     *
     * @param compile written as the model file's {@code training_config}; it should describe how
     *        {@code model} is compiled, since loading restores the optimizer state into the optimizer it
     *        makes; null for {@link CompileSpec#of(Sequential)}
     */
    public static void save(Path file, Sequential model, CompileSpec compile, Map<String, Object> state) {
        write(Models.artifactsToSave(model, compile, state, file), file);
    }

    /** Writes artifacts of a compiled model (with compile settings and optimizer state) as an archive. */
    static void write(ModelArtifacts artifacts, Path file) {
        Parts parts;
        try {
            parts = parts(artifacts);
        } catch (NnException e) {
            throw Models.cannotSave(file, e);
        }
        writeAtomically(file, parts);
    }

    /** Loads an archive; every problem (damage, hostile content, a missing plugin) is an {@link NnException} naming the file. */
    public static LoadedModel load(Path file, PluginRegistry registry, BuildContext context) {
        return load(file, registry, state -> context, SafeZip.Limits.DEFAULT);
    }

    /**
     * As {@link #load(Path, PluginRegistry, BuildContext)}, with the build context chosen from the saved
     * state, e.g. the kernels of the run that saved a checkpoint.
     */
    public static LoadedModel load(Path file, PluginRegistry registry, Function<Map<String, Object>, BuildContext> context) {
        return load(file, registry, context, SafeZip.Limits.DEFAULT);
    }

    static LoadedModel load(Path file, PluginRegistry registry, BuildContext context, SafeZip.Limits limits) {
        return load(file, registry, state -> context, limits);
    }

    private static LoadedModel load(Path file, PluginRegistry registry, Function<Map<String, Object>, BuildContext> context,
            SafeZip.Limits limits) {
        return ArtifactsRestore.restore(read(file, limits), registry, context);
    }

    /** Reads an archive, checking it against itself (not yet against a model). */
    static ModelArtifacts read(Path file, SafeZip.Limits limits) {
        try (SafeZip zip = SafeZip.open(file, ENTRIES, limits)) {
            return ArchiveLoader.read(file, zip);
        }
    }

    /** An archive's entries before they are written: JSON texts, and the tensors that are read as they are written. */
    private record Parts(byte[] model, byte[] weightsIndex, TensorPack weights, byte[] optimizerIndex, TensorPack slots,
            byte[] state) {
    }

    private static Parts parts(ModelArtifacts artifacts) {
        OptimizerState optimizer = artifacts.optimizer().orElseThrow(() -> new NnException("model "
                + artifacts.definition().name() + " is not compiled: call compile(optimizer, loss, metrics) first"));
        artifacts.definition().compileSpec();
        TensorPack weights = new TensorPack();
        for (SavedTensor t : artifacts.weights()) {
            weights.add(t.name(), t.shape(), t.values(), t.values().length);
        }
        TensorPack slots = new TensorPack();
        for (SavedTensor t : optimizer.slots()) {
            slots.add(t.name(), t.shape(), t.values(), t.values().length);
        }

        Map<String, Object> weightsIndex = new LinkedHashMap<>();
        weightsIndex.put("format_version", FORMAT_VERSION);
        weightsIndex.put("dtype", "float32");
        weightsIndex.put("byte_order", "little_endian");
        weightsIndex.put("variables", weights.index());
        Map<String, Object> optimizerIndex = new LinkedHashMap<>();
        optimizerIndex.put("format_version", FORMAT_VERSION);
        optimizerIndex.put("class_name", optimizer.className());
        optimizerIndex.put("iterations", optimizer.iterations());
        optimizerIndex.put("slots", slots.index());

        return new Parts(utf8(ModelFiles.toJson(artifacts.definition())), utf8(JsonValues.write(weightsIndex)), weights,
                utf8(JsonValues.write(optimizerIndex)), slots, utf8(JsonValues.write(artifacts.state())));
    }

    private static void writeAtomically(Path file, Parts parts) {
        AtomicFile.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            writeDeflated(zip, MODEL, parts.model());
            writeDeflated(zip, WEIGHTS_INDEX, parts.weightsIndex());
            writeStored(zip, WEIGHTS, parts.weights());
            writeDeflated(zip, OPTIMIZER_INDEX, parts.optimizerIndex());
            writeStored(zip, OPTIMIZER, parts.slots());
            writeDeflated(zip, STATE, parts.state());
            zip.finish();
        });
    }

    private static void writeDeflated(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** Raw floats barely compress (2.5 MB to 2.36 MB for the tutorial), so they are stored: saving is several times faster. */
    private static void writeStored(ZipOutputStream zip, String name, TensorPack tensors) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(tensors.size());
        entry.setCompressedSize(tensors.size());
        entry.setCrc(tensors.crc32());
        zip.putNextEntry(entry);
        tensors.writeTo(zip);
        zip.closeEntry();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
