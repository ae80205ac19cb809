package nn.app.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nn.io.AtomicFile;
import nn.io.ModelArchive;
import nn.core.TrainingListener;

/**
 * Saves the model after every epoch, as Keras's {@code ModelCheckpoint} does: {@code checkpoints/last.zip}
 * always, and {@code checkpoints/best.zip} when the epoch has the lowest val_loss so far (the loss
 * without validation data). Each is a {@link ModelArchive} (weights, optimizer state) whose state holds
 * the {@link TrainingProgress} and the run's settings, written whole or not at all, so a run killed
 * at any moment leaves a last checkpoint that loads, and {@code train --resume} continues from it.
 */
public final class Checkpointer implements TrainingListener {
    static final String LAST = "checkpoints/last.zip";
    static final String BEST = "checkpoints/best.zip";

    private final TrainingStart start;
    private final Path last;
    private final Path best;
    private final Map<String, Object> run;
    private TrainingProgress progress;

    public Checkpointer(TrainingStart start, Path runFolder, Map<String, Object> run) {
        this.start = start;
        this.last = runFolder.resolve(LAST);
        this.best = runFolder.resolve(BEST);
        this.run = run;
    }

    @Override
    public void onTrainBegin(int epochs, int stepsPerEpoch, int samples) {
        progress = start.progress();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, double seconds) {
        progress = progress.after(epoch, logs, seconds);
        Map<String, Object> state = progress.toState(run);
        ModelArchive.save(last, start.model(), state);
        if (progress.bestIsLast()) {
            // the same archive, copied: saving it again would compress the weights again
            AtomicFile.write(best, out -> Files.copy(last, out));
        }
    }
}
