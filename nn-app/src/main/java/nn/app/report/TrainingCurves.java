package nn.app.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nn.api.NnException;
import nn.core.History;
import org.knowm.xchart.XYChart;

/**
 * The training curves as one PNG: a panel for the loss and one for each metric (accuracy), side by
 * side, each with its training and (if there is one) validation curve per epoch.
 */
public final class TrainingCurves {
    public static final int PANEL_WIDTH = EpochPanel.WIDTH;
    public static final int PANEL_HEIGHT = EpochPanel.HEIGHT;

    private TrainingCurves() {
    }

    /** Writes the PNG (atomically), {@code PANEL_WIDTH} times the number of panels wide and {@code PANEL_HEIGHT} high. */
    public static void write(History history, Path png) {
        write(history.asMap(), png);
    }

    static void write(Map<String, List<Double>> values, Path png) {
        List<XYChart> panels = new ArrayList<>();
        for (String name : values.keySet()) {
            if (!name.startsWith("val_")) {
                panels.add(panel(name, values.get(name), values.get("val_" + name)));
            }
        }
        if (panels.isEmpty()) {
            throw new NnException(png + ": no training history to draw");
        }
        EpochPanel.save(panels, png);
    }

    private static XYChart panel(String name, List<Double> training, List<Double> validation) {
        String title = EpochPanel.title(name);
        XYChart chart = EpochPanel.create(title, title, training.size());
        EpochPanel.line(chart, "training", training, EpochPanel.COLORS.get(0));
        if (validation != null) {
            EpochPanel.line(chart, "validation", validation, EpochPanel.COLORS.get(1));
        }
        EpochPanel.finish(chart, validation == null ? training : concat(training, validation));
        return chart;
    }

    private static List<Double> concat(List<Double> a, List<Double> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
