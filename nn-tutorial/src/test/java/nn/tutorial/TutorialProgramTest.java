package nn.tutorial;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import nn.api.Dataset;
import nn.api.Shape;
import nn.core.LabeledData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java program: shown there as it is in the source, and it trains, saves and loads. */
class TutorialProgramTest {
    private static final Path SOURCE = Path.of("src/main/java/nn/tutorial/TutorialProgram.java");
    private static final Path README = Path.of("../README.md");

    @TempDir
    Path dir;

    @Test
    void theReadmeShowsTheProgramAsItIs() throws IOException {
        String program = Files.readString(SOURCE);
        String readme = Files.readString(README);
        assertTrue(readme.contains("```java\n" + program + "```\n"),
                "README.md must show " + SOURCE + " whole and unchanged in a java block; copy it there again");
    }

    @Test
    void theProgramTrainsSavesAndLoadsTheModel() {
        LabeledData train = SyntheticImages.asPixelBytes(SyntheticImages.generate(5200, 1));
        LabeledData test = SyntheticImages.asPixelBytes(SyntheticImages.generate(300, 2));
        Dataset data = new Dataset("synthetic", Shape.of(28, 28), Collections.nCopies(10, "class"),
                train.features(), train.targets(), test.features(), test.targets());
        Path file = dir.resolve("tutorial.zip");
        Map<String, Double> scores = TutorialProgram.run(data, 1, file);
        assertTrue(Files.isRegularFile(file), file + " was not written");
        assertTrue(scores.get("accuracy") > 0.9, "the loaded model's test scores: " + scores);
    }
}
