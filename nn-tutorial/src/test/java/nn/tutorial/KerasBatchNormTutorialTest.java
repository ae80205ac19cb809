package nn.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nn.api.Layer;
import nn.api.Variable;
import nn.core.FitConfig;
import nn.core.History;
import nn.core.LabeledData;
import nn.core.Sequential;
import nn.testkit.LayerTestKit;
import org.junit.jupiter.api.Test;

/** The tutorial's exact architectures, trained end to end through the public API on learnable synthetic images. */
class KerasBatchNormTutorialTest {

    @Test
    void theMainModelHasTheTutorialsParameterCountsAndVariableNames() {
        Sequential model = KerasBatchNormTutorial.bnBeforeActivation(42);
        String summary = model.summary();
        assertTrue(summary.contains("Total params: 318,610"), summary);
        assertTrue(summary.contains("Trainable params: 317,410"), summary);
        assertTrue(summary.contains("Non-trainable params: 1,200"), summary);
        Layer bn = model.layer(2);
        assertEquals("batch_normalization", bn.name());
        assertEquals(List.of("batch_normalization/gamma:0", "batch_normalization/beta:0",
                "batch_normalization/moving_mean:0", "batch_normalization/moving_variance:0"),
                bn.weights().stream().map(Variable::path).toList());
        assertEquals(List.of("flatten", "dense", "batch_normalization", "activation", "dense_1", "batch_normalization_1",
                "activation_1", "dense_2", "batch_normalization_2", "activation_2", "dense_3"),
                model.layers().stream().map(Layer::name).toList());
    }

    @Test
    void theVariantHasTheSameParameterCounts() {
        String summary = KerasBatchNormTutorial.bnAfterActivation(42).summary();
        assertTrue(summary.contains("Total params: 318,610"), summary);
        assertTrue(summary.contains("Non-trainable params: 1,200"), summary);
    }

    @Test
    void bnBeforeActivationLearns() {
        trainsToHighAccuracy(KerasBatchNormTutorial.bnBeforeActivation(7));
    }

    @Test
    void bnAfterActivationLearns() {
        trainsToHighAccuracy(KerasBatchNormTutorial.bnAfterActivation(7));
    }

    private static void trainsToHighAccuracy(Sequential model) {
        LabeledData train = SyntheticImages.generate(1200, 1);
        LabeledData validation = SyntheticImages.generate(300, 2);
        KerasBatchNormTutorial.compile(model);
        History history = model.fit(train, validation, FitConfig.epochs(3).withSeed(3));
        assertTrue(history.last("val_accuracy") > 0.95, "val accuracy per epoch: " + history.get("val_accuracy"));
        assertTrue(history.last("loss") < history.get("loss").get(0), "loss per epoch: " + history.get("loss"));
        // the moving statistics moved away from their initial zeros and ones
        Variable movingMean = model.layer(2).variable("moving_mean");
        assertTrue(movingMean.value().data[0] != 0f);
        LayerTestKit.assertFinite(model.layer(2).variable("moving_variance").value(), "moving variance");
        assertEquals(3 * ((1200 + 31) / 32), model.optimizer().iterations());
    }
}
