package nn.app.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nn.core.Sequential;
import org.junit.jupiter.api.Test;

class IdleModelsTest {

    @Test
    void theSetupsUsedLongestAgoAreDroppedAndTheirModelsClosed() {
        IdleModels pool = new IdleModels(2);
        ClosableModel a = new ClosableModel();
        ClosableModel b = new ClosableModel();
        ClosableModel c = new ClosableModel();
        pool.giveBack("a", a.model);
        pool.giveBack("b", b.model);
        assertSame(a.model, pool.borrow("a").orElseThrow());
        pool.giveBack("a", a.model);
        pool.giveBack("c", c.model);
        assertEquals(Set.of("a", "c"), pool.setups());
        assertTrue(b.closed());
        assertFalse(a.closed() || c.closed());
    }

    @Test
    void releasingASetupClosesItsIdleModelsButNotTheLentOnes() {
        IdleModels pool = new IdleModels(4);
        ClosableModel idle = new ClosableModel();
        ClosableModel lent = new ClosableModel();
        ClosableModel other = new ClosableModel();
        pool.giveBack("run", idle.model);
        pool.giveBack("run", lent.model);
        pool.giveBack("other", other.model);
        assertSame(idle.model, pool.borrow("run").orElseThrow());
        pool.giveBack("run", idle.model);
        assertSame(lent.model, pool.borrow("run").orElseThrow());
        pool.release("run");
        assertTrue(idle.closed());
        assertFalse(lent.closed() || other.closed());
        assertTrue(pool.borrow("run").isEmpty());
        assertEquals(Set.of("other"), pool.setups());
    }

    /**
     * Tasks of more setups than are kept borrow and give back at once: no task ever gets a closed
     * model, and every model made is in the pool or was closed (none is lost unclosed).
     */
    @Test
    void noLentModelIsEverClosedAndNoModelIsLost() throws Exception {
        IdleModels pool = new IdleModels(2);
        Map<Sequential, ClosableModel> made = new ConcurrentHashMap<>();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                tasks.add(executor.submit(() -> {
                    start.await();
                    int closedWhileLent = 0;
                    for (int i = 0; i < 2_000; i++) {
                        String setup = "setup" + (thread + i) % 5;
                        Sequential model = pool.borrow(setup).orElseGet(() -> {
                            ClosableModel fresh = new ClosableModel();
                            made.put(fresh.model, fresh);
                            return fresh.model;
                        });
                        Thread.yield();
                        closedWhileLent += made.get(model).closed() ? 1 : 0;
                        pool.giveBack(setup, model);
                    }
                    return closedWhileLent;
                }));
            }
            start.countDown();
            for (Future<Integer> task : tasks) {
                assertEquals(0, task.get(), "tasks that trained on a closed model");
            }
        } finally {
            executor.shutdownNow();
        }
        for (String setup : pool.setups()) {
            pool.release(setup);
        }
        assertTrue(made.values().stream().allMatch(ClosableModel::closed), "a model was dropped from the pool without being closed");
    }
}
