package nn.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonCsvTest {
    @TempDir
    Path dir;

    @Test
    void aRowPerModelAtFullPrecisionEmptyWhereThereIsNoValue() throws IOException {
        Path file = dir.resolve("compare.csv");
        ComparisonCsv.write(ComparisonRow.of(List.of(ComparisonFixtures.bnBefore(), ComparisonFixtures.noBn())), file);
        assertEquals(List.of("model,seeds,final_val_accuracy,best_val_accuracy,test_accuracy,first_epoch_val_accuracy_85,"
                        + "first_epoch_val_accuracy_88,seconds_per_epoch,epoch_time_overhead_vs_no_bn_percent",
                "bn-before,1 2,0.90625,0.90625,0.625,2,3,1.5,50.0",
                "no-bn,1 2,0.625,0.75,0.375,,,1.0,0.0"), Files.readAllLines(file));
    }
}
