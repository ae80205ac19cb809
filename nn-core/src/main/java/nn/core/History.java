package nn.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@link Sequential#fit} returns, as Keras's History: a list of values per log name, one per epoch, and each epoch's seconds. */
public final class History {
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private final List<Double> seconds = new ArrayList<>();

    void add(Map<String, Double> logs, double epochSeconds) {
        logs.forEach((name, value) -> values.computeIfAbsent(name, k -> new ArrayList<>()).add(value));
        seconds.add(epochSeconds);
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
}
