package nn.app.commands;

import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --spark MASTER}: the commands whose work can be spread run it on Apache Spark instead of in this process. */
public final class SparkOption {

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run the work on Apache Spark: local[N], spark://HOST:PORT, yarn, ... (needs nn-spark; ./nn builds it"
                    + " when asked for it). Default: in this process.")
    String master;

    public Optional<String> master() {
        return Optional.ofNullable(master);
    }
}
