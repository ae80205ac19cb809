package nn.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nn.api.NnException;
import org.junit.jupiter.api.Test;

class RunConfigTest {

    @Test
    void aSavedRunReadsBackAsItWas() {
        RunConfig tutorial = RunConfig.tutorial();
        assertEquals(tutorial, RunConfig.fromMap(tutorial.toMap(), "saved"));
        RunConfig everything = new RunConfig("my.json", 7, 16, Optional.of("Adam"), Optional.of(0.001), Optional.of("elu"),
                123456789012L, 2, "ejml", Optional.of(Path.of("data")), Optional.of(Path.of("plugins")), Optional.of(Path.of("runs/a")),
                Optional.of(640), 2);
        assertEquals(everything, RunConfig.fromMap(everything.toMap(), "saved"));
        RunConfig parallel = everything.withDataParallel(Optional.of(new DataParallelism(4, 10, Optional.of("local[2]"))));
        assertEquals(parallel, RunConfig.fromMap(parallel.toMap(), "saved"));
    }

    @Test
    void aResumedDataParallelRunKeepsItsWorkersAndTakesTheEngineGivenNow() {
        RunConfig saved = RunConfig.tutorial().withDataParallel(Optional.of(new DataParallelism(2, 5, Optional.of("local[2]"))));
        assertEquals(Optional.of(new DataParallelism(2, 5, Optional.empty())), saved.onSpark(Optional.empty()).dataParallel());
        assertEquals(Optional.of(new DataParallelism(2, 5, Optional.of("yarn"))), saved.onSpark(Optional.of("yarn")).dataParallel());
    }

    @Test
    void aResumedRunKeepsWhatMakesItThatRun() {
        RunConfig saved = new RunConfig("no-bn", 5, 16, Optional.of("Adam"), Optional.of(0.001), Optional.of("elu"), 9, 1, "vector",
                Optional.of(Path.of("old-data")), Optional.empty(), Optional.of(Path.of("runs/a")), Optional.of(640), 0);
        RunConfig resumed = saved.resumedIn(Path.of("moved/a"), 8, Optional.of(Path.of("new-data")), Optional.of(Path.of("p")), 4, 2);
        assertEquals(new RunConfig("no-bn", 8, 16, Optional.of("Adam"), Optional.of(0.001), Optional.of("elu"), 9, 4, "vector",
                Optional.of(Path.of("new-data")), Optional.of(Path.of("p")), Optional.of(Path.of("moved/a")), Optional.of(640), 2),
                resumed);
    }

    @Test
    void aDamagedSavedRunIsAnErrorNamingItsSource() {
        Map<String, Object> map = new LinkedHashMap<>(RunConfig.tutorial().toMap());
        map.put("batch_size", "many");
        NnException e = assertThrows(NnException.class, () -> RunConfig.fromMap(map, "last.zip: state.json: run"));
        assertEquals("last.zip: state.json: run: 'batch_size' must be an integer, got \"many\"", e.getMessage());
        map.remove("seed");
        assertThrows(NnException.class, () -> RunConfig.fromMap(map, "x"));
    }
}
