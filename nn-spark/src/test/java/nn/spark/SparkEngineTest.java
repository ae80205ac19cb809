package nn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import nn.api.NnException;
import nn.core.engine.Engine;
import nn.core.engine.Engines;
import nn.core.engine.TaskFailedException;
import nn.core.engine.TaskOutcome;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class SparkEngineTest {

    private static List<byte[]> bytes(String... texts) {
        return List.of(texts).stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static List<String> texts(List<byte[]> outputs) {
        return outputs.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void eachInputRunsAsASparkTaskAndOutputsKeepTheInputOrder() {
        List<String> inputs = IntStream.range(0, 9).mapToObj(i -> "run" + i).toList();
        List<String> outputs = texts(SharedSpark.engine().run("test.upper-case", bytes(inputs.toArray(String[]::new))));
        assertEquals(inputs.stream().map(i -> i.toUpperCase() + "@true").toList(), outputs);
    }

    @Test
    void aTaskThatThrowsOnTheExecutorFailsTheJobWithOneLine() {
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> SharedSpark.engine().run("test.upper-case", bytes("a", "fail", "c")));
        assertEquals("task test.upper-case failed on input 1: java.lang.IllegalArgumentException: asked to fail on the executor",
                e.getMessage());
    }

    @Test
    void eachInputsOutcomeComesBackWhenAnotherFails() {
        List<TaskOutcome> outcomes = SharedSpark.engine().runEach("test.upper-case", bytes("a", "fail", "c"));
        assertEquals("A@true", new String(outcomes.get(0).outputOf("test.upper-case", 0), StandardCharsets.UTF_8));
        assertEquals(Optional.of("java.lang.IllegalArgumentException: asked to fail on the executor"), outcomes.get(1).failure());
        assertEquals("C@true", new String(outcomes.get(2).outputOf("test.upper-case", 2), StandardCharsets.UTF_8));
    }

    /** Spark's own SparkException (undeclared, so not a RuntimeException to Java) becomes an nn error naming the master. */
    @Test
    void sparkFailingToStartIsAnNnErrorNamingTheMaster() {
        // with the shared context running, Spark refuses a second one before it reads the master; alone it cannot parse it
        NnException e = assertThrows(NnException.class, () -> SparkEngine.start(new SparkConf().setAppName("nn").setMaster("nonsense")));
        assertTrue(e.getMessage().startsWith("Spark cannot start on master nonsense: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertEquals(List.of("A@true"), texts(SharedSpark.engine().run("test.upper-case", bytes("a"))));
    }

    @Test
    void anUnknownTaskIsNamedWithTheKnownOnes() {
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> SharedSpark.engine().run("nope", bytes("a")));
        assertEquals("task nope failed on input 0: unknown task 'nope'; known tasks: test.upper-case", e.getMessage().replaceAll(
                "known tasks: .*test.upper-case.*", "known tasks: test.upper-case"));
    }

    @Test
    void theLauncherFindsTheEngineByName() {
        Engine engine = Engines.provider("spark", SparkEngineTest.class.getClassLoader()).connect(SharedSpark.MASTER, List.of());
        try {
            assertEquals("spark local[2]", engine.description());
            assertEquals(2, engine.parallelism());
        } finally {
            SharedSpark.engine();
            engine.close();
        }
    }

    @Test
    void noInputsNoJob() {
        assertEquals(List.of(), SharedSpark.engine().run("test.upper-case", List.of()));
    }
}
