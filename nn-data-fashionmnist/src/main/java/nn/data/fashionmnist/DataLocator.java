package nn.data.fashionmnist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.api.NnException;

/**
 * Finds a folder holding the four files. Order: an explicit folder, {@code $NN_DATA_DIR}, the
 * user cache {@code ~/.nn/datasets/fashion-mnist}, then {@code /usr/share/datasets/fashion-mnist}
 * (Debian package {@code dataset-fashion-mnist}). {@code NN_DATA_DIR} may hold the files itself
 * or in a {@code fashion-mnist} subfolder.
 */
public final class DataLocator {
    public static final String ENV_VAR = "NN_DATA_DIR";
    public static final Path SYSTEM_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    static final String SUBFOLDER = "fashion-mnist";

    private final Map<String, String> env;
    private final Path home;
    private final Path systemDir;

    public DataLocator(Map<String, String> env, Path home) {
        this(env, home, SYSTEM_DIR);
    }

    public DataLocator(Map<String, String> env, Path home, Path systemDir) {
        this.env = Map.copyOf(env);
        this.home = home;
        this.systemDir = systemDir;
    }

    /** The real environment and home directory. */
    public static DataLocator forThisMachine() {
        return new DataLocator(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Where a fetch puts the files. */
    public Path cacheDir() {
        return home.resolve(".nn").resolve("datasets").resolve(SUBFOLDER);
    }

    public Path systemDir() {
        return systemDir;
    }

    /** The folders looked in when no explicit one is given, in order. */
    public List<Path> candidates() {
        List<Path> dirs = new ArrayList<>();
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path dir = Path.of(fromEnv);
            dirs.add(dir);
            dirs.add(dir.resolve(SUBFOLDER));
        }
        dirs.add(cacheDir());
        dirs.add(systemDir);
        return dirs;
    }

    /**
     * The first folder holding all four files. An explicit folder (may be null) is the only one
     * looked at, and missing files there are an error rather than a reason to look elsewhere.
     */
    public Optional<Path> locate(Path explicitDir) {
        if (explicitDir != null) {
            requireNoFolderNamedLikeAFile(explicitDir);
            List<String> missing = FashionMnist.missingIn(explicitDir);
            if (!missing.isEmpty()) {
                throw new NnException("data folder " + explicitDir + (Files.isDirectory(explicitDir)
                        ? " lacks " + String.join(", ", missing)
                        : Files.exists(explicitDir) ? " is a file, not a folder: give the folder that holds "
                                + String.join(", ", FashionMnist.FILES)
                        : " does not exist (it should hold " + String.join(", ", missing) + ")"));
            }
            return Optional.of(explicitDir);
        }
        return candidates().stream().filter(dir -> FashionMnist.missingIn(dir).isEmpty()).findFirst();
    }

    /** A folder named like a data file would otherwise be reported as a missing file. */
    private static void requireNoFolderNamedLikeAFile(Path folder) {
        for (String name : FashionMnist.FILES) {
            Path file = FashionMnist.file(folder, name);
            if (Files.isDirectory(file)) {
                throw new NnException("data folder " + folder + ": " + file.getFileName() + " is a folder, not a data file");
            }
        }
    }
}
