package nn.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTableTest {

    @Test
    void namesLeftNumbersRightRoundedDashWhereThereIsNoValue() {
        assertEquals("""
                model      seeds  final val_acc  best val_acc  test acc  epoch to 85%  epoch to 88%  s/epoch  epoch time vs no-bn
                bn-before    1 2         0.9063        0.9063    0.6250             2             3     1.50               +50.0%
                no-bn        1 2         0.6250        0.7500    0.3750             -             -     1.00                +0.0%
                """, ComparisonTable.format(ComparisonRow.of(List.of(ComparisonFixtures.bnBefore(), ComparisonFixtures.noBn()))));
    }

    @Test
    void withoutNoBnTheOverheadIsADash() {
        String row = ComparisonTable.format(ComparisonRow.of(List.of(ComparisonFixtures.bnBefore()))).lines().toList().get(1);
        assertTrue(row.endsWith("  -"), row);
    }
}
