package nn.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import nn.api.NnException;

/** The folder a training run writes to: --out, or runs/&lt;timestamp&gt; in the working folder. */
record OutputFolder(Path path) {

    static OutputFolder create(Optional<Path> requested) {
        Path path = where(requested);
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new NnException("--out " + path + ": cannot create the folder: " + e.getMessage(), e);
        }
        if (!Files.isWritable(path)) {
            throw new NnException("--out " + path + ": the folder is not writable");
        }
        return new OutputFolder(path);
    }

    /** Where {@link #create} will put the folder, without creating it. */
    static Path where(Optional<Path> requested) {
        return requested.orElseGet(() -> Path.of("runs",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss"))));
    }

    Path file(String name) {
        return path.resolve(name);
    }
}
