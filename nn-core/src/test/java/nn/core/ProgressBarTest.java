package nn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void drawsTheBarAsKeras() {
        assertEquals("1875/1875 [==============================]", ProgressBar.bar(1875, 1875));
        assertEquals("  32/1875 [..............................]", ProgressBar.bar(32, 1875));
        // 30 * 938 / 1875 = 15 characters done, the last one an arrow
        assertEquals(" 938/1875 [==============>...............]", ProgressBar.bar(938, 1875));
    }

    @Test
    void formatsTimesAsKeras() {
        assertEquals("2ms/step", ProgressBar.perStep(0.0021));
        assertEquals("350us/step", ProgressBar.perStep(0.00035));
        assertEquals("3s/step", ProgressBar.perStep(3.2));
        assertEquals("42s", ProgressBar.eta(42));
        assertEquals("1:23", ProgressBar.eta(83));
        assertEquals("1:00:05", ProgressBar.eta(3605));
    }

    @Test
    void withoutATerminalPrintsOneFinishedLineAnEpoch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        Logs logs = new Logs(List.of("loss", "accuracy"));
        bar.onEpochBegin(3, 60);
        for (int step = 1; step <= 4; step++) {
            logs.set(0, 0.5);
            bar.onBatchEnd(3, step, 4, logs);
        }
        Map<String, Double> epoch = new LinkedHashMap<>();
        epoch.put("loss", 0.41234);
        epoch.put("accuracy", 0.85119);
        epoch.put("val_loss", 0.38711);
        epoch.put("val_accuracy", 0.86071);
        bar.onEpochEnd(3, epoch);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        assertEquals("Epoch 3/60", lines[0]);
        assertTrue(lines[1].matches("4/4 \\[=+\\] - \\d+s \\d+(us|ms|s)/step - loss: 0\\.4123 - accuracy: 0\\.8512"
                + " - val_loss: 0\\.3871 - val_accuracy: 0\\.8607"), lines[1]);
    }
}
