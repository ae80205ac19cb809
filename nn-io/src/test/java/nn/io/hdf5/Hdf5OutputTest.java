package nn.io.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Hdf5OutputTest {
    @TempDir
    Path dir;

    private Hdf5Input written(java.util.function.Consumer<Hdf5Output> content) throws Exception {
        Path file = dir.resolve("test.h5");
        try (OutputStream out = Files.newOutputStream(file)) {
            Hdf5Output.writeTo(out, content);
        }
        return Hdf5Input.open(file);
    }

    @Test
    void aGroupWithoutChildrenWrittenAfterADatasetStaysReadable() throws Exception {
        // jhdf alone cuts off the empty group "b" here (it is written last); see LastWritten.
        try (Hdf5Input in = written(h5 -> {
            h5.putFloats("a/0", List.of(2), new float[] {1, 2});
            h5.group("b");
        })) {
            assertTrue(in.group(in.root(), "b").isPresent());
            assertEquals(List.of(2), Hdf5Datasets.shape(in, in.dataset(in.root(), "a/0").orElseThrow()));
        }
    }

    @Test
    void aLongListIsSplitIntoChunksThatReadBackJoined() throws Exception {
        List<String> names = IntStream.range(0, 9000).mapToObj(i -> "layer_" + i).toList();
        try (Hdf5Input in = written(h5 -> Hdf5Output.putStrings(h5.group("g"), "layer_names", names))) {
            var group = in.group(in.root(), "g").orElseThrow();
            assertTrue(group.getAttributes().containsKey("layer_names0"));
            assertTrue(group.getAttributes().containsKey("layer_names1"));
            assertEquals(names, Hdf5Attributes.strings(in, group, "layer_names"));
        }
    }

    @Test
    void tensorsKeepTheirShapeAndValues() throws Exception {
        float[] values = new float[24];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.5f;
        }
        try (Hdf5Input in = written(h5 -> h5.putFloats("w/dense/kernel:0", List.of(2, 3, 4), values))) {
            var dataset = in.dataset(in.root(), "w/dense/kernel:0").orElseThrow();
            assertEquals(List.of(2, 3, 4), Hdf5Datasets.shape(in, dataset));
            assertEquals(new ArrayList<>(List.of(0f, 11.5f)),
                    List.of(Hdf5Datasets.floats(in, dataset)[0], Hdf5Datasets.floats(in, dataset)[23]));
        }
    }
}
