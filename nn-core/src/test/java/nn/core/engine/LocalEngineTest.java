package nn.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nn.api.NnException;
import org.junit.jupiter.api.Test;

class LocalEngineTest {

    /** Reverses its input; fails on "boom". */
    private static final RemoteTask REVERSE = new RemoteTask() {
        @Override
        public String name() {
            return "reverse";
        }

        @Override
        public byte[] run(byte[] input) {
            String text = new String(input, StandardCharsets.UTF_8);
            if (text.equals("boom")) {
                throw new IllegalStateException("the plugin exploded");
            }
            return new StringBuilder(text).reverse().toString().getBytes(StandardCharsets.UTF_8);
        }
    };

    private static LocalEngine engine(int threads, RemoteTask task) {
        Map<String, RemoteTask> tasks = Map.of(task.name(), task);
        return new LocalEngine(threads, name -> {
            RemoteTask found = tasks.get(name);
            if (found == null) {
                throw new NnException("unknown task '" + name + "'");
            }
            return found;
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void outputsComeBackInTheOrderOfTheInputs() {
        try (LocalEngine engine = engine(2, REVERSE)) {
            List<byte[]> outputs = engine.run("reverse", List.of(bytes("abc"), bytes(""), bytes("xy")));
            assertEquals(3, outputs.size());
            assertArrayEquals(bytes("cba"), outputs.get(0));
            assertArrayEquals(bytes(""), outputs.get(1));
            assertArrayEquals(bytes("yx"), outputs.get(2));
        }
    }

    @Test
    void aFailingTaskIsOneLineNamingTaskInputAndCause() {
        try (LocalEngine engine = engine(2, REVERSE)) {
            TaskFailedException e = assertThrows(TaskFailedException.class,
                    () -> engine.run("reverse", List.of(bytes("ok"), bytes("boom"))));
            assertEquals("task reverse failed on input 1: java.lang.IllegalStateException: the plugin exploded",
                    e.getMessage());
        }
    }

    @Test
    void eachInputsOutcomeComesBackWhenAnotherFails() {
        try (LocalEngine engine = engine(2, REVERSE)) {
            List<TaskOutcome> outcomes = engine.runEach("reverse", List.of(bytes("ab"), bytes("boom"), bytes("cd")));
            assertEquals(3, outcomes.size());
            assertArrayEquals(bytes("ba"), outcomes.get(0).outputOf("reverse", 0));
            assertEquals(Optional.of("java.lang.IllegalStateException: the plugin exploded"), outcomes.get(1).failure());
            assertArrayEquals(bytes("dc"), outcomes.get(2).outputOf("reverse", 2));
        }
    }

    @Test
    void anUnknownTaskIsRefusedBeforeAnythingRuns() {
        try (LocalEngine engine = engine(1, REVERSE)) {
            NnException e = assertThrows(NnException.class, () -> engine.run("nope", List.of(bytes("x"))));
            assertTrue(e.getMessage().contains("unknown task 'nope'"), e.getMessage());
        }
    }

    @Test
    void tasksRunAtTheSameTimeUpToTheThreads() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        RemoteTask meet = new RemoteTask() {
            @Override
            public String name() {
                return "meet";
            }

            @Override
            public byte[] run(byte[] input) throws InterruptedException {
                both.countDown();
                return new byte[] {(byte) (both.await(10, TimeUnit.SECONDS) ? 1 : 0)};
            }
        };
        try (LocalEngine engine = engine(2, meet)) {
            List<byte[]> met = engine.run("meet", List.of(new byte[0], new byte[0]));
            assertArrayEquals(new byte[] {1}, met.get(0));
            assertArrayEquals(new byte[] {1}, met.get(1));
            assertEquals("in-process, 2 threads", engine.description());
        }
    }

    @Test
    void atLeastOneThread() {
        assertThrows(NnException.class, () -> new LocalEngine(0));
    }
}
