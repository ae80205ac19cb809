package nn.io.tfjs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nn.io.ModelArtifacts;
import nn.io.ModelFormat;

/**
 * The TensorFlow.js layers-model: a folder with {@code model.json} (the Keras topology, the weights
 * manifest and the training config) and {@code weights.bin} (raw little-endian float32). tfjs's
 * {@code tf.loadLayersModel} reads what this writes; this reads what tfjs 4 saves and what its
 * converter writes. Optimizer state is not kept (tfjs's slots mean other things than Keras's).
 */
public final class TfjsFormat implements ModelFormat {
    static final String MODEL_JSON = "model.json";

    @Override
    public String name() {
        return "tfjs";
    }

    @Override
    public String description() {
        return "TensorFlow.js layers-model (a folder with model.json and weights.bin)";
    }

    /** {@code model.json}, or a folder: an existing one, or a name without an extension. */
    @Override
    public boolean claimsName(Path file) {
        Path name = file.getFileName();
        return name == null || name.toString().equals(MODEL_JSON) || Files.isDirectory(file)
                || !name.toString().contains(".");
    }

    @Override
    public boolean recognizes(Path file, byte[] head) {
        if (Files.isDirectory(file)) {
            return Files.isRegularFile(file.resolve(MODEL_JSON));
        }
        String text = new String(head, StandardCharsets.UTF_8);
        return text.stripLeading().startsWith("{") && (text.contains("\"modelTopology\"") || text.contains("\"weightsManifest\""));
    }

    @Override
    public ModelArtifacts read(Path file) {
        return TfjsReader.read(Files.isDirectory(file) ? file.resolve(MODEL_JSON) : file);
    }

    @Override
    public void write(ModelArtifacts artifacts, Path file) {
        Path name = file.getFileName();
        TfjsWriter.write(artifacts, name != null && name.toString().equals(MODEL_JSON) ? file.toAbsolutePath().getParent() : file);
    }
}
