package nn.app.parallel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nn.app.Folders;

/**
 * Temporary folders deleted, with what they hold, when this JVM ends normally (or earlier by
 * {@link #delete}). For files a class loader reads while the JVM lives: plugin jars are opened
 * lazily, on the class path and in a module layer alike, the first time a class or resource is
 * looked up in them, so they cannot go once the plugins are loaded.
 */
final class ExitDeletedFolders {
    private static final Set<Path> FOLDERS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> FOLDERS.forEach(ExitDeletedFolders::deleteQuietly),
                "nn-delete-temporary-folders"));
    }

    private ExitDeletedFolders() {
    }

    /** A new empty folder in the system's temporary folder, named {@code prefix} and a random part. */
    static Path create(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        FOLDERS.add(folder);
        return folder;
    }

    /** Deletes {@code folder} now, e.g. when what was to read it failed. */
    static void delete(Path folder) {
        deleteQuietly(folder);
        FOLDERS.remove(folder);
    }

    /** Best effort: a file that cannot go (held open on Windows, say) is left in the temporary folder. */
    private static void deleteQuietly(Path folder) {
        try {
            Folders.delete(folder);
        } catch (IOException | UncheckedIOException e) {
            // left for the system's cleaning of its temporary folder
        }
    }
}
