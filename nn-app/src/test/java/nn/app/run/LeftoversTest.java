package nn.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoversTest {
    @TempDir
    Path run;

    @Test
    void theTemporaryFilesOfTheNamedOutputsGoOtherFilesStay() throws IOException {
        Path history = Files.writeString(run.resolve(".history.csv1234567.tmp"), "half a csv");
        Path model = Files.writeString(run.resolve(".model.zip99.tmp"), "half a zip");
        Path other = Files.writeString(run.resolve(".notes.txt1.tmp"), "mine");
        Path kept = Files.writeString(run.resolve("history.csv"), "epoch\n");
        Leftovers.remove(run, List.of("history.csv", "model.zip"));
        assertFalse(Files.exists(history));
        assertFalse(Files.exists(model));
        assertEquals("mine", Files.readString(other));
        assertEquals("epoch\n", Files.readString(kept));
    }

    @Test
    void aFolderThatDoesNotExistHasNone() {
        Leftovers.remove(run.resolve("nowhere"), List.of("model.zip"));
    }
}
