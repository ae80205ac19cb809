package nn.app.grid;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTaskTest {

    @Test
    void aTemporaryFolderThatCannotBeRemovedDoesNotReplaceTheRunsResult(@TempDir Path dir) {
        assertDoesNotThrow(() -> RunTask.deleteQuietly(dir.resolve("already-gone")));
    }
}
