package nn.core.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nn.api.NnException;
import nn.api.Variable;
import nn.core.BatchTraining;
import nn.core.Sequential;
import nn.core.engine.Engine;
import org.ejml.data.FMatrixRMaj;

/**
 * Synchronous data-parallel training on any {@link Engine}, the driver's side: each batch of the
 * fit loop is cut into one contiguous shard per worker ({@link Shards}).
 *
 * <p>Sync every 1: each worker returns its shard's gradients; the driver sums them weighted by
 * each shard's share of the batch (the gradient of the batch's mean loss), in shard order, and
 * takes one optimizer step. Sync every K > 1: each worker takes K optimizer steps of its own on its
 * shards of K consecutive batches (a round never crosses an epoch's end), then the driver averages
 * the weights and the optimizer slots, in shard order.
 *
 * <p>BatchNormalization normalizes each shard with the shard's own statistics ("ghost batches", as
 * tf.distribute without SyncBatchNorm); its moving statistics become the mean of the shards'
 * updated ones. With one worker every factor is exactly 1 and every mean the one value, so the
 * run is ordinary training bit for bit. The batch's loss and outputs (for the metrics) are put
 * together from the shards', so the fit loop logs as for ordinary training.
 */
public final class DataParallelTraining implements BatchTraining {
    private final Sequential model;
    private final Engine engine;
    private final String task;
    private final byte[] setup;
    private final int workers;
    private final int syncEvery;
    private final long seed;
    private final FMatrixRMaj output = new FMatrixRMaj(1, 1);
    private int epoch;
    private int[] order;
    private int batchSize;
    private int roundStart;
    private float[] roundLosses = new float[0];
    private List<float[]> roundOutputs = List.of();
    private RoundStats stats = RoundStats.NONE;

    /**
     * @param model    the driver's model, compiled: it holds the run's weights and optimizer
     * @param task     the {@link nn.core.engine.RemoteTask} that runs {@link ShardWork} where the engine puts it
     * @param setup    what that task needs to build the model and read the training data
     * @param seed     the run's seed, from which each worker's build seed of each round is drawn
     */
    public DataParallelTraining(Sequential model, Engine engine, String task, byte[] setup, int workers, int syncEvery,
            long seed) {
        if (workers < 1 || syncEvery < 1) {
            throw new NnException("data-parallel training needs at least 1 worker and sync every 1 step or more, got "
                    + workers + " workers and sync every " + syncEvery);
        }
        this.model = model;
        this.engine = engine;
        this.task = task;
        this.setup = setup.clone();
        this.workers = workers;
        this.syncEvery = syncEvery;
        this.seed = seed;
    }

    /** What the rounds cost so far. */
    public RoundStats stats() {
        return stats;
    }

    @Override
    public void beginEpoch(int epoch, int[] order, int batchSize) {
        this.epoch = epoch;
        this.order = order;
        this.batchSize = batchSize;
    }

    @Override
    public float train(int step, FMatrixRMaj features, FMatrixRMaj targets) {
        if (step % syncEvery == 0) {
            int steps = (order.length + batchSize - 1) / batchSize;
            round(step, Math.min(step + syncEvery, steps));
        }
        int index = step - roundStart;
        float[] values = roundOutputs.get(index);
        output.reshape(targets.numRows, values.length / targets.numRows);
        System.arraycopy(values, 0, output.data, 0, values.length);
        return roundLosses[index];
    }

    @Override
    public FMatrixRMaj output() {
        return output;
    }

