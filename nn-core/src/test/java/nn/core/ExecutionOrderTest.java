package nn.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.mockito.Mockito.mock;

import java.util.List;
import nn.api.Layer;
import nn.api.MaxSelecting;
import org.junit.jupiter.api.Test;

/** Which layers run out of their declared order: only a commuting activation just before a max pool that is not last. */
class ExecutionOrderTest {
    private final Layer dense = mock(Layer.class);
    private final Layer pool = mock(MaxSelecting.class);
    private final Layer relu = new ActivationLayer("relu");

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
}
