package nn.core;

import java.util.List;
import java.util.Map;
import nn.api.Optimizer;
import nn.api.Variable;
import org.ejml.data.FMatrixRMaj;

/** w -= lr * g: the smallest optimizer, so nn-core's tests need no optimizer plugin. */
final class PlainGradientDescent implements Optimizer {
    private final float learningRate;
    private long iterations;

    PlainGradientDescent(float learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public String type() {
        return "PlainGradientDescent";
    }

    @Override
    public void build(List<Variable> variables) {
    }

    @Override
    public void apply(List<Variable> variables) {
        for (Variable v : variables) {
            float[] w = v.value().data;
            float[] g = v.gradient().data;
            for (int i = 0; i < v.size(); i++) {
                w[i] -= learningRate * g[i];
            }
        }
        iterations++;
    }

    @Override
    public long iterations() {
        return iterations;
    }

    @Override
    public void setIterations(long iterations) {
        this.iterations = iterations;
    }

    @Override
    public Map<String, FMatrixRMaj> slots() {
        return Map.of();
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("learning_rate", (double) learningRate);
    }
}
