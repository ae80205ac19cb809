package nn.core;

import java.util.List;
import nn.api.FusesActivation;
import nn.api.Layer;
import nn.api.MaxSelecting;

/**
 * The order in which a Sequential runs its layers: as declared, except that an Activation layer
 * whose activation commutes with max runs after a {@link MaxSelecting} layer just after it (relu,
 * max-pool as max-pool, relu), on the pool's fewer outputs. The outputs and the gradients are the
 * same bit for bit; the layers, their names, shapes and weights stay as declared. A pool that is
 * the model's last layer keeps its place, so the last layer run is always the last declared.
 * A layer that {@link FusesActivation fuses activations} may apply the activation run right after it.
 */
final class ExecutionOrder {

    private ExecutionOrder() {
    }

    /** Position k holds the index of the layer run k-th. */
    static int[] of(List<Layer> layers) {
        int n = layers.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = 0; i + 2 < n; i++) {
            if (movesAfter(layers.get(i), layers.get(i + 1))) {
                order[i] = i + 1;
                order[i + 1] = i;
                i++;
            }
        }
        return order;
    }

    /** Whether {@code layer}, declared just before {@code next}, runs after it. */
    static boolean movesAfter(Layer layer, Layer next) {
        return layer instanceof ActivationLayer activation && activation.activation().commutesWithMax()
                && next instanceof MaxSelecting;
    }

    /**
     * By position in {@code order}: whether the layer run there may apply the activation run next
     * itself: it {@link FusesActivation fuses activations}, and the next is an Activation layer
     * declared right after it that is not the model's last (whose pre-activation a loss may read).
     */
    static boolean[] fusions(List<Layer> layers, int[] order) {
        boolean[] fuses = new boolean[order.length];
        for (int k = 0; k + 2 < order.length; k++) {
            fuses[k] = layers.get(order[k]) instanceof FusesActivation && order[k + 1] == order[k] + 1
                    && layers.get(order[k + 1]) instanceof ActivationLayer;
        }
        return fuses;
    }
}
