package nn.core;

import java.nio.file.Path;

/**
 * Saves a model to a file: the service behind {@link Sequential#save(Path)}. Module nn.io provides
 * it, so that nn.core knows no file format and a program that never saves needs no nn.io.
 */
public interface ModelSaver {

    /** Writes the model in the format its file name asks for; errors name the file. */
    void save(Sequential model, Path file);
}
