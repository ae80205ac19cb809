package nn.app.commands;

import java.nio.file.Path;
import nn.core.KernelChoice;
import picocli.CommandLine.Option;

/** Where the layers come from and how the matrix math runs: the options of every command that builds a model. */
public final class EngineOptions {

    @Option(names = "--plugins", paramLabel = "DIR", description = "Folder of plugin jars (default: $NN_PLUGINS, else plugins/ beside the launcher).")
    Path plugins;

    @Option(names = "--kernels", defaultValue = KernelChoice.AUTO, paramLabel = "auto|ejml|vector",
            description = "Matrix kernels: vector (JDK Vector API) when present, else ejml (default: ${DEFAULT-VALUE}).")
    public String kernels = KernelChoice.AUTO;

    @Option(names = "--threads", paramLabel = "N", description = "Threads of the matrix kernels (default: all cores); results do not depend on it.")
    public Integer threads;

    int threads() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
