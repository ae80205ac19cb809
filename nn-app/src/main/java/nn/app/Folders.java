package nn.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of a folder as bytes by name and back, for what travels between the launcher and where
 * work runs (plugin jars, a run's checkpoints), and a folder deleted with everything in it.
 */
public final class Folders {

    private Folders() {
    }

    /** The regular files directly in {@code folder} whose names end with {@code suffix}, by name, sorted. */
    public static Map<String, byte[]> read(Path folder, String suffix) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> listed = Files.list(folder)) {
            for (Path file : listed.filter(f -> f.getFileName().toString().endsWith(suffix) && Files.isRegularFile(f))
                    .sorted().toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /**
     * Writes {@code files} into {@code folder} (created if need be) under their names, each taken as
     * a file name only (a name cannot place a file elsewhere); returns the folder.
     */
    public static Path write(Map<String, byte[]> files, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(folder.resolve(Path.of(file.getKey()).getFileName().toString()), file.getValue());
        }
        return folder;
    }

    /** Deletes {@code path}, a file or a folder with everything in it; a missing one is fine. */
    public static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
