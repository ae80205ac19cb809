package nn.io;

import java.nio.file.Path;
import java.util.List;
import nn.io.zip.SafeZip;
import nn.io.zip.ZipEntries;

/** nn's own {@code model.zip}: everything, including the optimizer state and the caller's state; see {@link ModelArchive}. */
public final class NnArchiveFormat implements ModelFormat {

    @Override
    public String name() {
        return "nn";
    }

    @Override
    public String description() {
        return "nn model archive (model.zip: weights, optimizer state, run state)";
    }

    @Override
    public boolean claimsName(Path file) {
        return ModelFormat.hasExtension(file, ".zip");
    }

    @Override
    public boolean recognizes(Path file, byte[] head) {
        return ZipEntries.holds(file, head, List.of(ModelArchive.MODEL, ModelArchive.WEIGHTS_INDEX));
    }

    @Override
    public ModelArtifacts read(Path file) {
        return ModelArchive.read(file, SafeZip.Limits.DEFAULT);
    }

    @Override
    public void write(ModelArtifacts artifacts, Path file) {
        ModelArchive.write(artifacts, file);
    }
}
