package nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import java.util.List;
import nn.api.NnException;
import org.junit.jupiter.api.Test;

/** Whatever wraps a failure, the line names what went wrong, in words. */
class ErrorLineTest {

    @Test
    void anNnExceptionInsideTheWiringIsItsMessage() {
        NnException cause = new NnException("data folder x lacks y");
        assertEquals("data folder x lacks y", ErrorLine.of(new ProvisionException("Unable to provision, see the following errors", cause)));
        assertEquals("data folder x lacks y", ErrorLine.of(new CreationException(List.of(new Message(List.of(), "wiring", cause)))));
        assertEquals("data folder x lacks y", ErrorLine.of(new ExceptionInInitializerError(cause)));
    }

    @Test
    void runningOutOfMemoryInsideTheWiringSaysHowToGiveMore() {
        String line = ErrorLine.of(new ProvisionException("Unable to provision", new OutOfMemoryError("Java heap space")));
        assertTrue(line.startsWith("out of memory (Java heap space) with a heap limit of "), line);
        assertTrue(line.contains("NN_JAVA_OPTS=\"-Xmx8g\""), line);
    }

    @Test
    void noMoreThreadsNamesTheOption() {
        String line = ErrorLine.of(new ProvisionException("Unable to provision",
                new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource limits reached")));
        assertEquals("cannot start another thread (the system's limit is reached): give fewer --threads", line);
    }

    @Test
    void anythingElseInWordsNeverAClassName() {
        assertEquals("unexpected illegal state: boom (run with --debug for the stack trace)",
                ErrorLine.of(new ProvisionException("Unable to provision", new IllegalStateException("boom"))));
        assertEquals("unexpected null pointer (run with --debug for the stack trace)", ErrorLine.of(new NullPointerException()));
        assertEquals("stack overflow (a recursion too deep) (run with --debug for the stack trace)", ErrorLine.of(new StackOverflowError()));
    }
}
