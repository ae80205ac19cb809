package nn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class IoProblemTest {

    @Test
    void theProblemInWordsWithTheFileNeverTheClassName() {
        assertEquals("permission denied: /runs/x", IoProblem.describe(new AccessDeniedException("/runs/x")));
        assertEquals("no such file or folder: /a", IoProblem.describe(new NoSuchFileException("/a")));
        assertEquals("No space left on device: /d", IoProblem.describe(new FileSystemException("/d", null, "No space left on device")));
        assertEquals("file system error", IoProblem.describe(new FileSystemException(null)));
    }

    @Test
    void otherFailuresByTheirMessage() {
        assertEquals("Unexpected end of ZLIB input stream", IoProblem.describe(new EOFException("Unexpected end of ZLIB input stream")));
        assertEquals("input/output error", IoProblem.describe(new IOException()));
    }
}
