package nn.io.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import nn.api.NnException;
import nn.io.FormatFixtures;
import nn.io.Models;
import nn.io.hdf5.Hdf5Input;
import nn.io.zip.SafeZip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file Keras 3.15 wrote itself (see the README beside it): read as Keras lays it out, then refused by name. */
class KerasFixtureTest {
    @TempDir
    Path dir;

    private Path fixture() throws Exception {
        Path file = dir.resolve("nested_container.keras");
        try (InputStream in = KerasFixtureTest.class.getResourceAsStream("nested_container.keras")) {
            Files.copy(in, file);
        }
        return file;
    }

    private record Row(String path, List<Integer> shape, String varsName) {
    }

    @Test
    void itsWeightsAreListedAsTheReadmeSays() throws Exception {
        byte[] weights;
        try (SafeZip zip = SafeZip.open(fixture(), KerasArchive.ENTRIES, SafeZip.Limits.DEFAULT)) {
            weights = zip.read(KerasArchive.WEIGHTS, InputStream::readAllBytes);
        }
        try (Hdf5Input in = Hdf5Input.of(weights, "fixture")) {
            List<Row> rows = KerasWeightsFile.list(in).stream()
                    .flatMap(vars -> vars.variables().isEmpty() ? Stream.of(new Row(vars.path(), null, vars.name()))
                            : vars.variables().stream().map(v -> new Row(v.path(), v.shape(), vars.name())))
                    .sorted(Comparator.comparing(Row::path)).toList();
            assertEquals(List.of(
                    new Row("layers/dense/vars/0", List.of(4, 4), "d_0"),
                    new Row("layers/dense_1/vars/0", List.of(4, 4), "d_1"),
                    new Row("layers/dense_2/vars/0", List.of(4, 4), "d_2"),
                    new Row("layers/dense_3/vars/0", List.of(4, 2), "dense"),
                    new Row("layers/dense_3/vars/1", List.of(2), "dense"),
                    new Row("vars", null, "nested_dense_model")), rows);
        }
    }

    @Test
    void itIsRecognisedAsKerasAndRefusedInOneLineNamingItsClass() throws Exception {
        Path file = fixture();
        assertEquals("keras", Models.formats().forReading(file).name());
        NnException e = assertThrows(NnException.class, () -> FormatFixtures.load(file));
        assertEquals(file + ": config.json: the model is a NestedDenseModel (registered as "
                + "legacy_nested_container>NestedDenseModel); nn loads Sequential models only", e.getMessage());
    }
}
