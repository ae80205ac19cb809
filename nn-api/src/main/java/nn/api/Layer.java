package nn.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ejml.data.FMatrixRMaj;

/**
 * A layer of a network, after Keras's layer contract. It is built once from the shape of one input
 * sample, then maps a batch (one row a sample, {@code inputShape().size()} columns) forward, with a
 * training flag, and backward. Buffers it returns are its own and are reused by the next call.
 * Most layers extend {@link BaseLayer}, which implements the bookkeeping.
 */
public interface Layer {

    /** Keras class name, e.g. {@code Dense}; also the name its provider is found by. */
    String type();

    /** Unique name within a model, e.g. {@code dense_1}; weights are named after it. */
    String name();

    /** Names the layer; only before it is built, since its weights' paths carry the name. */
    void setName(String name);

    /** A frozen (not trainable) layer has no trainable weights and runs in inference mode. */
    boolean isTrainable();

    void setTrainable(boolean trainable);

    /** The input shape from the configuration ({@code input_shape}), if the layer was given one. */
    Optional<Shape> declaredInputShape();

    /** Creates the weights for inputs of this shape and fixes the output shape. */
    void build(Shape inputShape, BuildContext context);

    boolean isBuilt();

    Shape inputShape();

    Shape outputShape();

    /**
     * Maps a batch forward. In training mode the layer keeps what its backward pass needs.
     *
     * @param input {@code batch x inputShape().size()}; must not be changed until backward
     * @return {@code batch x outputShape().size()}, owned by the layer
     */
    FMatrixRMaj forward(FMatrixRMaj input, boolean training);

    /**
     * Back-propagates the gradient of the loss for the last training-mode forward pass: overwrites
     * the gradients of the trainable weights and returns the gradient with respect to the input.
     *
     * @param inputGradientNeeded false for the first layers of a model, which may then return null
     */
    FMatrixRMaj backward(FMatrixRMaj outputGradient, boolean inputGradientNeeded);

    /**
     * {@link #backward(FMatrixRMaj, boolean)}, handing ranges of trainable variables' gradients to
     * {@code updates} as they become final, for an optimizer step fused into the backward pass (see
     * {@link EarlyUpdates}). By default the plain backward pass: the trainer then updates this
     * layer's variables after it.
     */
    default FMatrixRMaj backward(FMatrixRMaj outputGradient, boolean inputGradientNeeded, EarlyUpdates updates) {
        return backward(outputGradient, inputGradientNeeded);
    }

    /** All weights in Keras order (for BatchNormalization: gamma, beta, moving_mean, moving_variance). */
    List<Variable> weights();

    /** The weights an optimizer updates: none when the layer is frozen. */
    default List<Variable> trainableWeights() {
        return isTrainable() ? weights().stream().filter(Variable::trainable).toList() : List.of();
    }

    default List<Variable> nonTrainableWeights() {
        return isTrainable() ? weights().stream().filter(v -> !v.trainable()).toList() : weights();
    }

    default int countParams() {
        return weights().stream().mapToInt(Variable::size).sum();
    }

    /** The weight with this Keras path, e.g. {@code batch_normalization/gamma:0}, or its short name {@code gamma}. */
    default Variable variable(String name) {
        for (Variable v : weights()) {
            if (v.path().equals(name) || v.path().equals(name() + "/" + name + ":0")) {
                return v;
            }
        }
        throw new NnException("layer " + name() + " has no variable '" + name + "'; it has "
                + weights().stream().map(Variable::path).toList());
    }

    /**
     * True when training-mode {@link #forward} draws random numbers (Dropout's masks) from a generator
     * the layer took from its {@link BuildContext}. A model with such a layer that has trained on does
     * not compute what a fresh build from the same seed would, so data-parallel workers build it anew
     * each round instead of reusing a copy, and runs repeat wherever their rounds ran.
     */
    default boolean usesRandomnessInTraining() {
        return false;
    }

    /** Keras configuration ({@code get_config()}): enough for the provider to create the layer again. */
    Map<String, Object> config();
}
