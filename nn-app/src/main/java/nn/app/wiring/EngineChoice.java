package nn.app.wiring;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nn.api.NnException;
import nn.app.BadOption;
import nn.app.Console;
import nn.core.engine.Engine;
import nn.core.engine.EngineProvider;
import nn.core.engine.Engines;
import nn.core.engine.LocalEngine;

/**
 * Opens the engine a command runs its spreadable work on: in this process, or Spark when
 * {@code --spark} names a master. Spark lives on the class path only (its jars are not modules), so
 * the launcher never links to it: nn-spark and Spark's jars are loaded here, when asked for, from
 * {@code $NN_HOME/nn-spark/target/lib} into a class loader of their own (under {@code spark-submit}
 * they are on the class path already and found there).
 */
public final class EngineChoice {
    /** Where the {@code ./nn} launcher's build puts nn-spark and its dependencies. */
    static final String SPARK_LIB = "nn-spark/target/lib";

    private EngineChoice() {
    }

    /** @param threads tasks run at the same time in this process */
    public static Engine open(Optional<String> sparkMaster, int threads, Console console) {
        if (sparkMaster.isEmpty()) {
            return new LocalEngine(threads);
        }
        String master = sparkMaster.get().trim();
        if (master.isEmpty()) {
            throw new BadOption("--spark", "must name a master, e.g. local[2] or spark://host:7077");
        }
        List<Path> jars = new ArrayList<>(nnJars());
        sparkLib(console).map(lib -> lib.resolve("nn-spark.jar")).filter(Files::isRegularFile).ifPresent(jars::add);
        return sparkProvider(console).connect(master, jars);
    }

    /**
     * What executors in other JVMs need of nn: the jar of every module the launcher runs with (nn's and
     * its libraries'; JDK modules have none). None on the class path, where spark-submit's --jars say it.
     */
    static List<Path> nnJars() {
        List<Path> jars = new ArrayList<>();
        if (!EngineChoice.class.getModule().isNamed()) {
            return jars;
        }
        EngineChoice.class.getModule().getLayer().configuration().modules().forEach(module -> module.reference().location()
                .filter(uri -> uri.getScheme().equals("file")).map(Path::of).filter(path -> path.toString().endsWith(".jar"))
                .ifPresent(jars::add));
        return jars;
    }

    private static EngineProvider sparkProvider(Console console) {
        ClassLoader here = EngineChoice.class.getClassLoader();
        Optional<Path> lib = sparkLib(console);
        if (lib.isEmpty()) {
            return Engines.provider("spark", here);
        }
        // parent first: nn's classes stay the launcher's, so nn-spark's engine is an nn Engine
        ClassLoader spark = new URLClassLoader("nn-spark", jars(lib.get()), here);
        return Engines.provider("spark", spark);
    }

    private static Optional<Path> sparkLib(Console console) {
        return console.home().map(home -> home.resolve(SPARK_LIB)).filter(Files::isDirectory);
    }

    private static URL[] jars(Path folder) {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new NnException(folder + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new NnException(folder + ": cannot be listed: " + e.getMessage(), e);
        }
        return urls.toArray(URL[]::new);
    }
}
