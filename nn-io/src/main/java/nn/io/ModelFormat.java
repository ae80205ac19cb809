package nn.io;

import java.nio.file.Path;

/**
 * One way of storing a model on disk (nn's model.zip, Keras 2 .h5, Keras 3 .keras, a TensorFlow.js
 * layers-model), reading and writing the same {@link ModelArtifacts}. Formats are found with
 * {@link java.util.ServiceLoader}; {@link ModelFormats} keeps them by name.
 */
public interface ModelFormat {

    /** The name users give it, e.g. {@code tfjs}. */
    String name();

    /** What it is, for listings and errors, e.g. {@code TensorFlow.js layers-model (folder with model.json)}. */
    String description();

    /** Whether a file name asks for this format when saving, e.g. a {@code .h5} extension. */
    boolean claimsName(Path file);

    /**
     * Whether the file (or folder) holds this format, judged by its content, not its name.
     *
     * @param head the first bytes of the file (up to 512), empty for a folder
     */
    boolean recognizes(Path file, byte[] head);

    /** Whether the file's name ends with one of these extensions ({@code ".h5"}): how most formats claim names. */
    static boolean hasExtension(Path file, String... extensions) {
        Path name = file.getFileName();
        for (String extension : extensions) {
            if (name != null && name.toString().endsWith(extension)) {
                return true;
            }
        }
        return false;
    }

    /** Reads a model; every problem is an {@link nn.api.NnException} naming the file. */
    ModelArtifacts read(Path file);

    /**
     * Writes a model so that a crash leaves either the old file or the new one. A layer or setting
     * the format cannot hold is an {@link nn.api.NnException} naming the layer and the format.
     */
    void write(ModelArtifacts artifacts, Path file);
}
