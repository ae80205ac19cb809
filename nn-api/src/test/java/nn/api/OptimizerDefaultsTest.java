package nn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/** What an optimizer written without {@link BaseOptimizer} gets for its learning rate. */
class OptimizerDefaultsTest {

    private static Optimizer configuredWith(Map<String, Object> config) {
        return new Optimizer() {
            public String type() {
                return "Plain";
            }

            public void build(List<Variable> variables) {
            }

            public void apply(List<Variable> variables) {
            }

            public long iterations() {
                return 0;
            }

            public void setIterations(long iterations) {
            }

            public Map<String, FMatrixRMaj> slots() {
                return Map.of();
            }

            public Map<String, Object> config() {
                return config;
            }
        };
    }

    @Test
    void theLearningRateIsTheConfiguredOne() {
        assertEquals(0.5f, configuredWith(Map.of("learning_rate", 0.5)).learningRate());
        NnException e = assertThrows(NnException.class, () -> configuredWith(Map.of()).learningRate());
        assertEquals("optimizer Plain has no learning_rate in its configuration", e.getMessage());
    }

    @Test
    void settingItIsRefusedUnlessTheOptimizerSaysItCan() {
        NnException e = assertThrows(NnException.class, () -> configuredWith(Map.of()).setLearningRate(0.1f));
        assertEquals("optimizer Plain cannot change its learning rate", e.getMessage());
    }
}
