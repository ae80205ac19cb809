package nn.data.fashionmnist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nn.api.IoProblem;
import nn.api.NnException;

/**
 * Gets the Debian package {@code dataset-fashion-mnist}: as root it installs it (the files land in
 * the system folder); otherwise it downloads the .deb, unpacks it with {@code dpkg-deb -x} in a
 * temporary folder and copies the checked files into the cache.
 */
public final class AptFetcher implements Fetcher {
    public static final String PACKAGE = "dataset-fashion-mnist";
    private static final Path PACKAGED_DIR = Path.of("usr", "share", "datasets", "fashion-mnist");

    private final CommandRunner runner;
    private final Path systemDir;
    private final Map<String, Set<String>> acceptedSha256;
    private final FetchLog log;

    public AptFetcher(CommandRunner runner, Path systemDir, Map<String, Set<String>> acceptedSha256) {
        this(runner, systemDir, acceptedSha256, FetchLog.NONE);
    }

    /** @param log told each command before it runs */
    public AptFetcher(CommandRunner runner, Path systemDir, Map<String, Set<String>> acceptedSha256, FetchLog log) {
        this.runner = runner;
        this.systemDir = systemDir;
        this.acceptedSha256 = Map.copyOf(acceptedSha256);
        this.log = log;
    }

    @Override
    public String description() {
        return "apt-get (package " + PACKAGE + ")";
    }

    @Override
    public Path fetch(Path cacheDir) {
        if (!runner.onPath("apt-get")) {
            throw new NnException("apt-get is not available on this machine");
        }
        return isRoot() ? install() : unpackInto(cacheDir);
    }

    private boolean isRoot() {
        CommandRunner.Result id = runner.run(List.of("id", "-u"), Path.of("."));
        return id.ok() && id.output().strip().equals("0");
    }

    private Path install() {
        log.line("running: apt-get install -y " + PACKAGE);
        check(runner.run(List.of("apt-get", "install", "-y", PACKAGE), Path.of(".")), "apt-get install -y " + PACKAGE);
        List<String> missing = FashionMnist.missingIn(systemDir);
        if (!missing.isEmpty()) {
            throw new NnException("apt-get install -y " + PACKAGE + " succeeded but " + systemDir + " lacks "
                    + String.join(", ", missing));
        }
        return systemDir;
    }

    private Path unpackInto(Path cacheDir) {
        if (!runner.onPath("dpkg-deb")) {
            throw new NnException("not root, and dpkg-deb is not available to unpack " + PACKAGE);
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("nn-fashion-mnist-apt");
            log.line("running: apt-get download " + PACKAGE + " (in " + work + "), then dpkg-deb -x to unpack it into " + cacheDir);
            check(runner.run(List.of("apt-get", "download", PACKAGE), work), "apt-get download " + PACKAGE);
            Path deb = findDeb(work);
            Path unpacked = work.resolve("unpacked");
            check(runner.run(List.of("dpkg-deb", "-x", deb.toString(), unpacked.toString()), work),
                    "dpkg-deb -x " + deb.getFileName());
            Path source = unpacked.resolve(PACKAGED_DIR);
            for (String name : FashionMnist.FILES) {
                copyChecked(source.resolve(name), cacheDir.resolve(name));
            }
            return cacheDir;
        } catch (IOException e) {
            throw new NnException("cannot unpack " + PACKAGE + ": " + IoProblem.describe(e), e);
        } finally {
            deleteTree(work);
        }
    }

    private void copyChecked(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from)) {
            throw new NnException("package " + PACKAGE + " has no " + PACKAGED_DIR.resolve(from.getFileName()));
        }
        try (InputStream in = Files.newInputStream(from)) {
            VerifiedFiles.install(in, to, acceptedSha256.get(to.getFileName().toString()), PACKAGE + " " + from);
        }
    }

    private static Path findDeb(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new NnException("apt-get download " + PACKAGE + " left no .deb file in " + dir));
        }
    }

    private static void check(CommandRunner.Result result, String what) {
        if (!result.ok()) {
            throw new NnException(what + " failed with exit code " + result.exitCode() + ": " + lastLines(result.output()));
        }
    }

    private static String lastLines(String output) {
        List<String> lines = output.strip().lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }
}
