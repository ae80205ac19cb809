package nn.app.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.api.Config;
import nn.api.NnException;
import nn.app.OrderedFields;
import nn.core.History;
import nn.io.ModelArchive;

/**
 * How far a run got: the epochs done, their history and the best epoch so far. A checkpoint's state
 * holds it (with the run's settings), so that a resumed run carries on its history and its best.
 */
public record TrainingProgress(int epoch, History history, Optional<BestEpoch> best) {
    static final TrainingProgress NONE = new TrainingProgress(0, new History(), Optional.empty());

    private static final String RUN = "run";
    private static final String HISTORY = "history";
    private static final String SECONDS = "epoch_seconds";
    private static final String BEST = "best";

    public TrainingProgress {
        history = history.copy();
    }

    /** A copy: the progress itself does not change. */
    @Override
    public History history() {
        return history.copy();
    }

    /** The progress once {@code epoch} has ended with these logs. */
    TrainingProgress after(int epoch, Map<String, Double> logs, double seconds) {
        History longer = history();
        longer.add(logs, seconds);
        BestEpoch newBest = best.map(b -> b.orBetter(epoch, logs)).orElseGet(() -> BestEpoch.of(epoch, logs));
        return new TrainingProgress(epoch, longer, Optional.of(newBest));
    }

    boolean bestIsLast() {
        return best.isPresent() && best.get().epoch() == epoch;
    }

    /** A checkpoint's state: {@code epoch}, the run's settings, the history lists and the best epoch. */
    Map<String, Object> toState(Map<String, Object> run) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put(ModelArchive.EPOCH, epoch);
        state.put(RUN, run);
        state.put(HISTORY, history.asMap());
        state.put(SECONDS, history.epochSeconds());
        best.ifPresent(b -> state.put(BEST, OrderedFields.of("monitor", b.monitor(), "value", b.value(), "epoch", b.epoch())));
        return state;
    }

    /** The run's settings saved by {@link #toState}. */
    static Map<String, Object> run(Map<String, Object> state, String source) {
        return object(state.get(RUN)).orElseThrow(() ->
                new NnException(source + ": '" + RUN + "' is required and must be an object of the run's settings"));
    }

    /** The inverse of {@link #toState}; errors name {@code source}. */
    static TrainingProgress fromState(Map<String, Object> state, String source) {
        Config saved = Config.of(source, state);
        int epoch = saved.requireInt(ModelArchive.EPOCH);
        List<Double> seconds = numbers(saved, SECONDS, state.get(SECONDS));
        Map<String, Object> lists = object(state.get(HISTORY)).orElseThrow(() ->
                saved.invalid(HISTORY, state.get(HISTORY), "must be an object of lists, one value per epoch"));
        Map<String, List<Double>> values = new LinkedHashMap<>();
        lists.forEach((name, list) -> values.put(name, numbers(saved, HISTORY + "." + name, list)));
        History history;
        try {
            history = History.of(values, seconds);
        } catch (NnException e) {
            throw new NnException(source + ": " + e.getMessage(), e);
        }
        if (history.epochs() != epoch) {
            throw new NnException(source + ": '" + SECONDS + "' has " + history.epochs() + " epochs but 'epoch' is " + epoch);
        }
        return new TrainingProgress(epoch, history, best(saved, epoch));
    }

    private static Optional<BestEpoch> best(Config saved, int epoch) {
        if (!saved.has(BEST)) {
            return Optional.empty();
        }
        Config best = Config.of(saved.owner() + ": " + BEST, object(saved.get(BEST).get()).orElseThrow(() ->
                saved.invalid(BEST, saved.get(BEST).get(), "must be an object of monitor, value and epoch")));
        int bestEpoch = best.requireInt("epoch");
        if (bestEpoch < 1 || bestEpoch > epoch) {
            throw best.invalid("epoch", bestEpoch, "must be an epoch done, 1 to " + epoch);
        }
        if (!best.has("value")) {
            throw new NnException(best.owner() + ": 'value' is required");
        }
        return Optional.of(new BestEpoch(best.requireString("monitor"), best.getDouble("value", 0), bestEpoch));
    }

    private static Optional<Map<String, Object>> object(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return Optional.empty();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return Optional.of(copy);
    }

    private static List<Double> numbers(Config saved, String key, Object value) {
        if (value instanceof List<?> list && list.stream().allMatch(Number.class::isInstance)) {
            return list.stream().map(n -> ((Number) n).doubleValue()).toList();
        }
        throw saved.invalid(key, value, "must be a list of numbers");
    }

}
