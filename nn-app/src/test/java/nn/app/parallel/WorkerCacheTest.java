package nn.app.parallel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import nn.api.BuildContext;
import nn.core.Sequential;
import org.junit.jupiter.api.Test;

class WorkerCacheTest {

    @Test
    void anIdleModelIsLentAgainForItsSetupOnlyAndFewSetupsAreKept() {
        byte[] first = {1};
        Sequential model = new Sequential("a", BuildContext.seeded(0));
        WorkerCache.giveBack(first, model);
        assertFalse(WorkerCache.borrowModel(new byte[] {2}).isPresent());
        assertSame(model, WorkerCache.borrowModel(first).orElseThrow());
        WorkerCache.giveBack(first, model);
        for (int i = 0; i < WorkerCache.KEPT_SETUPS; i++) {
            WorkerCache.giveBack(new byte[] {3, (byte) i}, new Sequential("b", BuildContext.seeded(0)));
        }
        assertFalse(WorkerCache.borrowModel(first).isPresent(), "the first setup's model was dropped");
        for (int i = 0; i < WorkerCache.KEPT_SETUPS; i++) {
            WorkerCache.release(new byte[] {3, (byte) i});
        }
    }
}
