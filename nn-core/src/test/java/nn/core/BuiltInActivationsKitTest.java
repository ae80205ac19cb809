package nn.core;

import java.util.Map;
import nn.testkit.ActivationTestKit;
import org.junit.jupiter.api.Test;

/** Every built-in activation through the one harness, with its limits at -infinity and +infinity. */
class BuiltInActivationsKitTest {

    @Test
    void relu() {
        ActivationTestKit.of(new Relu()).limits(0f, Float.POSITIVE_INFINITY).run();
    }

    @Test
    void sigmoidAndTanh() {
        ActivationTestKit.of(new Sigmoid()).limits(0f, 1f).run();
        ActivationTestKit.of(new Tanh()).limits(-1f, 1f).run();
    }

    @Test
    void linear() {
        ActivationTestKit.of(new Linear()).limits(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY).run();
    }

    @Test
    void eluAndLeakyRelu() {
        ActivationTestKit.of(new Elu()).limits(-1f, Float.POSITIVE_INFINITY).run();
        ActivationTestKit.of(new LeakyRelu()).limits(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY).run();
        ActivationTestKit.of(new LeakyRelu()).config(Map.of("alpha", 0.1)).run();
    }

    /** gelu(-infinity) is -infinity * 0, NaN, in TensorFlow too. */
    @Test
    void gelu() {
        ActivationTestKit.of(new Gelu()).limits(Float.NaN, Float.POSITIVE_INFINITY).run();
    }

    @Test
    void softmaxRowByRow() {
        ActivationTestKit.of(new Softmax()).run();
    }
}
