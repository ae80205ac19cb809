package nn.core;

/** relu(x) = max(x, 0); the derivative at 0 is taken as 0, as TensorFlow does. */
public final class Relu extends ElementwiseActivation {

    @Override
    public String name() {
        return "relu";
    }

    @Override
    float apply(float x) {
        return x > 0f ? x : 0f;
    }

    @Override
    float derivative(float x, float y) {
        return x > 0f ? 1f : 0f;
    }
}
