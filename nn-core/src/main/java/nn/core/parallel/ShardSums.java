package nn.core.parallel;

import java.util.List;

/**
 * How the driver combines the workers' arrays, always in shard order so that every engine gives
 * the same bits: gradients weighted by each shard's share of the batch, everything else (moving
 * statistics, weights, optimizer slots) averaged.
 */
final class ShardSums {

    private ShardSums() {
    }

    /**
     * {@code sum over s of factors[s] * parts[s][i]}, in float32, shard by shard: the gradient of
     * the batch's mean loss from the shards' mean-loss gradients. One shard with factor 1 gives
     * its gradient unchanged.
     */
    static void weightedSum(List<float[]> parts, float[] factors, float[] dest) {
        float[] first = parts.get(0);
        float f0 = factors[0];
        for (int i = 0; i < dest.length; i++) {
            dest[i] = f0 * first[i];
        }
        for (int s = 1; s < parts.size(); s++) {
            float[] part = parts.get(s);
            float f = factors[s];
            for (int i = 0; i < dest.length; i++) {
                dest[i] += f * part[i];
            }
        }
    }

    /**
     * The mean of the parts, as the first plus the mean difference from it (summed in double, in
     * shard order): equal values, e.g. a frozen layer's weights or a single shard, stay exactly
     * what they were, which a plain sum divided by the count would not promise.
     */
    static float[] mean(List<float[]> parts) {
        float[] first = parts.get(0);
        float[] mean = new float[first.length];
        int n = parts.size();
        for (int i = 0; i < mean.length; i++) {
            double difference = 0;
            for (int s = 1; s < n; s++) {
                difference += (double) parts.get(s)[i] - first[i];
            }
            mean[i] = (float) (first[i] + difference / n);
        }
        return mean;
    }
}
