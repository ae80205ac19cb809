package nn.app.grid;

import com.google.inject.Module;
import com.google.inject.Singleton;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nn.api.NnException;
import nn.app.Console;
import nn.app.ErrorLine;
import nn.app.Folders;
import nn.app.plugins.PluginLayers;
import nn.app.plugins.Plugins;
import nn.app.plugins.ShippedPlugins;
import nn.app.report.RunResult;
import nn.app.run.RunConfig;
import nn.app.run.RunFolder;
import nn.app.run.SavedRun;
import nn.app.run.Training;
import nn.app.wiring.AppModule;
import nn.app.wiring.FashionMnistData;
import nn.app.wiring.SharedFashionMnist;
import nn.core.PluginRegistry;
import nn.core.engine.RemoteTask;

/**
 * Trains one {@link RunPackage} where an engine put it (a Spark executor, a thread) through the train
 * command's own flow ({@link Training}), silently, in a temporary folder, and returns the folder's
 * files and the result as a {@link RunOutcome}. The run's settings stay as given (run.json reads as
 * on the driver); only the plugins (written from the package, their class loader closed after the
 * run), the data folder (made absolute on the driver) and the folder are the executor's.
 */
public final class RunTask implements RemoteTask {
    public static final String NAME = "nn.train-run";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] run(byte[] input) throws IOException {
        RunPackage run = RunPackage.fromBytes(input);
        Path work = Files.createTempDirectory("nn-run-");
        try {
            return train(run, work).toBytes();
        } catch (RuntimeException | Error e) {
            throw new NnException(ErrorLine.of(e), e);
        } finally {
            deleteQuietly(work);
        }
    }

    private static RunOutcome train(RunPackage run, Path work) throws IOException {
        RunConfig config = run.config();
        try (Plugins plugins = run.pluginJars().isEmpty() ? Plugins.none()
                : PluginLayers.load(ShippedPlugins.write(run.pluginJars(), work.resolve("plugins")))) {
            PluginRegistry registry = plugins.registry();
            Path out = work.resolve("out");
            Module executor = binder -> {
                binder.bind(Plugins.class).toInstance(plugins);
                binder.bind(PluginRegistry.class).toInstance(registry);
                binder.bind(FashionMnistData.class).toInstance(SharedFashionMnist.of(registry, run.dataDir(), config.limit()));
            };
            RunResult result = run.checkpoints().isEmpty()
                    ? AppModule.injector(config, silent(), Modules.combine(executor, binder -> binder.bind(RunFolder.class)
                            .toProvider(() -> RunFolder.claimNew(Optional.of(out), false, Training.OUTPUTS)).in(Singleton.class)))
                            .getInstance(Training.class).run()
                    : trainOn(run, registry, executor, out);
            return new RunOutcome(result, files(out));
        }
    }

    /** A run stopped part way, on from the checkpoints it brought along, written into its folder here. */
    private static RunResult trainOn(RunPackage run, PluginRegistry registry, Module executor, Path out) throws IOException {
        Folders.write(run.checkpoints(), out.resolve("checkpoints"));
        try (SavedRun saved = SavedRun.read(out, run.config(), registry)
                .orElseThrow(() -> new NnException("run package: its checkpoints do not continue this run"))) {
            return saved.finish(executor, silent());
        }
    }

    /** Every file under the run folder by its path relative to it, but the lock. */
    private static Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (!name.equals(RunFolder.LOCK)) {
                    files.put(name, Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    private static Console silent() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        return new Console(nowhere, nowhere, false, System.getenv());
    }

    /** A temporary folder left behind must not replace the run's result or failure: it is only reported, on the worker's log. */
    static void deleteQuietly(Path folder) {
        try {
            Folders.delete(folder);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("nn: cannot remove the temporary folder " + folder + ": " + e.getMessage());
        }
    }
}
