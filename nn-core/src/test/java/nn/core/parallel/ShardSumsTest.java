package nn.core.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShardSumsTest {

    @Test
    void gradientsAreSummedWeightedByTheShardsShares() {
        float[] sum = new float[2];
        ShardSums.weightedSum(List.of(new float[] {1, 2}, new float[] {4, 8}), new float[] {0.75f, 0.25f}, sum);
        assertArrayEquals(new float[] {1.75f, 3.5f}, sum);
    }

    @Test
    void oneShardWithShareOneIsItsGradientUnchanged() {
        float[] g = {0.1f, -3.3333333f, Float.MIN_VALUE};
        float[] sum = new float[3];
        ShardSums.weightedSum(List.of(g), new float[] {1f}, sum);
        assertArrayEquals(g, sum);
    }

    @Test
    void theMeanOfEqualValuesIsExactlyThatValue() {
        float[] v = {0.1f, 1e-30f, 3.3333333f};
        assertArrayEquals(v, ShardSums.mean(List.of(v, v.clone(), v.clone())));
        assertArrayEquals(v, ShardSums.mean(List.of(v)));
    }

    @Test
    void theMeanIsTheMean() {
        assertArrayEquals(new float[] {2, -1}, ShardSums.mean(List.of(new float[] {1, 0}, new float[] {3, -2})));
    }
}
