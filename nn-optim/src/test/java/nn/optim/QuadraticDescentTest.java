package nn.optim;

import static nn.optim.TestVariables.trainable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import nn.api.BaseOptimizer;
import nn.api.Variable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each optimizer minimizes f(w) = sum (w - 3)^2, whose gradient is 2 (w - 3), to near w = 3. */
class QuadraticDescentTest {

    static Stream<BaseOptimizer> optimizers() {
        return Stream.of(
                new SGD(0.1f),
                new SGD(0.01f, 0.9f, false, 1e-6f),
                new SGD(0.01f, 0.9f, true, 1e-6f),
                new Adam(0.1f, 0.9f, 0.999f, 1e-7f, false, 0.01f),
                new Adam(0.1f, 0.9f, 0.999f, 1e-7f, true, 0.01f),
                new RMSprop(0.1f, 0.9f, 0f, 1e-7f, false, 0.01f),
                new RMSprop(0.01f, 0.9f, 0.5f, 1e-7f, true, 0.01f),
                new Adagrad(1.0f));
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void descendsToTheMinimum(BaseOptimizer optimizer) {
        Variable w = trainable("w", 0f, 5f, -1f);
        float[] g = w.gradient().data;
        float[] x = w.value().data;
        for (int step = 0; step < 2000; step++) {
            for (int i = 0; i < x.length; i++) {
                g[i] = 2f * (x[i] - 3f);
            }
            optimizer.apply(List.of(w));
        }
        for (float value : x) {
            assertEquals(3.0, value, 1e-2, optimizer.toString());
        }
    }
}
