package nn.app.run;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import nn.app.OrderedFields;
import nn.app.report.HistoryCsv;
import nn.app.report.TrainingCurves;
import nn.core.History;
import nn.core.Sequential;
import nn.io.ModelArchive;

/**
 * The outputs of a finished run that a kill while they were written left missing (model.zip and
 * curves.png are written after the last epoch), made again from the last checkpoint: it holds the
 * trained model, its history and the run's settings.
 */
final class MissingOutputs {

    private MissingOutputs() {
    }

    /** Writes what is missing of run.json, history.csv, model.zip and curves.png; returns their names. */
    static List<String> rewrite(RunFolder folder, Sequential model, History history, RunConfig config) {
        List<String> written = new ArrayList<>();
        if (Files.notExists(folder.file("run.json"))) {
            JsonFiles.write(folder.file("run.json"), config.toMap());
            written.add("run.json");
        }
        if (Files.notExists(folder.file("history.csv"))) {
            HistoryCsv.write(history, folder.file("history.csv"));
            written.add("history.csv");
        }
        if (Files.notExists(folder.file("model.zip"))) {
            ModelArchive.save(folder.file("model.zip"), model, OrderedFields.of(ModelArchive.EPOCH, history.epochs(), "run", config.toMap()));
            written.add("model.zip");
        }
        if (Files.notExists(folder.file("curves.png"))) {
            TrainingCurves.write(history, folder.file("curves.png"));
            written.add("curves.png");
        }
        return written;
    }
}