    private void round(int start, int end) {
        long began = System.nanoTime();
        boolean local = syncEvery > 1;
        List<int[]> shardRows = new ArrayList<>(); // of the shards sent: rows of each step
        List<byte[]> requests = new ArrayList<>();
        // the variables' own arrays, not copies: they are encoded before anything changes them
        List<float[]> weights = model.weights().stream().map(v -> v.value().data).toList();
        List<Variable> trainable = model.trainableWeights();
        Optional<OptimizerSnapshot> optimizer = local ? Optional.of(OptimizerSnapshot.of(model.optimizer(), trainable))
                : Optional.empty();
        for (int shard = 0; shard < workers; shard++) {
            List<int[]> steps = new ArrayList<>();
            int[] counts = new int[end - start];
            for (int step = start; step < end; step++) {
                int from = step * batchSize;
                int[] rows = Shards.piece(order, from, batchRows(step), workers, shard);
                counts[step - start] = rows.length;
                steps.add(rows);
            }
            if (Arrays.stream(counts).sum() > 0) { // a batch smaller than the workers leaves some nothing to do
                shardRows.add(counts);
                requests.add(new RoundRequest(setup, workerSeed(start, shard), weights, optimizer, steps).encode());
            }
        }
        long sent = requests.stream().mapToLong(r -> r.length).sum();
        long engineStart = System.nanoTime();
        long encodeNanos = engineStart - began;
        List<byte[]> replies = engine.run(task, requests);
        long engineNanos = System.nanoTime() - engineStart;
        List<RoundResult> results = replies.stream().map(RoundResult::decode).toList();
        roundStart = start;
        collectLogs(results, shardRows);
        if (local) {
            averageWeightsAndSlots(results, optimizer.get().iterations() + (end - start));
        } else {
            applySummedGradients(results, shardRows);
        }
        long slowest = results.stream().mapToLong(RoundResult::computeNanos).max().orElse(0);
        stats = stats.plus(requests.size(), sent, replies.stream().mapToLong(r -> r.length).sum(), encodeNanos, slowest,
                engineNanos, System.nanoTime() - began);
    }

    private int batchRows(int step) {
        return Math.min(batchSize, order.length - step * batchSize);
    }

    /** The weight of a shard's mean in the batch's mean: its share of the rows. */
    private float[] shares(List<int[]> shardRows, int t) {
        float[] shares = new float[shardRows.size()];
        int rows = batchRows(roundStart + t);
        for (int s = 0; s < shares.length; s++) {
            shares[s] = (float) shardRows.get(s)[t] / rows;
        }
        return shares;
    }

    /** Each step's loss (the shards' mean losses weighted by their shares) and outputs (the shards' one after another). */
    private void collectLogs(List<RoundResult> results, List<int[]> shardRows) {
        int steps = shardRows.get(0).length;
        roundLosses = new float[steps];
        roundOutputs = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            float[] shares = shares(shardRows, t);
            float loss = 0;
            List<float[]> parts = new ArrayList<>();
            for (int s = 0; s < results.size(); s++) {
                if (shardRows.get(s)[t] > 0) {
                    loss += shares[s] * results.get(s).losses()[t];
                    parts.add(results.get(s).outputs().get(t));
                }
            }
            roundLosses[t] = loss;
            roundOutputs.add(concatenate(parts));
        }
    }

    private static float[] concatenate(List<float[]> parts) {
        float[] all = new float[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private void applySummedGradients(List<RoundResult> results, List<int[]> shardRows) {
        float[] shares = shares(shardRows, 0);
        List<Variable> trainable = model.trainableWeights();
        for (int v = 0; v < trainable.size(); v++) {
            ShardSums.weightedSum(column(results, RoundResult::gradients, v), shares, trainable.get(v).gradient().data);
        }
        List<Variable> state = model.nonTrainableWeights();
        for (int v = 0; v < state.size(); v++) {
            state.get(v).assign(ShardSums.mean(column(results, RoundResult::weights, v)));
        }
        model.applyGradients();
    }

    private void averageWeightsAndSlots(List<RoundResult> results, long iterations) {
        List<float[]> weights = new ArrayList<>();
        for (int v = 0; v < results.get(0).weights().size(); v++) {
            weights.add(ShardSums.mean(column(results, RoundResult::weights, v)));
        }
        model.setWeights(weights);
        Function<RoundResult, List<float[]>> slots = r -> r.optimizer().orElseThrow().values();
        OptimizerSnapshot first = results.get(0).optimizer().orElseThrow();
        List<float[]> averaged = new ArrayList<>();
        for (int s = 0; s < first.values().size(); s++) {
            averaged.add(ShardSums.mean(column(results, slots, s)));
        }
        new OptimizerSnapshot(iterations, first.names(), averaged).restoreInto(model.optimizer(), model.trainableWeights());
    }

    /** Array {@code index} of each result's list, in shard order. */
    private static List<float[]> column(List<RoundResult> results, Function<RoundResult, List<float[]>> list, int index) {
        return results.stream().map(r -> list.apply(r).get(index)).toList();
    }

    /** A worker's build seed for the round starting at {@code step}: differs by run seed, epoch, step and shard. */
    private long workerSeed(int step, int shard) {
        return mix(mix(mix(mix(seed) + epoch) + step) + shard);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
