package nn.io.keras;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.List;
import nn.io.hdf5.Hdf5Attributes;
import nn.io.hdf5.Hdf5Datasets;
import nn.io.hdf5.Hdf5Input;

/**
 * What a Keras 3 {@code model.weights.h5} holds, without knowing the model: every {@code vars}
 * group at any depth, with its {@code name} attribute (the layer's name) and its variables
 * {@code 0, 1, ...} in order, shapes only (no values read).
 */
public final class KerasWeightsFile {
    private static final int MAX_DEPTH = 32;

    /** One variable: its path in the file and its shape. */
    public record Variable(String path, List<Integer> shape) {
    }

    /** A {@code vars} group: its path, its {@code name} attribute (null if none), its variables in order. */
    public record Vars(String path, String name, List<Variable> variables) {
    }

    private KerasWeightsFile() {
    }

    public static List<Vars> list(Hdf5Input in) {
        List<Vars> found = new ArrayList<>();
        Hdf5Input.guarded(in.source(), () -> {
            walk(in, in.root(), "", 0, found);
            return null;
        });
        return found;
    }

    private static void walk(Hdf5Input in, Group group, String path, int depth, List<Vars> found) {
        if (depth > MAX_DEPTH) {
            throw new nn.api.NnException(in.source() + ": groups nested more than " + MAX_DEPTH + " deep at " + path);
        }
        for (Node child : group.getChildren().values()) {
            if (!(child instanceof Group inner)) {
                continue;
            }
            String childPath = path.isEmpty() ? child.getName() : path + "/" + child.getName();
            if (child.getName().equals(KerasWeightsLayout.VARS)) {
                found.add(vars(in, inner, childPath));
            } else {
                walk(in, inner, childPath, depth + 1, found);
            }
        }
    }

    private static Vars vars(Hdf5Input in, Group vars, String path) {
        List<Variable> variables = new ArrayList<>();
        for (Dataset dataset : datasets(in, vars)) {
            variables.add(new Variable(path + "/" + dataset.getName(), Hdf5Datasets.shape(in, dataset)));
        }
        return new Vars(path, Hdf5Attributes.string(in, vars, "name").orElse(null), variables);
    }

    /** The datasets {@code 0, 1, ...} of a vars group, in order, up to the first missing index. */
    static List<Dataset> datasets(Hdf5Input in, Group vars) {
        List<Dataset> datasets = new ArrayList<>();
        for (int i = 0;; i++) {
            var dataset = in.dataset(vars, String.valueOf(i));
            if (dataset.isEmpty()) {
                return datasets;
            }
            datasets.add(dataset.get());
        }
    }
}
