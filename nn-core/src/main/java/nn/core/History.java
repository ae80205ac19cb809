package nn.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nn.api.NnException;

/**
 * What {@link Sequential#fit} returns, as Keras's History: a list of values per log name, one per
 * epoch, and each epoch's seconds. Listeners and checkpoints may keep one too, and a resumed run's
 * history continues the saved one ({@link #of}, {@link #addAll}).
 */
public final class History {
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private final List<Double> seconds = new ArrayList<>();

    /** Empty: no epochs yet. */
    public History() {
    }

    /**
     * A history from saved lists, one value per epoch each, e.g. a checkpoint's.
     *
     * @throws NnException if a list has not one value per epoch of {@code epochSeconds}
     */
    public static History of(Map<String, ? extends List<Double>> values, List<Double> epochSeconds) {
        History history = new History();
        values.forEach((name, list) -> {
            if (list.size() != epochSeconds.size()) {
                throw new NnException("history: '" + name + "' has " + list.size() + " values for "
                        + epochSeconds.size() + " epochs");
            }
            history.values.put(name, new ArrayList<>(list));
        });
        history.seconds.addAll(epochSeconds);
        return history;
    }

    /** An independent copy, to extend without changing this one. */
    public History copy() {
        return of(values, seconds);
    }

    /** Appends one epoch: its logs (loss, metrics, val_ ones) and seconds. */
    public void add(Map<String, Double> logs, double epochSeconds) {
        logs.forEach((name, value) -> values.computeIfAbsent(name, k -> new ArrayList<>()).add(value));
        seconds.add(epochSeconds);
    }

    /** Appends every epoch of {@code later}, e.g. what a resumed fit returned. */
    public void addAll(History later) {
        later.values.forEach((name, list) -> values.computeIfAbsent(name, k -> new ArrayList<>()).addAll(list));
        seconds.addAll(later.seconds);
    }

    public int epochs() {
        return seconds.size();
    }

    /** The names logged: loss, the metrics, then val_loss and val_ metrics. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** One value per epoch, e.g. {@code get("val_accuracy")}. */
    public List<Double> get(String name) {
        List<Double> list = values.get(name);
        if (list == null) {
            throw new IllegalArgumentException("history has no '" + name + "'; it has " + values.keySet());
        }
        return Collections.unmodifiableList(list);
    }

    /** The value of the last epoch. */
    public double last(String name) {
        List<Double> list = get(name);
        return list.get(list.size() - 1);
    }

    public List<Double> epochSeconds() {
        return Collections.unmodifiableList(seconds);
    }

    public Map<String, List<Double>> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * The epoch count and the last epoch's values with four decimals, as Keras prints them:
     * {@code History(2 epochs, last: loss=0.5012, accuracy=0.8203)}.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("History(").append(epochs()).append(epochs() == 1 ? " epoch" : " epochs");
        String separator = ", last: ";
        for (String name : values.keySet()) {
            text.append(separator).append(name).append('=').append(String.format(Locale.ROOT, "%.4f", last(name)));
            separator = ", ";
        }
        return text.append(')').toString();
    }
}
