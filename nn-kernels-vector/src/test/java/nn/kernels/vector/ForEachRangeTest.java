package nn.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/** {@link VectorKernels#forEachRange}: each index once, ranges no shorter than asked, one a thread. */
class ForEachRangeTest {

    @Test
    void twoThreadsTakeOneRangeEachCoveringEveryIndexOnce() {
        try (VectorKernels kernels = new VectorKernels(VectorKernelsTest.species(256), 2)) {
            AtomicIntegerArray visits = new AtomicIntegerArray(100_000);
            List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
            kernels.forEachRange(visits.length(), 16_384, (from, to) -> {
                ranges.add(new int[] {from, to});
                for (int i = from; i < to; i++) {
                    visits.incrementAndGet(i);
                }
            });
            assertEquals(2, ranges.size());
            for (int i = 0; i < visits.length(); i++) {
                assertEquals(1, visits.get(i), "index " + i);
            }
            ranges.forEach(r -> assertTrue(r[1] - r[0] >= 16_384, r[0] + " to " + r[1]));
        }
    }

    @Test
    void aSizeUnderTwoRangesStaysWholeOnTheCaller() {
        try (VectorKernels kernels = new VectorKernels(VectorKernelsTest.species(256), 2)) {
            List<String> calls = new ArrayList<>();
            Thread caller = Thread.currentThread();
            kernels.forEachRange(20_000, 16_384, (from, to) -> calls.add(from + "-" + to + (Thread.currentThread() == caller)));
            kernels.forEachRange(0, 16_384, (from, to) -> calls.add("empty"));
            assertEquals(List.of("0-20000true"), calls);
        }
    }

    @Test
    void oneThreadRunsTheWholeRange() {
        VectorKernels kernels = new VectorKernels(VectorKernelsTest.species(256));
        List<String> calls = new ArrayList<>();
        kernels.forEachRange(1_000_000, 1, (from, to) -> calls.add(from + "-" + to));
        assertEquals(List.of("0-1000000"), calls);
    }

    /** A nested call would reset the task in progress and drop ranges; it must fail instead. */
    @Test
    void aTaskThatCallsItsOwnKernelsIsRefused() {
        try (VectorKernels kernels = new VectorKernels(VectorKernelsTest.species(256), 2)) {
            IllegalStateException nested = assertThrows(IllegalStateException.class,
                    () -> kernels.forEachRange(100_000, 1_000, (from, to) -> kernels.forEachRange(100_000, 1_000, (a, b) -> {
                    })));
            assertTrue(nested.getMessage().contains("forEachRange"), nested.getMessage());
            FMatrixRMaj large = new FMatrixRMaj(1000, 64);
            float[] sums = new float[64];
            IllegalStateException columns = assertThrows(IllegalStateException.class,
                    () -> kernels.forEachRange(100_000, 1_000, (from, to) -> kernels.columnSums(large, sums)));
            assertTrue(columns.getMessage().contains("own parallel tasks"), columns.getMessage());
            kernels.columnSums(large, sums); // and the kernels still work afterwards
        }
    }

    @Test
    void whatARangeThrowsReachesTheCaller() {
        try (VectorKernels kernels = new VectorKernels(VectorKernelsTest.species(256), 2)) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> kernels.forEachRange(100_000, 1_000, (from, to) -> {
                        if (from > 0) {
                            throw new IllegalStateException("range from " + from);
                        }
                    }));
            assertTrue(thrown.getMessage().startsWith("range from "), thrown.getMessage());
        }
    }
}
