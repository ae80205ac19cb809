package nn.core;

/** tanh(x); tanh' = 1 - y^2. */
public final class Tanh extends ElementwiseActivation {

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    float apply(float x) {
        return (float) Math.tanh(x);
    }

    @Override
    float derivative(float x, float y) {
        return 1f - y * y;
    }
}
