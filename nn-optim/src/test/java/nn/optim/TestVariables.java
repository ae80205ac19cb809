package nn.optim;

import java.util.List;
import nn.api.BaseOptimizer;
import nn.api.Shape;
import nn.api.Variable;

/** Tiny variables for optimizer tests: one row of values, with a gradient set by hand. */
final class TestVariables {
    private TestVariables() {
    }

    static Variable trainable(String path, float... values) {
        Variable variable = new Variable(path, Shape.of(values.length), true);
        variable.assign(values);
        return variable;
    }

    static Variable frozen(String path, float... values) {
        Variable variable = new Variable(path, Shape.of(values.length), false);
        variable.assign(values);
        return variable;
    }

    static void setGradient(Variable variable, float... gradient) {
        System.arraycopy(gradient, 0, variable.gradient().data, 0, gradient.length);
    }

    /** One optimizer step on one variable with this gradient. */
    static void step(BaseOptimizer optimizer, Variable variable, float... gradient) {
        setGradient(variable, gradient);
        optimizer.apply(List.of(variable));
    }

    static double[] values(Variable variable) {
        double[] values = new double[variable.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = variable.value().data[i];
        }
        return values;
    }
}
