package nn.app.report;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nn.io.AtomicFile;
import nn.core.History;

/**
 * The training history as CSV, one row per epoch (as Keras's CSVLogger):
 * {@code epoch,loss,accuracy,val_loss,val_accuracy,seconds}, epochs from 1, values at full
 * precision. Written atomically, so a crash never leaves a partial file.
 */
public final class HistoryCsv {

    private HistoryCsv() {
    }

    public static void write(History history, Path file) {
        write(history.asMap(), history.epochSeconds(), file);
    }

    /** The columns in the map's order; each list holds one value per epoch. */
    static void write(Map<String, List<Double>> values, List<Double> seconds, Path file) {
        AtomicFile.write(file, out -> {
            Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            csv.write("epoch," + String.join(",", values.keySet()) + ",seconds\n");
            for (int epoch = 0; epoch < seconds.size(); epoch++) {
                StringBuilder row = new StringBuilder().append(epoch + 1);
                for (List<Double> column : values.values()) {
                    row.append(',').append(epoch < column.size() ? Double.toString(column.get(epoch)) : "");
                }
                csv.write(row.append(',').append(seconds.get(epoch)).append('\n').toString());
            }
            csv.flush();
        });
    }
}
