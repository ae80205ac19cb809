package nn.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ComparisonRowTest {

    @Test
    void meansOverTheSeedsAndLevelsFromTheMeanCurve() {
        List<ComparisonRow> rows = ComparisonRow.of(List.of(ComparisonFixtures.bnBefore(), ComparisonFixtures.noBn()));
        assertEquals(new ComparisonRow("bn-before", List.of(1L, 2L), 0.90625, 0.90625, 0.625,
                List.of(OptionalInt.of(2), OptionalInt.of(3)), 1.5, OptionalDouble.of(50.0)), rows.get(0));
        assertEquals(new ComparisonRow("no-bn", List.of(1L, 2L), 0.625, 0.75, 0.375,
                List.of(OptionalInt.empty(), OptionalInt.empty()), 1.0, OptionalDouble.of(0.0)), rows.get(1));
    }

    @Test
    void withoutNoBnThereIsNoOverhead() {
        ComparisonRow row = ComparisonRow.of(List.of(ComparisonFixtures.bnBefore())).get(0);
        assertEquals(OptionalDouble.empty(), row.overheadPercent());
    }

    @Test
    void theCnnPresetsAreComparedWithTheCnnWithoutBn() {
        assertEquals("cnn-no-bn", ComparisonRow.baselineOf("cnn-bn"));
        assertEquals("cnn-no-bn", ComparisonRow.baselineOf("cnn-no-bn"));
        assertEquals("no-bn", ComparisonRow.baselineOf("bn-after"));
        assertEquals("no-bn", ComparisonRow.baselineOf("models/my-mlp.json"));
    }

    @Test
    void aLevelIsReachedAtTheFirstEpochAtOrAboveIt() {
        assertEquals(OptionalInt.of(2), ComparisonRow.firstEpochReaching(List.of(0.84, 0.85, 0.9), 0.85));
        assertEquals(OptionalInt.empty(), ComparisonRow.firstEpochReaching(List.of(0.84, 0.8499), 0.85));
    }

    @Test
    void theBandOfSeveralSeeds() {
        SeedBand band = ComparisonFixtures.bnBefore().band("val_accuracy");
        assertEquals(List.of(0.625, 0.875, 0.90625), band.mean());
        assertEquals(List.of(0.5, 0.875, 0.875), band.min());
        assertEquals(List.of(0.75, 0.875, 0.9375), band.max());
    }
}
