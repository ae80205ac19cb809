package nn.core.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one worker gets for one round of data-parallel training, as bytes ({@link #encode}):
 * <pre>
 * "NNRQ" version:int
 * setup:bytes                      how to build the model and find the data, opaque here (the launcher's)
 * seed:long                        this worker's build seed this round (draws of e.g. Dropout)
 * weights:float[][]                every variable of the model, in Sequential.weights() order
 * hasOptimizer:int (0|1) [OptimizerSnapshot]  present: take local steps; absent: compute gradients only
 * steps:int[][]                    the training rows of each step (one step for gradients; empty = skip)
 * </pre>
 * Little-endian; arrays and byte strings preceded by their length. Everything a worker needs is in
 * it, so a retried task on another machine computes the same result.
 */
public record RoundRequest(byte[] setup, long seed, List<float[]> weights, Optional<OptimizerSnapshot> optimizer,
        List<int[]> steps) {
    static final String MAGIC = "NNRQ";
    static final int VERSION = 1;

    public RoundRequest {
        weights = List.copyOf(weights);
        steps = List.copyOf(steps);
    }

    /** Whether the worker takes optimizer steps itself (sync every K > 1) rather than returning gradients. */
    public boolean localSteps() {
        return optimizer.isPresent();
    }

    public byte[] encode() {
        long bytes = FrameWriter.HEADER_BYTES + 4 + setup.length + 8 + FrameWriter.bytesOf(weights) + 4
                + optimizer.map(OptimizerSnapshot::bytes).orElse(0L) + 4 + steps.stream().mapToLong(rows -> 4 + 4L * rows.length).sum();
        FrameWriter out = new FrameWriter(MAGIC, VERSION, bytes);
        out.putBytes(setup).putLong(seed).putFloatArrays(weights).putInt(optimizer.isPresent() ? 1 : 0);
        optimizer.ifPresent(o -> o.write(out));
        out.putInt(steps.size());
        steps.forEach(out::putInts);
        return out.toBytes();
    }

    public static RoundRequest decode(byte[] bytes) {
        FrameReader in = new FrameReader(bytes, MAGIC, VERSION, "data-parallel round request");
        byte[] setup = in.getBytes();
        long seed = in.getLong();
        List<float[]> weights = in.getFloatArrays();
        Optional<OptimizerSnapshot> optimizer = in.getInt() == 1 ? Optional.of(OptimizerSnapshot.read(in)) : Optional.empty();
        int count = in.getInt();
        List<int[]> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            steps.add(in.getInts());
        }
        in.end();
        return new RoundRequest(setup, seed, weights, optimizer, steps);
    }
}
