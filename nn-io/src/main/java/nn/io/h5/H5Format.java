package nn.io.h5;

import java.nio.file.Path;
import nn.io.ModelArtifacts;
import nn.io.ModelFormat;
import nn.io.hdf5.Hdf5Input;
import nn.io.hdf5.Hdf5Signature;

/**
 * Keras 2's legacy {@code .h5}: architecture, compile settings, weights (BatchNormalization's moving
 * statistics included) and the optimizer's iterations and slots. Reads Keras 2 and Keras 3 flavours.
 */
public final class H5Format implements ModelFormat {

    @Override
    public String name() {
        return "h5";
    }

    @Override
    public String description() {
        return "Keras 2 legacy HDF5 (.h5, .hdf5: model_config, training_config, weights, optimizer weights)";
    }

    @Override
    public boolean claimsName(Path file) {
        return ModelFormat.hasExtension(file, ".h5", ".hdf5");
    }

    @Override
    public boolean recognizes(Path file, byte[] head) {
        return Hdf5Signature.matches(head);
    }

    @Override
    public ModelArtifacts read(Path file) {
        return Hdf5Input.guarded(file.toString(), () -> H5Reader.read(file));
    }

    @Override
    public void write(ModelArtifacts artifacts, Path file) {
        H5Writer.write(artifacts, file);
    }
}
