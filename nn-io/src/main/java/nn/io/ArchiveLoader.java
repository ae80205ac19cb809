package nn.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.api.NnException;
import nn.io.json.JsonCursor;
import nn.io.json.JsonValues;
import nn.io.tensors.TensorPack;

/** Reads the entries of a {@link ModelArchive} into artifacts, checking each index against its bytes. */
final class ArchiveLoader {

    private ArchiveLoader() {
    }

    static ModelArtifacts read(Path file, Map<String, byte[]> entries) {
        String source = file.toString();
        Map<String, Object> state = json(entries, ModelArchive.STATE, source).toMap();
        if (state.containsKey(ModelArchive.EPOCH) && !(state.get(ModelArchive.EPOCH) instanceof Integer epoch && epoch >= 0)) {
            throw new NnException(source + ": " + ModelArchive.STATE + ": epoch: must be a whole number >= 0, got "
                    + state.get(ModelArchive.EPOCH));
        }
        ModelDefinition definition = ModelFiles.parse(text(entries, ModelArchive.MODEL),
                source + ": " + ModelArchive.MODEL);
        definition.compileSpec(); // an archive is a compiled model: its optimizer state needs the optimizer

        JsonCursor weightsIndex = json(entries, ModelArchive.WEIGHTS_INDEX, source);
        checkVersion(weightsIndex);
        List<SavedTensor> weights = TensorPack.read(weightsIndex.get("variables"), entries.get(ModelArchive.WEIGHTS),
                ModelArchive.WEIGHTS, true);

        JsonCursor optimizerIndex = json(entries, ModelArchive.OPTIMIZER_INDEX, source);
        checkVersion(optimizerIndex);
        String className = optimizerIndex.string("class_name");
        long iterations = optimizerIndex.count("iterations", Long.MAX_VALUE);
        List<SavedTensor> slots = TensorPack.read(optimizerIndex.get("slots"), entries.get(ModelArchive.OPTIMIZER),
                ModelArchive.OPTIMIZER, false);
        OptimizerState optimizer = new OptimizerState(className, iterations, slots, optimizerIndex.where());
        return new ModelArtifacts(definition, weights, Optional.of(optimizer), state, weightsIndex.get("variables").where());
    }

    private static void checkVersion(JsonCursor index) {
        index.requireObject();
        long version = index.count("format_version", Integer.MAX_VALUE);
        if (version != ModelArchive.FORMAT_VERSION) {
            throw index.get("format_version").error("this archive has format version " + version
                    + "; this program reads version " + ModelArchive.FORMAT_VERSION);
        }
    }

    private static JsonCursor json(Map<String, byte[]> entries, String name, String source) {
        String where = source + ": " + name;
        return JsonCursor.root(JsonValues.parse(text(entries, name), where), where);
    }

    private static String text(Map<String, byte[]> entries, String name) {
        return new String(entries.get(name), StandardCharsets.UTF_8);
    }
}
