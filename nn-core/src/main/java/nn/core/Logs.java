package nn.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named values of the running epoch, e.g. loss and accuracy, updated in place after every batch so
 * that reporting costs no allocation; {@link #asMap()} takes a copy.
 */
public final class Logs {
    private final List<String> names;
    private final double[] values;

    Logs(List<String> names) {
        this.names = List.copyOf(names);
        this.values = new double[names.size()];
    }

    public List<String> names() {
        return names;
    }

    public double value(int index) {
        return values[index];
    }

    public double get(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no log named " + name + "; there are " + names);
        }
        return values[i];
    }

    void set(int index, double value) {
        values[index] = value;
    }

    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(names.get(i), values[i]);
        }
        return map;
    }
}
