package nn.core;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Keras's training output: {@code Epoch 3/60}, then
 * {@code 1875/1875 [==============================] - 3s 2ms/step - loss: 0.4123 - accuracy: 0.8512 - val_loss: ...}.
 * On a terminal the bar is redrawn in place (at most every 50 ms) with an ETA; otherwise only the
 * finished line of each epoch is printed, so logs stay readable.
 */
public final class ProgressBar implements TrainingListener {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 50_000_000L;

    private final PrintStream out;
    private final boolean live;
    private long epochStart;
    private long lastDraw;
    private int steps;
    private int lastLength;

    /** @param live redraw in place, for a terminal */
    public ProgressBar(PrintStream out, boolean live) {
        this.out = out;
        this.live = live;
    }

    @Override
    public void onEpochBegin(int epoch, int epochs) {
        out.println("Epoch " + epoch + "/" + epochs);
        out.flush();
        epochStart = System.nanoTime();
        lastDraw = 0;
        lastLength = 0;
    }

    @Override
    public void onBatchEnd(int epoch, int step, int steps, Logs logs) {
        this.steps = steps;
        long now = System.nanoTime();
        if (!live || step == steps || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double elapsed = (now - epochStart) / 1e9;
        StringBuilder line = new StringBuilder(bar(step, steps));
        line.append(" - ETA: ").append(eta(elapsed / step * (steps - step)));
        for (int i = 0; i < logs.names().size(); i++) {
            line.append(" - ").append(logs.names().get(i)).append(": ").append(format(logs.value(i)));
        }
        draw(line.toString());
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        draw(finishedLine(steps, (System.nanoTime() - epochStart) / 1e9, logs));
        out.println();
        out.flush();
    }

    /** The line of a finished pass: full bar, seconds, time a step, and the values. */
    public static String finishedLine(int steps, double seconds, Map<String, Double> logs) {
        StringBuilder line = new StringBuilder(bar(steps, steps));
        line.append(" - ").append(Math.round(seconds)).append("s ").append(perStep(seconds / Math.max(steps, 1)));
        logs.forEach((name, value) -> line.append(" - ").append(name).append(": ").append(format(value)));
        return line.toString();
    }

    private void draw(String line) {
        if (live) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else {
            out.print(line);
        }
        out.flush();
    }

    /** {@code   32/1875 [>.............................]}, as Keras draws it. */
    static String bar(int current, int target) {
        int digits = Integer.toString(target).length();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%" + digits + "d/%d [", current, target));
        int done = (int) ((long) WIDTH * current / target);
        if (done > 0) {
            sb.append("=".repeat(done - 1)).append(current < target ? '>' : '=');
        }
        sb.append(".".repeat(WIDTH - done)).append(']');
        return sb.toString();
    }

    static String perStep(double seconds) {
        if (seconds >= 1) {
            return Math.round(seconds) + "s/step";
        }
        if (seconds >= 1e-3) {
            return Math.round(seconds * 1e3) + "ms/step";
        }
        return Math.round(seconds * 1e6) + "us/step";
    }

    static String eta(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        return s + "s";
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
