package nn.io.keras;

import java.nio.file.Path;
import nn.api.NnException;
import nn.io.ModelArtifacts;
import nn.io.ModelFormat;

/** Keras 3's {@code .keras} zip (placeholder while the format is written). */
public final class KerasFormat implements ModelFormat {

    @Override
    public String name() {
        return "keras";
    }

    @Override
    public String description() {
        return "Keras 3 archive (.keras: config.json, metadata.json, model.weights.h5)";
    }

    @Override
    public boolean claimsName(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(".keras");
    }

    @Override
    public boolean recognizes(Path file, byte[] head) {
        return false;
    }

    @Override
    public ModelArtifacts read(Path file) {
        throw new NnException(file + ": reading .keras is not written yet");
    }

    @Override
    public void write(ModelArtifacts artifacts, Path file) {
        throw new NnException(file + ": writing .keras is not written yet");
    }
}
