package nn.core.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one worker returns from a round, as bytes ({@link #encode}):
 * <pre>
 * "NNRS" version:int
 * gradients:float[][]     gradient round: each trainable variable's gradient of the shard's mean loss
 *                         (Sequential.trainableWeights() order); local steps: none
 * weights:float[][]       gradient round: the non-trainable variables after the forward pass (e.g.
 *                         BatchNormalization's moving statistics); local steps: every variable
 * hasOptimizer:int (0|1) [OptimizerSnapshot]  local steps: the worker's optimizer after them
 * losses:float[]          each step's shard mean loss (NaN for a skipped, empty step)
 * outputs:float[][]       each step's outputs, rows x outputColumns, row-major
 * computeNanos:long       the worker's time from taking the weights to its last step (for the round's cost split)
 * </pre>
 */
public record RoundResult(List<float[]> gradients, List<float[]> weights, Optional<OptimizerSnapshot> optimizer,
        float[] losses, List<float[]> outputs, long computeNanos) {
    static final String MAGIC = "NNRS";
    static final int VERSION = 2;

    public RoundResult {
        gradients = List.copyOf(gradients);
        weights = List.copyOf(weights);
        outputs = List.copyOf(outputs);
    }

    public byte[] encode() {
        long bytes = FrameWriter.HEADER_BYTES + FrameWriter.bytesOf(gradients) + FrameWriter.bytesOf(weights) + 4
                + optimizer.map(OptimizerSnapshot::bytes).orElse(0L) + 4 + 4L * losses.length + FrameWriter.bytesOf(outputs) + 8;
        FrameWriter out = new FrameWriter(MAGIC, VERSION, bytes);
        out.putFloatArrays(gradients).putFloatArrays(weights).putInt(optimizer.isPresent() ? 1 : 0);
        optimizer.ifPresent(o -> o.write(out));
        out.putFloats(losses).putFloatArrays(outputs).putLong(computeNanos);
        return out.toBytes();
    }

    public static RoundResult decode(byte[] bytes) {
        FrameReader in = new FrameReader(bytes, MAGIC, VERSION, "data-parallel round result");
        List<float[]> gradients = in.getFloatArrays();
        List<float[]> weights = in.getFloatArrays();
        Optional<OptimizerSnapshot> optimizer = in.getInt() == 1 ? Optional.of(OptimizerSnapshot.read(in)) : Optional.empty();
        float[] losses = in.getFloats();
        List<float[]> outputs = new ArrayList<>(in.getFloatArrays());
        long computeNanos = in.getLong();
        in.end();
        return new RoundResult(gradients, weights, optimizer, losses, outputs, computeNanos);
    }
}
