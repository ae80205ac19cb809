package nn.io;

import java.nio.file.Files;
import java.nio.file.Path;
import nn.core.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints the save and load times and file sizes of the tutorial model (bn-before, 318,610 parameters)
 * in every format, best of five (nothing asserted): {@code mvn -B -pl nn-io -am verify -Dtest=FormatFiguresTest
 * -Dsurefire.failIfNoSpecifiedTests=false}, figures in the surefire output.
 */
class FormatFiguresTest {
    @TempDir
    Path dir;

    @Test
    void printFigures() throws Exception {
        Sequential model = FormatFixtures.trainedPreset("bn-before");
        for (String name : new String[] {"model.zip", "model.h5", "model.keras"}) {
            Path file = dir.resolve(name);
            long save = Long.MAX_VALUE;
            long load = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                Models.save(model, file);
                long t1 = System.nanoTime();
                FormatFixtures.load(file);
                long t2 = System.nanoTime();
                save = Math.min(save, t1 - t0);
                load = Math.min(load, t2 - t1);
            }
            System.out.printf("format figures: %-12s %,10d bytes  save %6.1f ms  load %6.1f ms%n", name, Files.size(file),
                    save / 1e6, load / 1e6);
        }
    }
}
