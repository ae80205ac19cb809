package nn.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.api.NnException;
import nn.io.json.JsonCursor;
import nn.io.json.JsonValues;
import nn.io.tensors.TensorPack;
import nn.io.zip.SafeZip;

/** Reads the entries of a {@link ModelArchive} into artifacts, checking each index against its bytes. */
final class ArchiveLoader {

    private ArchiveLoader() {
    }

    /** Reads the archive's JSON entries, checks the indexes against the sizes of the tensors' entries, then streams those. */
    static ModelArtifacts read(Path file, SafeZip zip) {
        String source = file.toString();
        Map<String, Object> state = json(zip, ModelArchive.STATE, source).toMap();
        if (state.containsKey(ModelArchive.EPOCH) && !(state.get(ModelArchive.EPOCH) instanceof Integer epoch && epoch >= 0)) {
            throw new NnException(source + ": " + ModelArchive.STATE + ": epoch: must be a whole number >= 0, got "
                    + state.get(ModelArchive.EPOCH));
        }
        ModelDefinition definition = ModelFiles.parse(text(zip, ModelArchive.MODEL),
                source + ": " + ModelArchive.MODEL);
        definition.compileSpec(); // an archive is a compiled model: its optimizer state needs the optimizer

        JsonCursor weightsIndex = json(zip, ModelArchive.WEIGHTS_INDEX, source);
        checkVersion(weightsIndex);
        List<SavedTensor> weights = tensors(zip, weightsIndex.get("variables"), ModelArchive.WEIGHTS, true);

        JsonCursor optimizerIndex = json(zip, ModelArchive.OPTIMIZER_INDEX, source);
        checkVersion(optimizerIndex);
        String className = optimizerIndex.string("class_name");
        long iterations = optimizerIndex.count("iterations", Long.MAX_VALUE);
        List<SavedTensor> slots = tensors(zip, optimizerIndex.get("slots"), ModelArchive.OPTIMIZER, false);
        OptimizerState optimizer = new OptimizerState(className, iterations, slots, optimizerIndex.where());
        return new ModelArtifacts(definition, weights, Optional.of(optimizer), state, weightsIndex.get("variables").where());
    }

    private static List<SavedTensor> tensors(SafeZip zip, JsonCursor index, String binName, boolean layerWeights) {
        List<TensorPack.Described> described = TensorPack.describe(index, zip.size(binName), binName);
        return zip.read(binName, in -> TensorPack.read(described, in, layerWeights));
    }

    private static void checkVersion(JsonCursor index) {
        index.requireObject();
        long version = index.count("format_version", Integer.MAX_VALUE);
        if (version != ModelArchive.FORMAT_VERSION) {
            throw index.get("format_version").error("this archive has format version " + version
                    + "; this program reads version " + ModelArchive.FORMAT_VERSION);
        }
    }

    private static JsonCursor json(SafeZip zip, String name, String source) {
        String where = source + ": " + name;
        return JsonCursor.root(JsonValues.parse(text(zip, name), where), where);
    }

    private static String text(SafeZip zip, String name) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(zip.bytes(name))).toString();
        } catch (CharacterCodingException e) {
            throw new NnException(zip.file() + ": entry " + name + " is not UTF-8 text", e);
        }
    }
}
