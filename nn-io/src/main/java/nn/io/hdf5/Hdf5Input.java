package nn.io.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import nn.api.IoProblem;
import nn.api.NnException;

/**
 * An HDF5 file open for reading, with the name to give in errors. jhdf reads lazily, so any call may
 * meet damage: {@link #guarded} turns whatever jhdf throws into one {@link NnException} naming the file.
 */
public final class Hdf5Input implements AutoCloseable {
    private final HdfFile file;
    private final String source;
    private final long sizeInBytes;

    private Hdf5Input(HdfFile file, String source, long sizeInBytes) {
        this.file = file;
        this.source = source;
        this.sizeInBytes = sizeInBytes;
        long end = guarded(source, () -> file.getHdfBackingStorage().getSuperblock().getEndOfFileAddress());
        if (end > sizeInBytes) {
            close();
            throw new NnException(source + ": truncated (" + sizeInBytes + " bytes; its header says " + end + ")");
        }
    }

    public static Hdf5Input open(Path path) {
        String source = path.toString();
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new NnException(source + ": no such file", e);
        } catch (IOException e) {
            throw new NnException(source + ": cannot read: " + IoProblem.describe(e), e);
        }
        return new Hdf5Input(guarded(source, () -> new HdfFile(path)), source, size);
    }

    /** @param source names the bytes in errors, e.g. {@code model.keras: model.weights.h5} */
    public static Hdf5Input of(byte[] bytes, String source) {
        return new Hdf5Input(guarded(source, () -> HdfFile.fromBytes(bytes)), source, bytes.length);
    }

    public String source() {
        return source;
    }

    /** The file's size: no dataset of an uncompressed file (Keras compresses nothing) holds more bytes. */
    public long sizeInBytes() {
        return sizeInBytes;
    }

    public Group root() {
        return file;
    }

    /** The group at a path below {@code parent} ({@code a/b/c}), if there is one. */
    public Optional<Group> group(Group parent, String path) {
        return node(parent, path).map(node -> {
            if (!(node instanceof Group group)) {
                throw new NnException(source + ": " + node.getPath() + " is not a group");
            }
            return group;
        });
    }

    /** The dataset at a path below {@code parent}, if there is one. */
    public Optional<Dataset> dataset(Group parent, String path) {
        return node(parent, path).map(node -> {
            if (!(node instanceof Dataset dataset)) {
                throw new NnException(source + ": " + node.getPath() + " is not a dataset");
            }
            return dataset;
        });
    }

    /** Walks one name at a time, since a weight name like {@code dense/kernel:0} is a path of groups. */
    private Optional<Node> node(Group parent, String path) {
        return guarded(source, () -> {
            Node node = parent;
            for (String part : path.split("/")) {
                if (part.isEmpty()) {
                    continue;
                }
                if (!(node instanceof Group group) || !group.getChildren().containsKey(part)) {
                    return Optional.empty();
                }
                node = group.getChild(part);
            }
            return Optional.of(node);
        });
    }

    /**
     * Runs a read, turning jhdf's exceptions (and the JDK's, for nonsense offsets and sizes) into one
     * error naming the file; a file that nests without end may also exhaust the stack.
     */
    public static <T> T guarded(String source, Supplier<T> read) {
        try {
            return read.get();
        } catch (NnException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new NnException(source + ": not a readable HDF5 file, or damaged (" + describe(e) + ")", e);
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (RuntimeException e) {
            // nothing was written; a failed close of a file read whole changes nothing
        }
    }
}
