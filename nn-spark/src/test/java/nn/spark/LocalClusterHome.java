package nn.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The Spark home a {@code local-cluster[...]} master needs (the folder in {@code SPARK_HOME}, which the
 * build sets with {@code SPARK_SCALA_VERSION}): its workers start each executor as
 * {@code java -cp $SPARK_HOME/jars/*}. Made from this JVM's class path: every jar on it (Spark's, nn's
 * modules', the example plugin's dependencies) linked in, and the folders of classes (nn-spark's own
 * and its tests') packed into one jar, so executors run the same code as the driver but only through
 * what travels as bytes.
 */
final class LocalClusterHome {

    private LocalClusterHome() {
    }

    static void prepare() {
        String home = System.getenv("SPARK_HOME");
        if (home == null || System.getenv("SPARK_SCALA_VERSION") == null) {
            throw new IllegalStateException("a local-cluster master needs SPARK_HOME and SPARK_SCALA_VERSION set (the pom's"
                    + " local-cluster execution sets them)");
        }
        try {
            Path jars = Files.createDirectories(Path.of(home, "jars"));
            Files.write(Path.of(home, "RELEASE"), List.of("made by nn-spark's tests"));
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path path = Path.of(entry);
                if (Files.isDirectory(path)) {
                    pack(path, jars.resolve("classes-" + path.getParent().getParent().getFileName() + "-"
                            + path.getFileName() + ".jar"));
                } else if (entry.endsWith(".jar")) {
                    Path link = jars.resolve(path.getFileName());
                    Files.deleteIfExists(link);
                    Files.createSymbolicLink(link, path.toAbsolutePath());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the local-cluster Spark home " + home, e);
        }
    }

    private static void pack(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }
}
