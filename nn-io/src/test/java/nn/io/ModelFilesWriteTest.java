package nn.io;

import nn.io.json.JsonValues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nn.api.BuildContext;
import nn.api.NnException;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelFilesWriteTest {
    static final PluginRegistry REGISTRY = PluginRegistry.discover();

    @ParameterizedTest
    @ValueSource(strings = {"bn-before", "bn-after", "no-bn"})
    void readingWhatWasWrittenRebuildsTheSameArchitecture(String preset) {
        Sequential model = PresetsTest.build(preset);
        String json = ModelFiles.toJson(model, CompileSpec.of(model));
        ModelDefinition back = ModelFiles.parse(json, "written.json");
        assertEquals(ModelDefinition.of(model, CompileSpec.of(model)).layers(), back.layers());
        assertEquals(CompileSpec.of(model), back.compileSpec());
        assertEquals(model.name(), back.name());
        assertEquals(model.inputShape(), back.inputShape().orElseThrow());

        Sequential rebuilt = back.build(REGISTRY, BuildContext.seeded(7));
        back.compile(rebuilt, REGISTRY);
        assertEquals(model.layers().size(), rebuilt.layers().size());
        for (int i = 0; i < model.layers().size(); i++) {
            assertEquals(model.layer(i).type(), rebuilt.layer(i).type());
            assertEquals(model.layer(i).config(), rebuilt.layer(i).config());
        }
        assertEquals(model.optimizer().config(), rebuilt.optimizer().config());
        assertEquals(model.summary(), rebuilt.summary());
        assertEquals(json, ModelFiles.toJson(rebuilt, CompileSpec.of(rebuilt)));
    }

    @Test
    void writesKerasStructureWithAnInputLayerFirst() {
        Sequential model = PresetsTest.build("bn-before");
        JsonNode root = JsonValues.parse(ModelFiles.toJson(model, CompileSpec.tutorial()), "x");
        assertEquals("Sequential", root.get("class_name").asText());
        assertEquals("tensorflow", root.get("backend").asText());
        assertEquals("2.13.1", root.get("keras_version").asText());
        JsonNode layers = root.get("config").get("layers");
        assertEquals(12, layers.size());
        JsonNode input = layers.get(0);
        assertEquals("InputLayer", input.get("class_name").asText());
        assertEquals("[null,28,28]", input.get("config").get("batch_input_shape").toString());
        assertEquals("flatten_input", input.get("config").get("name").asText());
        assertEquals("Flatten", layers.get(1).get("class_name").asText());
        assertEquals(300, layers.get(2).get("config").get("units").intValue());
        JsonNode training = root.get("training_config");
        assertEquals("sparse_categorical_crossentropy", training.get("loss").asText());
        assertEquals("[\"accuracy\"]", training.get("metrics").toString());
        assertEquals("{\"class_name\":\"SGD\",\"config\":{\"name\":\"SGD\",\"learning_rate\":0.01,\"decay\":1.0E-6,"
                + "\"momentum\":0.9,\"nesterov\":true}}", training.get("optimizer_config").toString());
    }

    @Test
    void aLossWithSettingsIsWrittenAsAKerasObject() {
        Sequential model = PresetsTest.build("no-bn");
        JsonNode loss = JsonValues.parse(ModelFiles.toJson(model, CompileSpec.of(model)), "x")
                .get("training_config").get("loss");
        assertEquals("{\"class_name\":\"sparse_categorical_crossentropy\",\"config\":{\"from_logits\":false}}",
                loss.toString());
    }

    @Test
    void withoutCompileSettingsNoTrainingConfigIsWritten() {
        Sequential model = PresetsTest.build("no-bn");
        ModelDefinition back = ModelFiles.parse(ModelFiles.toJson(model, null), "x.json");
        assertEquals(java.util.Optional.empty(), back.compile());
    }

    @Test
    void javaValuesBecomeJsonAndBack() {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("f", 0.01f);
        values.put("d", 1e-6);
        values.put("l", 1L << 40);
        values.put("n", null);
        values.put("list", Arrays.asList(1, null, "x"));
        assertEquals("{\"f\":0.01,\"d\":1.0E-6,\"l\":1099511627776,\"n\":null,\"list\":[1,null,\"x\"]}",
                JsonValues.toJson(values).toString());
        Map<String, Object> expected = new HashMap<>(values);
        expected.put("f", 0.01);
        assertEquals(expected, JsonValues.toJava(JsonValues.toJson(values)));
        assertEquals("cannot write NaN as JSON: only finite numbers are allowed",
                assertThrows(NnException.class, () -> JsonValues.toJson(List.of(Double.NaN))).getMessage());
        assertEquals("cannot write a java.lang.StringBuilder as JSON: x", assertThrows(NnException.class,
                () -> JsonValues.toJson(Map.of("k", new StringBuilder("x")))).getMessage());
    }
}
