package nn.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.mockito.Mockito.mock;

import java.util.List;
import nn.api.FusesActivation;
import nn.api.Layer;
import nn.api.MaxSelecting;
import org.junit.jupiter.api.Test;

/** Which layers run out of their declared order: only a commuting activation just before a max pool that is not last. */
class ExecutionOrderTest {
    private final Layer dense = mock(Layer.class);
    private final Layer pool = mock(MaxSelecting.class);
    private final Layer relu = new ActivationLayer("relu");
    private final Layer norm = mock(FusesActivation.class);

    @Test
    void reluBeforeAMaxPoolRunsAfterIt() {
        assertArrayEquals(new int[] {0, 2, 1, 3}, ExecutionOrder.of(List.of(dense, relu, pool, dense)));
    }

    @Test
    void everyPairMovesAndNothingElse() {
        assertArrayEquals(new int[] {1, 0, 2, 4, 3, 5}, ExecutionOrder.of(List.of(relu, pool, relu, relu, pool, dense)));
    }

    @Test
    void aPoolThatIsTheLastLayerKeepsItsPlace() {
        assertArrayEquals(new int[] {0, 1, 2}, ExecutionOrder.of(List.of(dense, relu, pool)));
    }

    @Test
    void activationsThatDoNotCommuteWithMaxStay() {
        Layer tanh = new ActivationLayer("tanh");
        Layer softmax = new ActivationLayer("softmax");
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, ExecutionOrder.of(List.of(tanh, pool, softmax, pool, dense)));
    }

    @Test
    void reluAfterAPoolOrBeforeAnotherLayerStays() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, ExecutionOrder.of(List.of(pool, relu, dense, dense)));
    }

    @Test
    void aFusingLayerMayApplyTheActivationDeclaredRightAfterIt() {
        List<Layer> layers = List.of(dense, norm, relu, dense, norm, relu, dense);
        assertArrayEquals(new boolean[] {false, true, false, false, true, false, false},
                ExecutionOrder.fusions(layers, ExecutionOrder.of(layers)));
    }

    @Test
    void noFusionIntoTheLastLayerNorAnActivationRunAfterAPool() {
        List<Layer> last = List.of(dense, norm, relu);
        assertArrayEquals(new boolean[3], ExecutionOrder.fusions(last, ExecutionOrder.of(last)), "a loss may read its input");
        List<Layer> pooled = List.of(norm, relu, pool, dense);
        assertArrayEquals(new boolean[4], ExecutionOrder.fusions(pooled, ExecutionOrder.of(pooled)), "relu runs after the pool");
        List<Layer> plain = List.of(dense, relu, dense);
        assertArrayEquals(new boolean[3], ExecutionOrder.fusions(plain, ExecutionOrder.of(plain)), "dense does not fuse");
    }
}
