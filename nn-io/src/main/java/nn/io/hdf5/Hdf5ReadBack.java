package nn.io.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;

/** Reads a file jhdf has just written, every group and attribute (not the data), so that a bad write fails here, not on loading. */
final class Hdf5ReadBack {

    private Hdf5ReadBack() {
    }

    static void check(Path file) {
        try (HdfFile hdf = new HdfFile(file)) {
            visit(hdf);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the HDF5 library wrote a file it cannot read back (" + e.getMessage() + ")", e);
        }
    }

    private static void visit(Node node) {
        node.getAttributes().values().forEach(a -> a.getData());
        if (node instanceof Group group) {
            group.getChildren().values().forEach(Hdf5ReadBack::visit);
        }
    }
}
