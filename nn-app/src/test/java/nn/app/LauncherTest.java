package nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end, in-process, on tiny Fashion-MNIST files. */
class LauncherTest {
    @TempDir
    static Path home;
    static Path data;
    static Path run;
    static Launcher trained;

    @BeforeAll
    static void trainOnce() throws IOException {
        data = TinyFashionMnist.write(home.resolve("data"), 96, 40);
        run = home.resolve("run");
        trained = Launcher.run(home, "train", "--data", data.toString(), "--epochs", "2", "--batch-size", "16",
                "--out", run.toString(), "--verbose", "2");
    }

    @Test
    void trainPrintsKerasProgressAndWritesEveryOutput() throws IOException {
        assertEquals(0, trained.exitCode, trained::toString);
        assertTrue(trained.out.contains("Epoch 1/2\n"), trained::toString);
        assertTrue(trained.out.contains("Epoch 2/2\n"), trained::toString);
        assertTrue(trained.out.matches("(?s).*6/6 \\[=+\\] - \\d+s \\d+(us|ms)/step - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4}"
                + " - val_loss: \\d\\.\\d{4} - val_accuracy: \\d\\.\\d{4}\n.*"), trained::toString);
        assertTrue(trained.out.matches("(?s).*\n3/3 \\[=+\\] - \\d+s \\d+(us|ms)/step - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4}\n.*"),
                trained::toString);
        List<String> history = Files.readAllLines(run.resolve("history.csv"));
        assertEquals("epoch,loss,accuracy,val_loss,val_accuracy,seconds", history.get(0));
        assertEquals(3, history.size());
        for (String file : List.of("run.json", "model.zip", "curves.png")) {
            assertTrue(Files.size(run.resolve(file)) > 0, file);
        }
        assertEquals("", trained.err);
    }

    @Test
    void evaluateGivesTheSavedModelsTestScoresAsTrainPrintedThem() {
        Launcher evaluated = Launcher.run(home, "evaluate", "--model-file", run.resolve("model.zip").toString(),
                "--data", data.toString(), "--batch-size", "16");
        assertEquals(0, evaluated.exitCode, evaluated::toString);
        String scores = evaluated.out.substring(evaluated.out.indexOf(" - loss:"));
        assertTrue(trained.out.contains(scores), "train printed\n" + trained.out + "evaluate printed\n" + evaluated.out);
    }

    @Test
    void summaryOfTheDefaultModelIsTheTutorials() {
        Launcher summary = Launcher.run(home, "summary");
        assertEquals(0, summary.exitCode, summary::toString);
        assertTrue(summary.out.contains("Total params: 318,610\nTrainable params: 317,410\nNon-trainable params: 1,200\n"),
                summary::toString);
    }

    @Test
    void variablesOfLayerTwoAreTheBatchNormalizationOnes() {
        Launcher variables = Launcher.run(home, "variables", "--layer", "2");
        assertEquals(0, variables.exitCode, variables::toString);
        assertEquals("""
                batch_normalization/gamma:0  shape=(300,)  trainable
                batch_normalization/beta:0  shape=(300,)  trainable
                batch_normalization/moving_mean:0  shape=(300,)  non-trainable
                batch_normalization/moving_variance:0  shape=(300,)  non-trainable
                """, variables.out);
        Launcher trainedValues = Launcher.run(home, "variables", "--layer", "2", "--values", "--model-file",
                run.resolve("model.zip").toString());
        assertEquals(0, trainedValues.exitCode, trainedValues::toString);
        assertTrue(!trainedValues.out.contains("[0.0, 0.0, 0.0"), "trained moving means should have moved");
    }

    @Test
    void pluginsListsEveryKindWithItsAliasesAndModule() {
        Launcher plugins = Launcher.run(home, "plugins");
        assertEquals(0, plugins.exitCode, plugins::toString);
        for (String line : List.of("layer       BatchNormalization (batch_normalization)", "activation  relu",
                "optimizer   SGD (sgd)", "optimizer   AdamW (adamw)", "metric      accuracy (acc)",
                "loss        sparse_categorical_crossentropy", "dataset     fashion_mnist (fashion-mnist, FashionMNIST)")) {
            assertTrue(plugins.out.contains(line), () -> line + " missing in\n" + plugins.out);
        }
        assertTrue(plugins.out.contains("nn.layers.bn"), plugins::toString);
    }

    @Test
    void optimizerAndActivationAreSwappedByName() throws IOException {
        Path out = home.resolve("swapped");
        Launcher swapped = Launcher.run(home, "train", "--data", data.toString(), "--epochs", "1", "--optimizer", "Adam",
                "--activation", "elu", "--model", "bn-after", "--out", out.toString(), "--verbose", "0");
        assertEquals(0, swapped.exitCode, swapped::toString);
        String json = Files.readString(out.resolve("run.json"));
        assertTrue(json.contains("\"optimizer\" : \"Adam\""), json);
    }
}
