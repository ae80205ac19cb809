package nn.data.fashionmnist;

import java.nio.file.Path;
import java.util.List;

/** Runs external programs (apt-get, dpkg-deb); an interface so that tests need no real ones. */
public interface CommandRunner {

    /** Exit code and the merged standard output and error. */
    record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs {@code command} in {@code workDir}; failures to start are an {@link nn.api.NnException}. */
    Result run(List<String> command, Path workDir);

    /** Whether {@code program} is an executable on the PATH. */
    boolean onPath(String program);
}
