package nn.core.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nn.api.Variable;
import nn.core.LabeledData;
import nn.core.Sequential;
import org.ejml.data.FMatrixRMaj;

/**
 * A worker's side of a round: on its copy of the model, set to the request's weights (and optimizer
 * state), it trains on its shard of each step. Without optimizer state it only computes the
 * gradients of its one step; with it, it takes an optimizer step per step (sync every K > 1).
 * Nothing of the copy's earlier state survives into the result except what the request sets, so a
 * cached copy gives the same result as a new one (Dropout's draws aside: see the launcher's task).
 */
public final class ShardWork {

    private ShardWork() {
    }

    /**
     * @param model a compiled copy of the run's model; {@code data} the run's training data
     * @return the encoded {@link RoundResult}
     */
    public static byte[] run(Sequential model, LabeledData data, RoundRequest request) {
        long start = System.nanoTime();
        model.setWeights(request.weights());
        List<Variable> trainable = model.trainableWeights();
        request.optimizer().ifPresent(state -> state.restoreInto(model.optimizer(), trainable));
        FMatrixRMaj features = new FMatrixRMaj(1, data.features().columns());
        FMatrixRMaj targets = new FMatrixRMaj(1, data.targets().numCols);
        float[] losses = new float[request.steps().size()];
        List<float[]> outputs = new ArrayList<>();
        for (int t = 0; t < losses.length; t++) {
            int[] rows = request.steps().get(t);
            if (rows.length == 0) {
                losses[t] = Float.NaN;
                outputs.add(new float[0]);
                continue;
            }
            load(data, rows, features, targets, model);
            losses[t] = model.computeGradients(features, targets);
            FMatrixRMaj output = model.lastOutput();
            outputs.add(Arrays.copyOf(output.data, output.getNumElements()));
            if (request.localSteps()) {
                model.applyGradients();
            }
        }
        if (request.localSteps()) {
            return new RoundResult(List.of(), model.getWeights(),
                    Optional.of(OptimizerSnapshot.of(model.optimizer(), trainable)), losses, outputs, System.nanoTime() - start)
                    .encode();
        }
        // the variables' own arrays, not copies: encoded before the model computes again
        return new RoundResult(trainable.stream().map(v -> v.gradient().data).toList(),
                model.nonTrainableWeights().stream().map(v -> v.value().data).toList(), Optional.empty(), losses, outputs,
                System.nanoTime() - start).encode();
    }

    private static void load(LabeledData data, int[] rows, FMatrixRMaj features, FMatrixRMaj targets, Sequential model) {
        features.reshape(rows.length, features.numCols);
        data.features().copyRows(rows, 0, rows.length, features.data, model.kernels());
        int cols = data.targets().numCols;
        targets.reshape(rows.length, cols);
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(data.targets().data, rows[r] * cols, targets.data, r * cols, cols);
        }
    }
}
