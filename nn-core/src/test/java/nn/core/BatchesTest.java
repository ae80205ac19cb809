package nn.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nn.api.EjmlKernels;
import nn.api.Features;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void everySampleOnceAnEpochWithItsTargetAndASmallerLastBatch() {
        int n = 10;
        FMatrixRMaj x = new FMatrixRMaj(n, 2);
        FMatrixRMaj y = new FMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            x.set(i, 0, i);
            x.set(i, 1, -i);
            y.set(i, 0, i);
        }
        Batches batches = new Batches(new LabeledData(x, y), 4, new EjmlKernels(), new FMatrixRMaj(1, 1));
        batches.shuffle(new SplittableRandom(1));
        assertEquals(3, batches.count());
        List<Integer> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int b = 0; b < batches.count(); b++) {
            int rows = batches.load(b);
            sizes.add(rows);
            for (int r = 0; r < rows; r++) {
                int sample = (int) batches.features().get(r, 0);
                assertEquals(-sample, batches.features().get(r, 1));
                assertEquals(sample, batches.targets().get(r, 0));
                seen.add(sample);
            }
        }
        assertEquals(List.of(4, 4, 2), sizes);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), seen.stream().sorted().toList());
        assertEquals(false, seen.equals(seen.stream().sorted().toList()), "shuffled order");
    }

    @Test
    void featuresStoredAsBytesAreBatchedAsTheirScaledValues() {
        byte[] bytes = {0, 1, 2, 3, 4, 5, (byte) 200, (byte) 255};
        Batches batches = new Batches(new LabeledData(Features.ofBytes(bytes, 2, 2f), column(4)), 3, new EjmlKernels(), new FMatrixRMaj(1, 1));
        batches.shuffle(new SplittableRandom(3));
        List<Integer> seen = new ArrayList<>();
        for (int b = 0; b < batches.count(); b++) {
            int rows = batches.load(b);
            assertEquals(rows, batches.features().numRows);
            for (int r = 0; r < rows; r++) {
                int sample = (int) batches.targets().get(r, 0);
                assertEquals((bytes[2 * sample] & 0xFF) / 2f, batches.features().get(r, 0));
                assertEquals((bytes[2 * sample + 1] & 0xFF) / 2f, batches.features().get(r, 1));
                seen.add(sample);
            }
        }
        assertEquals(List.of(0, 1, 2, 3), seen.stream().sorted().toList());
    }

    @Test
    void theOrderDependsOnlyOnTheGeneratorNotOnEarlierShuffles() {
        Batches once = new Batches(new LabeledData(column(10), column(10)), 10, new EjmlKernels(), new FMatrixRMaj(1, 1));
        Batches thrice = new Batches(new LabeledData(column(10), column(10)), 10, new EjmlKernels(), new FMatrixRMaj(1, 1));
        thrice.shuffle(new SplittableRandom(5));
        thrice.shuffle(new SplittableRandom(6));
        once.shuffle(new SplittableRandom(7));
        thrice.shuffle(new SplittableRandom(7));
        once.load(0);
        thrice.load(0);
        assertArrayEquals(once.features().data, thrice.features().data);
    }

    @Test
    void everyEpochShufflesDifferentlyAndTheSameEpochAlike() {
        assertEquals(FitLoop.shuffleRandom(3, 2).nextLong(), FitLoop.shuffleRandom(3, 2).nextLong());
        assertNotEquals(FitLoop.shuffleRandom(3, 2).nextLong(), FitLoop.shuffleRandom(3, 3).nextLong());
        assertNotEquals(FitLoop.shuffleRandom(3, 2).nextLong(), FitLoop.shuffleRandom(4, 2).nextLong());
    }

    private static FMatrixRMaj column(int n) {
        FMatrixRMaj m = new FMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            m.data[i] = i;
        }
        return m;
    }
}
