package nn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nn.api.Config;
import nn.api.ElementwiseActivation;
import nn.api.LayerProvider;
import nn.api.NnException;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

    @Test
    void discoversEveryBuiltInByName() {
        PluginRegistry registry = PluginRegistry.discover();
        assertEquals(List.of("Activation", "Dense", "Dropout", "Flatten"), registry.layers().names());
        assertEquals(List.of("elu", "gelu", "leaky_relu", "linear", "relu", "sigmoid", "softmax", "tanh"),
                registry.activations().names());
        assertEquals(List.of("categorical_crossentropy", "mean_squared_error", "sparse_categorical_crossentropy"),
                registry.losses().names());
        assertEquals(List.of("accuracy"), registry.metrics().names());
        assertEquals("nn.core", registry.layers().entries().get(0).origin());
        assertTrue(registry.clashes().isEmpty(), registry.clashes().toString());
    }

    @Test
    void createsByNameAliasAndQualifiedName() {
        PluginRegistry registry = PluginRegistry.discover();
        assertInstanceOf(Dense.class, registry.layer("Dense", Map.of("units", 3)));
        assertInstanceOf(Dense.class, registry.layer("nn.core/Dense", Map.of("units", 3)));
        assertInstanceOf(MeanSquaredError.class, registry.loss("mse", Map.of()));
        assertInstanceOf(Accuracy.class, registry.metric("acc"));
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        PluginRegistry registry = PluginRegistry.discover();
        NnException e = assertThrows(NnException.class, () -> registry.layer("Dens", Map.of()));
        assertEquals("unknown layer 'Dens'; known layers: Activation, Dense, Dropout, Flatten", e.getMessage());
        NnException optimizer = assertThrows(NnException.class, () -> registry.optimizer("SGD", Map.of()));
        assertEquals("unknown optimizer 'SGD'; known optimizers: ", optimizer.getMessage());
    }

    @Test
    void layersResolveActivationsThroughTheRegistrySoPluginActivationsWork() {
        PluginRegistry registry = PluginRegistry.of(new DenseProvider(), new Squash());
        Dense dense = (Dense) registry.layer("Dense", Map.of("units", 2, "activation", "squash"));
        assertEquals("squash", dense.activation().name());
        NnException e = assertThrows(NnException.class, () -> registry.layer("Dense", Map.of("units", 2, "activation", "relu")));
        assertEquals("layer Dense: unknown activation 'relu'; known activations: squash", e.getMessage());
    }

    @Test
    void aClashIsReportedAndTheFirstByOriginWinsDeterministically() {
        LayerProvider first = new DenseProvider();
        LayerProvider second = new LayerProvider() {
            @Override
            public String name() {
                return "Dense";
            }

            @Override
            public nn.api.Layer create(Config config) {
                return new Flatten(config);
            }
        };
        PluginRegistry registry = PluginRegistry.of(second, first);
        assertEquals(1, registry.clashes().size());
        assertTrue(registry.clashes().get(0).startsWith("layer 'Dense' is provided by nn.core and nn.core"),
                registry.clashes().get(0));
        assertSame(registry.layers().get("Dense"), PluginRegistry.of(first, second).layers().get("Dense"));
    }

    /** A stand-in for an activation from a plugin jar. */
    static final class Squash extends ElementwiseActivation {
        @Override
        public String name() {
            return "squash";
        }

        @Override
        protected float apply(float x) {
            return x / (1 + Math.abs(x));
        }

        @Override
        protected float derivative(float x, float y) {
            return 1 / ((1 + Math.abs(x)) * (1 + Math.abs(x)));
        }
    }
}
