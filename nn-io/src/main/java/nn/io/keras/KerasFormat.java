package nn.io.keras;

import java.nio.file.Path;
import java.util.List;
import nn.io.ModelArtifacts;
import nn.io.ModelFormat;
import nn.io.hdf5.Hdf5Input;
import nn.io.zip.ZipEntries;

/**
 * Keras 3's {@code .keras} zip: architecture, compile settings, weights (BatchNormalization's moving
 * statistics included) and the optimizer's iterations and slots, by position.
 */
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
        return ModelFormat.hasExtension(file, ".keras");
    }

    @Override
    public boolean recognizes(Path file, byte[] head) {
        return ZipEntries.holds(file, head, List.of(KerasArchive.CONFIG, KerasArchive.METADATA));
    }

    @Override
    public ModelArtifacts read(Path file) {
        return Hdf5Input.guarded(file.toString(), () -> KerasArchiveReader.read(file));
    }

    @Override
    public void write(ModelArtifacts artifacts, Path file) {
        KerasArchiveWriter.write(artifacts, file);
    }
}
