package nn.io.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes an HDF5 file with jhdf, which only writes to a path when closed: into a temporary file,
 * then copied to the stream (an {@link nn.io.AtomicFile} or a zip entry). Works around jhdf's
 * traps: nested groups made one name at a time (a {@code /} in a name corrupts the file), no empty
 * attribute (it throws), long string lists split into chunks.
 */
public final class Hdf5Output {
    /** jhdf's files turn unreadable from about 59 kB in one attribute (measured); Keras's limit is 64512. */
    static final int MAX_TEXT_BYTES = 56_000;
    private final WritableHdfFile file;
    private final Map<String, WritableGroup> groups = new HashMap<>();

    private Hdf5Output(WritableHdfFile file) {
        this.file = file;
    }

    /**
     * Builds the file with {@code content}, reads its structure back (jhdf can write files it cannot
     * read) and copies it to {@code out}.
     */
    public static void writeTo(OutputStream out, Consumer<Hdf5Output> content) throws IOException {
        write(content, temp -> Files.copy(temp, out));
    }

    /** Receives the file written, before it is deleted. */
    public interface FileSink {
        void accept(Path file) throws IOException;
    }

    /** Writes an HDF5 file with the content into a temporary file, reads it back, and hands it to {@code sink}. */
    public static void write(Consumer<Hdf5Output> content, FileSink sink) throws IOException {
        Path temp = Files.createTempFile("nn-", ".h5");
        try {
            try (WritableHdfFile file = HdfFile.write(temp)) {
                content.accept(new Hdf5Output(file));
                LastWritten.endWithDataset(file);
            }
            Hdf5ReadBack.check(temp);
            sink.accept(temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public WritableGroup root() {
        return file;
    }

    /** The group at {@code path} ({@code a/b/c}) from the root, made (with its parents) if new. */
    public WritableGroup group(String path) {
        WritableGroup group = file;
        StringBuilder at = new StringBuilder();
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            at.append('/').append(part);
            WritableGroup parent = group;
            group = groups.computeIfAbsent(at.toString(), key -> parent.putGroup(part));
        }
        return group;
    }

    /** A float32 dataset at {@code path} from the root, groups made as needed, with the given shape. */
    public void putFloats(String path, List<Integer> shape, float[] values) {
        int slash = path.lastIndexOf('/');
        WritableGroup parent = slash < 0 ? file : group(path.substring(0, slash));
        parent.putDataset(path.substring(slash + 1), nested(shape, values));
    }

    /** A scalar float32 dataset (Keras 3's learning-rate variable). */
    public void putFloat(String path, float value) {
        int slash = path.lastIndexOf('/');
        WritableGroup parent = slash < 0 ? file : group(path.substring(0, slash));
        parent.putDataset(path.substring(slash + 1), value);
    }

    /** A scalar int64 dataset (Keras's iteration count). */
    public void putLong(String path, long value) {
        int slash = path.lastIndexOf('/');
        WritableGroup parent = slash < 0 ? file : group(path.substring(0, slash));
        parent.putDataset(path.substring(slash + 1), value);
    }

    /** A string attribute (JSON, a version); one too long for jhdf to write readably is an error, not a broken file. */
    public static void putText(WritableNode node, String name, String text) {
        int bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("attribute " + name + " would hold " + bytes + " bytes; an HDF5 attribute "
                    + "written here holds at most " + MAX_TEXT_BYTES);
        }
        node.putAttribute(name, text);
    }

    /** A list of names as one attribute, or as chunks {@code name0, name1, ...}; nothing for an empty list. */
    public static void putStrings(WritableNode node, String name, List<String> values) {
        List<List<String>> chunks = AttributeChunks.split(values, AttributeChunks.MAX_CHUNK_BYTES);
        if (chunks.size() == 1) {
            node.putAttribute(name, values.toArray(String[]::new));
            return;
        }
        for (int i = 0; i < chunks.size(); i++) {
            node.putAttribute(name + i, chunks.get(i).toArray(String[]::new));
        }
    }

    /** Row-major values as the n-dimensional Java array jhdf takes (float[] for one dimension, float[][] for two, ...). */
    static Object nested(List<Integer> shape, float[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("an empty tensor " + shape + " cannot be written (jhdf writes no empty arrays)");
        }
        if (shape.isEmpty()) {
            return new float[] {values[0]};
        }
        int[] dims = shape.stream().mapToInt(Integer::intValue).toArray();
        Object array = Array.newInstance(float.class, dims);
        fill(array, dims, 0, values, 0);
        return array;
    }

    private static int fill(Object array, int[] dims, int depth, float[] values, int offset) {
        if (depth == dims.length - 1) {
            System.arraycopy(values, offset, array, 0, dims[depth]);
            return offset + dims[depth];
        }
        for (int i = 0; i < dims[depth]; i++) {
            offset = fill(Array.get(array, i), dims, depth + 1, values, offset);
        }
        return offset;
    }
}
