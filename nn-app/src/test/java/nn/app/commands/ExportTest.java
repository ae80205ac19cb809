package nn.app.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nn.app.Launcher;
import nn.app.TinyFashionMnist;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nn export}, and every --model-file and {@code train --init} reading any format by its content. */
class ExportTest {
    @TempDir
    static Path home;
    static Path data;
    static Path model;

    @BeforeAll
    static void trainOnce() throws IOException {
        data = TinyFashionMnist.write(home.resolve("data"), 96, 40);
        Path run = home.resolve("run");
        Launcher trained = Launcher.run(home, "train", "--data", data.toString(), "--epochs", "1", "--batch-size", "16",
                "--out", run.toString(), "--verbose", "0");
        assertEquals(0, trained.exitCode, trained::toString);
        model = run.resolve("model.zip");
    }

    private static String scores(Path modelFile) {
        Launcher evaluated = Launcher.run(home, "evaluate", "--model-file", modelFile.toString(), "--data", data.toString());
        assertEquals(0, evaluated.exitCode, evaluated::toString);
        return evaluated.out.substring(evaluated.out.indexOf(" - loss:"));
    }

    @Test
    void anExportedModelEvaluatesAsTheOriginal() {
        Path folder = home.resolve("tfjs-model");
        Launcher exported = Launcher.run(home, "export", "--model-file", model.toString(), "--format", "tfjs",
                "--out", folder.toString());
        assertEquals(0, exported.exitCode, exported::toString);
        assertTrue(exported.out.startsWith("wrote " + folder + " (TensorFlow.js layers-model"), exported::toString);
        assertEquals(scores(model), scores(folder));
        assertEquals(scores(model), scores(folder.resolve("model.json")));

        Path back = home.resolve("back.zip");
        assertEquals(0, Launcher.run(home, "export", "--model-file", folder.toString(), "--format", "nn",
                "--out", back.toString()).exitCode);
        assertEquals(scores(model), scores(back));
    }

    @Test
    void variablesReadAnyFormat() {
        Path folder = home.resolve("tfjs-variables");
        Launcher.run(home, "export", "--model-file", model.toString(), "--format", "tfjs", "--out", folder.toString());
        Launcher fromZip = Launcher.run(home, "variables", "--model-file", model.toString(), "--layer", "2", "--values");
        Launcher fromTfjs = Launcher.run(home, "variables", "--model-file", folder.toString(), "--layer", "2", "--values");
        assertEquals(0, fromTfjs.exitCode, fromTfjs::toString);
        assertTrue(fromTfjs.out.contains("batch_normalization/moving_variance:0"), fromTfjs::toString);
        assertEquals(fromZip.out, fromTfjs.out);
    }

    @Test
    void trainInitStartsFromASavedModelsWeights() throws IOException {
        Path folder = home.resolve("tfjs-init");
        Launcher.run(home, "export", "--model-file", model.toString(), "--format", "tfjs", "--out", folder.toString());
        Path run = home.resolve("from-init");
        Launcher trained = Launcher.run(home, "train", "--init", folder.toString(), "--data", data.toString(), "--epochs", "1",
                "--batch-size", "16", "--out", run.toString(), "--verbose", "2");
        assertEquals(0, trained.exitCode, trained::toString);
        assertTrue(Files.readString(run.resolve("run.json")).contains(folder.toString()), "run.json names the starting model");
        // Its first epoch starts where the saved model ended: its validation loss is far from an untrained model's.
        Launcher fresh = Launcher.run(home, "train", "--data", data.toString(), "--epochs", "1", "--batch-size", "16",
                "--out", home.resolve("fresh").toString(), "--verbose", "2");
        assertTrue(!valLoss(fresh).equals(valLoss(trained)), trained + "\n" + fresh);
    }

    private static String valLoss(Launcher run) {
        String out = run.out;
        int at = out.indexOf("val_loss: ");
        return out.substring(at, at + 16);
    }

    @Test
    void badExportsAndInits() throws IOException {
        Launcher.run(home, "export", "--model-file", model.toString(), "--format", "onnx", "--out", "x")
                .assertError(2, "--format onnx: unknown; known formats: nn, ");
        Launcher.run(home, "export", "--model-file", data.resolve("t10k-labels-idx1-ubyte.gz").toString(), "--format",
                "tfjs", "--out", home.resolve("x").toString()).assertError(1, "t10k-labels-idx1-ubyte.gz: not a saved model");
        Path json = Files.writeString(home.resolve("plain.json"), "{\"class_name\": \"Sequential\", \"config\": {\"layers\": []}}");
        Launcher.run(home, "train", "--init", json.toString(), "--data", data.toString())
                .assertError(1, "--init " + json + ": not a saved model", "goes to --model");
        Launcher.run(home, "train", "--init", model.toString(), "--model", "no-bn", "--data", data.toString())
                .assertError(2, "--init and --model cannot both be given");
        Launcher.run(home, "train", "--init", home.resolve("nothing").toString(), "--data", data.toString())
                .assertError(1, "nothing: no such file or folder");
    }
}
