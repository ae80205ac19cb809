package nn.core.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import nn.api.NnException;
import nn.api.Optimizer;
import nn.api.Variable;
import org.ejml.data.FMatrixRMaj;

/**
 * An optimizer's state as plain values: its step count and each slot ({@code <variable path>/<slot>},
 * e.g. {@code dense/kernel:0/momentum}) in the optimizer's own order. What a worker of local steps
 * starts from, and what the driver averages.
 */
public record OptimizerSnapshot(long iterations, List<String> names, List<float[]> values) {

    public OptimizerSnapshot {
        names = List.copyOf(names);
        values = List.copyOf(values);
        if (names.size() != values.size()) {
            throw new NnException("optimizer state: " + names.size() + " slot names but " + values.size() + " slots");
        }
    }

    /** A copy of the state of {@code optimizer}, its slots created first for {@code variables} if need be. */
    public static OptimizerSnapshot of(Optimizer optimizer, List<Variable> variables) {
        optimizer.build(variables);
        List<String> names = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        optimizer.slots().forEach((name, slot) -> {
            names.add(name);
            values.add(Arrays.copyOf(slot.data, slot.getNumElements()));
        });
        return new OptimizerSnapshot(optimizer.iterations(), names, values);
    }

    /** Sets {@code optimizer}'s slots (created first for {@code variables}) and step count to these. */
    public void restoreInto(Optimizer optimizer, List<Variable> variables) {
        optimizer.build(variables);
        Map<String, FMatrixRMaj> slots = optimizer.slots();
        if (!slots.keySet().equals(new HashSet<>(names))) {
            throw new NnException("optimizer state: slots " + names + " do not match the optimizer's " + slots.keySet());
        }
        for (int i = 0; i < names.size(); i++) {
            FMatrixRMaj slot = slots.get(names.get(i));
            if (slot.getNumElements() != values.get(i).length) {
                throw new NnException("optimizer state: slot " + names.get(i) + " has " + values.get(i).length
                        + " values, the optimizer's " + slot.getNumElements());
            }
            System.arraycopy(values.get(i), 0, slot.data, 0, values.get(i).length);
        }
        optimizer.setIterations(iterations);
    }

    /** What {@link #write} writes. */
    long bytes() {
        long bytes = 8 + 4;
        for (int i = 0; i < names.size(); i++) {
            bytes += FrameWriter.bytesOf(names.get(i)) + 4 + 4L * values.get(i).length;
        }
        return bytes;
    }

    void write(FrameWriter out) {
        out.putLong(iterations).putInt(names.size());
        for (int i = 0; i < names.size(); i++) {
            out.putString(names.get(i)).putFloats(values.get(i));
        }
    }

    static OptimizerSnapshot read(FrameReader in) {
        long iterations = in.getLong();
        int count = in.getInt();
        List<String> names = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(in.getString());
            values.add(in.getFloats());
        }
        return new OptimizerSnapshot(iterations, names, values);
    }
}
