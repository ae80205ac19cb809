package nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import nn.api.Shape;
import nn.core.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CNN presets (layers from the nn-layers-conv plugin): Keras's summary, and every format round trip. */
class CnnPresetsTest {
    @TempDir
    Path dir;

    @Test
    void cnnBnSummaryAsKerasPrintsIt() {
        Sequential model = PresetsTest.build("cnn-bn");
        assertEquals(List.of("Reshape", "Conv2D", "BatchNormalization", "Activation", "MaxPooling2D", "Conv2D",
                "BatchNormalization", "Activation", "MaxPooling2D", "Flatten", "Dense", "BatchNormalization", "Activation",
                "Dropout", "Dense"), PresetsTest.layerTypes(model));
        String summary = model.summary();
        for (String row : List.of(
                " reshape (Reshape)           (None, 28, 28, 1)         0         ",
                " conv2d (Conv2D)             (None, 28, 28, 32)        288       ",
                " batch_normalization (BatchN (None, 28, 28, 32)        128       ",
                " max_pooling2d (MaxPooling2D (None, 14, 14, 32)        0         ",
                " conv2d_1 (Conv2D)           (None, 14, 14, 64)        18432     ",
                " max_pooling2d_1 (MaxPooling (None, 7, 7, 64)          0         ",
                " flatten (Flatten)           (None, 3136)              0         ",
                " dense (Dense)               (None, 128)               401408    ",
                "Total params: 422,314",
                "Trainable params: 421,866",
                "Non-trainable params: 448")) {
            assertTrue(summary.contains(row), () -> "missing '" + row + "' in\n" + summary);
        }
        assertEquals(Shape.of(3, 3, 32, 64), model.layer("conv2d_1").variable("kernel").shape());
    }

    @Test
    void cnnNoBnHasBiasesAndNoBatchNormalization() {
        Sequential model = PresetsTest.build("cnn-no-bn");
        assertEquals(List.of("Reshape", "Conv2D", "MaxPooling2D", "Conv2D", "MaxPooling2D", "Flatten", "Dense", "Dropout",
                "Dense"), PresetsTest.layerTypes(model));
        assertTrue(model.summary().contains("Total params: 421,642"), model.summary());
        assertEquals(List.of("conv2d/kernel:0", "conv2d/bias:0"),
                model.layer("conv2d").weights().stream().map(v -> v.path()).toList());
    }

    /** What Keras 2 writes for a CNN whose InputLayer is (28, 28, 1): the launcher's 784 columns fit it. */
    @Test
    void aKeras2CnnWithAChannelInputLoads() {
        Sequential model = ModelFiles.parse("""
                {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
                  {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 28, 28, 1], "dtype": "float32",
                    "sparse": false, "ragged": false, "name": "conv2d_input"}},
                  {"class_name": "Conv2D", "config": {"name": "conv2d", "trainable": true, "dtype": "float32",
                    "batch_input_shape": [null, 28, 28, 1], "filters": 8, "kernel_size": [5, 5], "strides": [2, 2],
                    "padding": "same", "data_format": "channels_last", "dilation_rate": [1, 1], "groups": 1,
                    "activation": "relu", "use_bias": true, "kernel_initializer": {"class_name": "HeNormal",
                    "config": {"seed": null}}, "bias_initializer": {"class_name": "Zeros", "config": {}},
                    "kernel_regularizer": null, "bias_regularizer": null, "activity_regularizer": null,
                    "kernel_constraint": null, "bias_constraint": null}},
                  {"class_name": "AveragePooling2D", "config": {"name": "average_pooling2d", "trainable": true,
                    "dtype": "float32", "pool_size": [3, 3], "padding": "same", "strides": [2, 2],
                    "data_format": "channels_last"}},
                  {"class_name": "GlobalAveragePooling2D", "config": {"name": "global_average_pooling2d",
                    "trainable": true, "dtype": "float32", "data_format": "channels_last", "keepdims": false}},
                  {"class_name": "Dense", "config": {"name": "dense", "units": 10, "activation": "softmax"}}]},
                 "keras_version": "2.13.1", "backend": "tensorflow"}
                """, "cnn.json").build(PresetsTest.REGISTRY, nn.api.BuildContext.seeded(1));
        assertEquals(Shape.of(28, 28, 1), model.inputShape());
        assertEquals(List.of(Shape.of(14, 14, 8), Shape.of(7, 7, 8), Shape.of(8), Shape.of(10)),
                model.layers().stream().map(l -> l.outputShape()).toList());
        assertEquals(5 * 5 * 8 + 8 + 8 * 10 + 10, model.weights().stream().mapToInt(v -> v.size()).sum());
    }

    /** Dropout's masks are not saved, so this checks weights and predictions, not further training. */
    @ParameterizedTest
    @CsvSource({"cnn-bn, model.zip, nn", "cnn-bn, model.h5, h5", "cnn-bn, model.keras, keras", "cnn-bn, tfjs, tfjs",
            "cnn-no-bn, model.keras, keras"})
    void aTrainedCnnComesBackFromEveryFormat(String preset, String file, String format) {
        Sequential model = FormatFixtures.trainedPreset(preset);
        Path path = dir.resolve(file);
        Models.save(model, path, format);
        FormatFixtures.assertSameModel(model, FormatFixtures.load(path));
    }
}
