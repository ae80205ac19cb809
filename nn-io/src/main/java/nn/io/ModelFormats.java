package nn.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import nn.api.IoProblem;
import nn.api.NnException;

/**
 * The model formats found with {@link ServiceLoader}, by name: nn's own four ({@code nn}, {@code h5},
 * {@code keras}, {@code tfjs}) and any a module adds. Picks the format of a file by its content when
 * reading and by its name when saving; errors list the known formats.
 */
public final class ModelFormats {
    private final Map<String, ModelFormat> formats = new LinkedHashMap<>();

    private ModelFormats(Iterable<ModelFormat> found) {
        for (ModelFormat format : found) {
            formats.putIfAbsent(format.name(), format);
        }
    }

    /** The formats visible to nn.io. */
    public static ModelFormats discover() {
        return new ModelFormats(ServiceLoader.load(ModelFormat.class, ModelFormat.class.getClassLoader()));
    }

    public static ModelFormats of(ModelFormat... formats) {
        return new ModelFormats(List.of(formats));
    }

    public List<String> names() {
        return List.copyOf(formats.keySet());
    }

    /** A format by name; an error listing the known ones if there is none. */
    public ModelFormat named(String name) {
        ModelFormat format = formats.get(name);
        if (format == null) {
            throw new NnException("unknown model format '" + name + "'; known formats: " + String.join(", ", names()));
        }
        return format;
    }

    /** The format a file to be saved asks for by its name ({@code model.zip}, {@code model.h5}, ...). */
    public ModelFormat forSaving(Path file) {
        return formats.values().stream().filter(f -> f.claimsName(file)).findFirst()
                .orElseThrow(() -> new NnException(file + ": cannot tell the model format from the name; use "
                        + listing()));
    }

    /** The format of an existing file or folder, judged by its content. */
    public ModelFormat forReading(Path file) {
        return recognize(file).orElseThrow(() -> new NnException(file + ": not a saved model in any known format ("
                + listing() + ")"));
    }

    /** The format of an existing file or folder, judged by its content; empty if none knows it (e.g. a model JSON without weights). */
    public Optional<ModelFormat> recognize(Path file) {
        byte[] head = head(file);
        return formats.values().stream().filter(f -> f.recognizes(file, head)).findFirst();
    }

    private String listing() {
        return String.join("; ", formats.values().stream().map(f -> f.name() + ": " + f.description()).toList());
    }

    private static byte[] head(Path file) {
        if (Files.isDirectory(file)) {
            return new byte[0];
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(512);
        } catch (NoSuchFileException e) {
            throw new NnException(file + ": no such file", e);
        } catch (IOException e) {
            throw new NnException(file + ": cannot read: " + IoProblem.describe(e), e);
        }
    }
}
