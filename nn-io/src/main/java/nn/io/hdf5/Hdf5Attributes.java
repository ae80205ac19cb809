package nn.io.hdf5;

import io.jhdf.api.Attribute;
import io.jhdf.api.Node;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nn.api.NnException;

/**
 * Reads the string attributes Keras writes: one string (a JSON text, a version) or a list of names,
 * as fixed-length bytes (h5py's {@code np.asarray([b"dense", ...])}), variable-length UTF-8 or a
 * single string; a list may be split into {@code name0}, {@code name1}, ... (see {@link AttributeChunks}).
 */
public final class Hdf5Attributes {
    /** More names than any model has layers or weights: a bound on what a hostile file can make us hold. */
    static final int MAX_STRINGS = 1_000_000;

    private Hdf5Attributes() {
    }

    /** One string attribute, if the node has it. */
    public static Optional<String> string(Hdf5Input in, Node node, String name) {
        return Hdf5Input.guarded(in.source(), () -> {
            Attribute attribute = node.getAttributes().get(name);
            if (attribute == null) {
                return Optional.empty();
            }
            List<String> values = values(in, node, attribute);
            if (values.size() != 1) {
                throw new NnException(in.source() + ": attribute " + name + " of " + node.getPath()
                        + " should be one string, but holds " + values.size());
            }
            return Optional.of(values.get(0));
        });
    }

    /**
     * A list of strings: the attribute itself, or else its chunks {@code name0}, {@code name1}, ...
     * joined; none when it is missing or empty (Keras writes nothing, or an empty array, for a layer
     * without weights).
     */
    public static List<String> strings(Hdf5Input in, Node node, String name) {
        return Hdf5Input.guarded(in.source(), () -> {
            var attributes = node.getAttributes();
            if (attributes.containsKey(name)) {
                return values(in, node, attributes.get(name));
            }
            List<String> joined = new ArrayList<>();
            for (int chunk = 0; attributes.containsKey(name + chunk); chunk++) {
                joined.addAll(values(in, node, attributes.get(name + chunk)));
                if (joined.size() > MAX_STRINGS) {
                    throw tooMany(in, node, name);
                }
            }
            return joined;
        });
    }

    private static List<String> values(Hdf5Input in, Node node, Attribute attribute) {
        if (attribute.getSize() > MAX_STRINGS) {
            throw tooMany(in, node, attribute.getName());
        }
        Object data = attribute.isEmpty() ? null : attribute.getData();
        if (data == null) {
            return List.of();
        }
        if (data instanceof String s) {
            return List.of(s);
        }
        if (data instanceof String[] strings) {
            return Arrays.asList(strings);
        }
        if (data instanceof byte[] bytes) {
            return List.of(new String(bytes, StandardCharsets.UTF_8));
        }
        throw new NnException(in.source() + ": attribute " + attribute.getName() + " of " + node.getPath()
                + " should hold strings, but holds " + attribute.getJavaType().getSimpleName() + " values");
    }

    private static NnException tooMany(Hdf5Input in, Node node, String name) {
        return new NnException(in.source() + ": attribute " + name + " of " + node.getPath() + " holds more than "
                + MAX_STRINGS + " strings");
    }
}
