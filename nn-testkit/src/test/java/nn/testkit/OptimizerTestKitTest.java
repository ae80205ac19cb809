package nn.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nn.api.BaseOptimizer;
import nn.api.Config;
import nn.api.ElementwiseOptimizer;
import nn.api.Optimizer;
import nn.api.OptimizerProvider;
import nn.api.Variable;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class OptimizerTestKitTest {

    /** Heavy-ball momentum: v = 0.5 v + g, w = w - lr * v. */
    static final class Momentum extends BaseOptimizer {
        Momentum(Config config) {
            super("Momentum", config, 0.1);
        }

        @Override
        protected List<String> slotNames() {
            return List.of("velocity");
        }

        @Override
        protected void update(float[] w, float[] g, int n, FMatrixRMaj[] slots, float lr) {
            float[] v = slots[0].data;
            for (int i = 0; i < n; i++) {
                v[i] = 0.5f * v[i] + g[i];
                w[i] -= lr * v[i];
            }
        }

        @Override
        protected void putConfig(Map<String, Object> config) {
        }
    }

    /** Claims to be elementwise but scales each step by the first gradient of the range it is given. */
    static final class RangeScaled extends ElementwiseOptimizer {
        RangeScaled(Config config) {
            super("Momentum", config, 0.1); // the test provider's name
        }

        @Override
        protected List<String> slotNames() {
            return List.of();
        }

        @Override
        protected void update(float[] w, float[] g, int from, int to, FMatrixRMaj[] slots, float lr) {
            float scale = from < to ? 1f + Math.abs(g[from]) : 1f;
            for (int i = from; i < to; i++) {
                w[i] -= lr * g[i] / scale;
            }
        }

        @Override
        protected void putConfig(Map<String, Object> config) {
        }
    }

    /** Delegates to a {@link Momentum}, with one behaviour broken. */
    private static class Broken implements Optimizer {
        final Momentum inner;

        Broken(Config config) {
            inner = new Momentum(config);
        }

        @Override
        public String type() {
            return inner.type();
        }

        @Override
        public void build(List<Variable> variables) {
            inner.build(variables);
        }

        @Override
        public void apply(List<Variable> variables) {
            inner.apply(variables);
        }

        @Override
        public long iterations() {
            return inner.iterations();
        }

        @Override
        public void setIterations(long iterations) {
            inner.setIterations(iterations);
        }

        @Override
        public Map<String, FMatrixRMaj> slots() {
            return inner.slots();
        }

        @Override
        public Map<String, Object> config() {
            return inner.config();
        }
    }

    private static OptimizerProvider provider(Function<Config, Optimizer> factory) {
        return new OptimizerProvider() {
            @Override
            public String name() {
                return "Momentum";
            }

            @Override
            public Optimizer create(Config config) {
                return factory.apply(config);
            }
        };
    }

    /** w = [1, -2], g = [1, 1]: v = [1, 1], w = [0.9, -2.1]; then v = [1.5, 1.5], w = [0.75, -2.25]. */
    @Test
    void aCorrectOptimizerPasses() {
        OptimizerTestKit.of(provider(Momentum::new)).expectSlots("velocity").weights(1f, -2f)
                .step(new float[] {1f, 1f}, new float[] {0.9f, -2.1f})
                .step(new float[] {1f, 1f}, new float[] {0.75f, -2.25f}).run();
    }

    @Test
    void aWrongHandComputedStepFails() {
        assertThrows(AssertionFailedError.class, () -> OptimizerTestKit.of(provider(Momentum::new)).weights(1f)
                .step(new float[] {1f}, new float[] {0.8f}).run());
    }

    @Test
    void wrongSlotNamesFail() {
        assertThrows(AssertionFailedError.class,
                () -> OptimizerTestKit.of(provider(Momentum::new)).expectSlots("momentum").run());
    }

    @Test
    void slotsThatAreCopiesFailToResume() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> OptimizerTestKit.of(provider(c ->
                new Broken(c) {
                    @Override
                    public Map<String, FMatrixRMaj> slots() {
                        Map<String, FMatrixRMaj> copies = new LinkedHashMap<>();
                        inner.slots().forEach((key, value) -> copies.put(key, value.copy()));
                        return copies;
                    }
                })).run());
        assertTrue(e.getMessage().contains("resum"), e.getMessage());
    }

    @Test
    void touchingANonTrainableVariableFails() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> OptimizerTestKit.of(provider(c ->
                new Broken(c) {
                    @Override
                    public void apply(List<Variable> variables) {
                        super.apply(variables);
                        variables.stream().filter(v -> !v.trainable()).forEach(v -> v.value().data[0] += 1f);
                    }
                })).run());
        assertTrue(e.getMessage().contains("non-trainable"), e.getMessage());
    }

    @Test
    void anUpdateThatDependsOnItsRangeFails() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> OptimizerTestKit.of(provider(RangeScaled::new)).expectSlots().run());
        assertTrue(e.getMessage().contains("cut into ranges"), e.getMessage());
    }

    @Test
    void aConfigThatDoesNotRoundTripFails() {
        assertThrows(AssertionFailedError.class, () -> OptimizerTestKit.of(provider(c ->
                new Broken(c) {
                    @Override
                    public Map<String, Object> config() {
                        Map<String, Object> config = new LinkedHashMap<>(inner.config());
                        config.put("learning_rate", 0.2);
                        return config;
                    }
                })).run());
    }
}
