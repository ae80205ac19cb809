package nn.app.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The temporary files that saves interrupted by a kill leave: {@code AtomicFile} writes
 * {@code name} through {@code .name<random>.tmp} beside it. Removed best effort, since a leftover
 * harms nothing but disk space.
 */
final class Leftovers {

    private Leftovers() {
    }

    /** Removes the temporary files of {@code names} in {@code folder}, if it exists. */
    static void remove(Path folder, List<String> names) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, ".{" + String.join(",", names) + "}*.tmp")) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            // kept: see above
        }
    }
}
