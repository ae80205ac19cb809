package nn.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import nn.api.NnException;
import org.junit.jupiter.api.Test;

class RemoteTasksTest {

    @Test
    void anOutputTravelsInAnEnvelope() {
        RemoteTask echo = new RemoteTask() {
            @Override
            public String name() {
                return "echo";
            }

            @Override
            public byte[] run(byte[] input) {
                return input;
            }
        };
        byte[] envelope = RemoteTasks.runEnveloped(echo, new byte[] {7, 8});
        assertArrayEquals(new byte[] {0, 7, 8}, envelope);
        assertArrayEquals(new byte[] {7, 8}, RemoteTasks.open("echo", 0, envelope));
    }

    @Test
    void anUnknownNameFailsInsideTheEnvelopeListingTheKnownTasks() {
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> RemoteTasks.open("missing", 3, RemoteTasks.runEnveloped("missing", new byte[0])));
        assertEquals("task missing failed on input 3: unknown task 'missing'; known tasks: ", e.getMessage());
    }

    @Test
    void nnErrorsKeepTheirMessageOthersAlsoTheirClassAndCause() {
        assertEquals("model m: bad", RemoteTasks.describe(new NnException("model m: bad")));
        assertEquals("java.lang.RuntimeException: outer (caused by java.lang.ArithmeticException: / by zero)",
                RemoteTasks.describe(new RuntimeException("outer", new ArithmeticException("/ by zero"))));
    }

    @Test
    void aDamagedEnvelopeIsAnError() {
        assertThrows(TaskFailedException.class, () -> RemoteTasks.open("t", 0, new byte[0]));
        assertThrows(TaskFailedException.class, () -> RemoteTasks.open("t", 0, new byte[] {9}));
        assertEquals("task t failed on input 0: x", assertThrows(TaskFailedException.class,
                () -> RemoteTasks.open("t", 0, new byte[] {1, 'x'})).getMessage());
        assertArrayEquals("".getBytes(StandardCharsets.UTF_8), RemoteTasks.open("t", 0, new byte[] {0}));
    }
}
