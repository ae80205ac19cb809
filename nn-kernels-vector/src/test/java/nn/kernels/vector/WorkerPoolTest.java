package nn.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkerPoolTest {

    @Test
    void runsEveryPartOnce() throws InterruptedException {
        try (WorkerPool pool = new WorkerPool(3)) {
            AtomicIntegerArray counts = new AtomicIntegerArray(5);
            for (int round = 0; round < 1000; round++) {
                pool.run((t, parts) -> {
                    assertEquals(5, parts);
                    counts.incrementAndGet(t);
                }, 5);
                if (round % 250 == 0) {
                    Thread.sleep(WorkerPool.SPIN_NANOS / 1_000_000 + 5); // let the workers park
                }
            }
            assertEquals("[1000, 1000, 1000, 1000, 1000]", counts.toString());
        }
    }

    @Test
    void aSinglePartRunsOnTheCaller() {
        try (WorkerPool pool = new WorkerPool(3)) {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            for (int round = 0; round < 100; round++) {
                pool.run((t, parts) -> threads.add(Thread.currentThread().getName() + " " + t + "/" + parts), 1);
            }
            assertEquals(Set.of(Thread.currentThread().getName() + " 0/1"), threads);
        }
    }

    @Test
    void workersLeftOutByUseTakeNoPartsUntilUsedAgain() {
        try (WorkerPool pool = new WorkerPool(4)) {
            pool.use(2);
            assertEquals(2, pool.inUse());
            assertEquals(4, pool.size());
            Set<String> threads = ConcurrentHashMap.newKeySet();
            for (int round = 0; round < 2000; round++) {
                pool.run((t, parts) -> threads.add(Thread.currentThread().getName()), 2);
            }
            assertTrue(Set.of(Thread.currentThread().getName(), "nn-vector-1").containsAll(threads), threads.toString());

            pool.use(4); // all four come back, the parked ones too
            assertEquals(Set.of(Thread.currentThread().getName(), "nn-vector-1", "nn-vector-2", "nn-vector-3"),
                    threadsOfOnePartEach(pool, 4));
            assertThrows(IllegalArgumentException.class, () -> pool.use(0));
            assertThrows(IllegalArgumentException.class, () -> pool.use(5));
        }
    }

    @Test
    void workersTakeParts() {
        try (WorkerPool pool = new WorkerPool(2)) {
            assertEquals(Set.of(Thread.currentThread().getName(), "nn-vector-1"), threadsOfOnePartEach(pool, 2));
        }
    }

    @Test
    void aFailedPartIsRethrownAndThePoolGoesOn() {
        try (WorkerPool pool = new WorkerPool(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.run((t, parts) -> {
                if (t == 1) {
                    throw new IllegalStateException("part 1 failed");
                }
            }, 2));
            assertEquals("part 1 failed", e.getMessage());
            AtomicIntegerArray counts = new AtomicIntegerArray(2);
            pool.run((t, parts) -> counts.incrementAndGet(t), 2);
            assertEquals("[1, 1]", counts.toString());
        }
    }

    @Test
    void aClosedPoolRefusesWork() {
        WorkerPool pool = new WorkerPool(2);
        pool.close();
        assertThrows(IllegalStateException.class, () -> pool.run((t, parts) -> { }, 2));
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool(1));
    }

    /**
     * The threads that ran a task of {@code parts} parts whose every part waits until all have
     * started: so no thread can run two, and each part shows a thread of its own.
     */
    private static Set<String> threadsOfOnePartEach(WorkerPool pool, int parts) {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch allIn = new CountDownLatch(parts);
        pool.run((t, n) -> {
            threads.add(Thread.currentThread().getName());
            allIn.countDown();
            try {
                allIn.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, parts);
        return threads;
    }
}
