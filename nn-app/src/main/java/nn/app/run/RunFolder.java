package nn.app.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nn.api.IoProblem;
import nn.api.NnException;
import nn.app.Folders;

/**
 * The folder a run writes to, owned by the run while it lasts ({@link FolderLock}): --out, which must
 * be empty unless the user asks to overwrite it, or a new {@code runs/<timestamp>} (with {@code -2},
 * {@code -3}, ... when runs start in the same second). Closing it releases the lock.
 */
public final class RunFolder implements AutoCloseable {
    /** The lock file every claimed folder holds: not an output. */
    public static final String LOCK = FolderLock.FILE;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");

    private final Path path;
    private final FolderLock lock;

    private RunFolder(Path path, FolderLock lock) {
        this.path = path;
        this.lock = lock;
    }

    /**
     * A folder for a new run or comparison.
     *
     * @param overwrite whether an existing non-empty --out may be reused
     * @param outputs   what the run writes (files or folders), removed from a reused folder so that
     *                  it never mixes two runs' outputs
     */
    public static RunFolder claimNew(Optional<Path> requested, boolean overwrite, List<String> outputs) {
        if (requested.isEmpty()) {
            Path created = createUnique(Path.of("runs"), LocalDateTime.now().format(TIMESTAMP));
            return new RunFolder(created, FolderLock.take(created, created.toString()));
        }
        Path path = requested.get();
        String source = "--out " + path;
        create(path, source);
        RunFolder folder = new RunFolder(path, FolderLock.take(path, source));
        List<String> held = folder.contents();
        if (!held.isEmpty()) {
            if (!overwrite) {
                folder.close();
                throw new NnException(source + ": the folder already holds " + String.join(", ", held)
                        + "; choose another --out, continue the run in it with --resume, or replace it with --overwrite");
            }
            outputs.forEach(folder::delete);
            Leftovers.remove(path, outputs);
        }
        return folder;
    }

    /** The folder of a run (or grid) to continue, which must exist. */
    public static RunFolder claimExisting(Path path, String source) {
        if (!Files.isDirectory(path)) {
            throw new NnException(source + ": no such folder");
        }
        return new RunFolder(path, FolderLock.take(path, source));
    }

    public Path path() {
        return path;
    }

    public Path file(String name) {
        return path.resolve(name);
    }

    @Override
    public void close() {
        lock.close();
    }

    private static void create(Path path, String source) {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new NnException(source + ": is a file, not a folder");
        }
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new NnException(source + ": cannot create the folder: " + IoProblem.describe(e), e);
        }
        if (!Files.isWritable(path)) {
            throw new NnException(source + ": the folder is not writable");
        }
    }

    /** {@code parent/name}, or {@code parent/name-2}, ...: creating a folder is atomic, so two runs never get the same. */
    static Path createUnique(Path parent, String name) {
        create(parent, "run folder " + parent);
        for (int n = 1; ; n++) {
            Path candidate = parent.resolve(n == 1 ? name : name + "-" + n);
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                // taken by a run started in the same second: try the next
            } catch (IOException e) {
                throw new NnException("run folder " + candidate + ": cannot create it: " + IoProblem.describe(e), e);
            }
        }
    }

    /** The names in the folder, but the lock file, sorted. */
    private List<String> contents() {
        try (Stream<Path> files = Files.list(path)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> !name.equals(FolderLock.FILE)).sorted().toList();
        } catch (IOException e) {
            throw new NnException("--out " + path + ": cannot list the folder: " + IoProblem.describe(e), e);
        }
    }

    /** Removes a previous run's output, a file or a folder with everything in it. */
    private void delete(String output) {
        Path target = path.resolve(output);
        try {
            Folders.delete(target);
        } catch (IOException e) {
            throw new NnException("--overwrite: cannot remove " + target + ": " + IoProblem.describe(e), e);
        }
    }
}
