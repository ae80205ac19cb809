package nn.app.parallel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nn.core.Sequential;

/**
 * Idle copies of models by setup key, lent to one task at a time, for the {@code keptSetups} setups
 * used last. Lending, giving back, dropping a setup and releasing one happen under one lock, so a
 * model is either in the pool or lent, never both: a lent model is never closed here, and a model
 * given back is never put into a queue that was dropped. Models leave the pool under the lock and
 * are closed after it, so closing (stopping kernel threads) does not hold up other tasks.
 */
final class IdleModels {
    private final int keptSetups;
    /** In access order: the first setup is the one used longest ago. */
    private final Map<String, ArrayDeque<Sequential>> idle = new LinkedHashMap<>(16, 0.75f, true);

    IdleModels(int keptSetups) {
        this.keptSetups = keptSetups;
    }

    /** An idle model of this setup, now lent to the caller alone, if one was given back. */
    synchronized Optional<Sequential> borrow(String setup) {
        ArrayDeque<Sequential> models = idle.get(setup);
        return Optional.ofNullable(models == null ? null : models.poll());
    }

    /** Keeps {@code model} for this setup's next task; past {@code keptSetups} setups, those used longest ago are closed. */
    void giveBack(String setup, Sequential model) {
        List<Sequential> dropped = new ArrayList<>();
        synchronized (this) {
            idle.computeIfAbsent(setup, key -> new ArrayDeque<>()).add(model);
            for (Iterator<ArrayDeque<Sequential>> oldest = idle.values().iterator(); idle.size() > keptSetups; ) {
                dropped.addAll(oldest.next());
                oldest.remove();
            }
        }
        dropped.forEach(Sequential::close);
    }

    /** Closes this setup's idle models (its run has ended); models lent now are not affected. */
    void release(String setup) {
        ArrayDeque<Sequential> dropped;
        synchronized (this) {
            dropped = idle.remove(setup);
        }
        if (dropped != null) {
            dropped.forEach(Sequential::close);
        }
    }

    /** The setups whose idle models are kept. */
    synchronized Set<String> setups() {
        return Set.copyOf(idle.keySet());
    }
}
