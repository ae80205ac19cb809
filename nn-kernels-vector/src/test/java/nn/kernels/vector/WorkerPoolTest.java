package nn.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkerPoolTest {

    @Test
    void runsEveryPartOnceOnItsOwnThread() throws InterruptedException {
        try (WorkerPool pool = new WorkerPool(3)) {
            AtomicIntegerArray counts = new AtomicIntegerArray(3);
            String[] names = new String[3];
            for (int round = 0; round < 1000; round++) {
                pool.run((t, parts) -> {
                    assertEquals(3, parts);
                    counts.incrementAndGet(t);
                    names[t] = Thread.currentThread().getName();
                });
                if (round % 250 == 0) {
                    Thread.sleep(WorkerPool.SPIN_NANOS / 1_000_000 + 5); // let the workers park
                }
            }
            assertEquals("[1000, 1000, 1000]", counts.toString());
            assertArrayEquals(new String[] {Thread.currentThread().getName(), "nn-vector-1", "nn-vector-2"}, names);
        }
    }

    @Test
    void aFailedPartIsRethrownAndThePoolGoesOn() {
        try (WorkerPool pool = new WorkerPool(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.run((t, parts) -> {
                if (t == 1) {
                    throw new IllegalStateException("part 1 failed");
                }
            }));
            assertEquals("part 1 failed", e.getMessage());
            AtomicIntegerArray counts = new AtomicIntegerArray(2);
            pool.run((t, parts) -> counts.incrementAndGet(t));
            assertEquals("[1, 1]", counts.toString());
        }
    }

    @Test
    void aClosedPoolRefusesWork() {
        WorkerPool pool = new WorkerPool(2);
        pool.close();
        assertThrows(IllegalStateException.class, () -> pool.run((t, parts) -> { }));
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool(1));
    }
}
