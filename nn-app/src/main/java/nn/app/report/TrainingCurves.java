package nn.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nn.api.NnException;
import nn.app.files.AtomicFile;
import nn.core.History;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The training curves as one PNG: a panel for the loss and one for each metric (accuracy), side by
 * side, each with its training and (if there is one) validation curve per epoch.
 */
public final class TrainingCurves {
    public static final int PANEL_WIDTH = 640;
    public static final int PANEL_HEIGHT = 480;
    private static final Color TRAINING = new Color(31, 119, 180);
    private static final Color VALIDATION = new Color(255, 127, 14);
    /** Up to this many epochs, each point gets a marker (one epoch would be invisible without it). */
    private static final int MARKED_EPOCHS = 30;

    private TrainingCurves() {
    }

    /** Writes the PNG (atomically), {@code PANEL_WIDTH} times the number of panels wide and {@code PANEL_HEIGHT} high. */
    public static void write(History history, Path png) {
        write(history.asMap(), png);
    }

    static void write(Map<String, List<Double>> values, Path png) {
        System.setProperty("java.awt.headless", "true");
        List<XYChart> panels = new ArrayList<>();
        for (String name : values.keySet()) {
            if (!name.startsWith("val_")) {
                panels.add(panel(name, values.get(name), values.get("val_" + name)));
            }
        }
        if (panels.isEmpty()) {
            throw new NnException(png + ": no training history to draw");
        }
        AtomicFile.write(png, out -> BitmapEncoder.saveBitmap(panels, 1, panels.size(), out, BitmapFormat.PNG));
    }

    private static XYChart panel(String name, List<Double> training, List<Double> validation) {
        String title = title(name);
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                .title(title).xAxisTitle("Epoch").yAxisTitle(title).build();
        chart.getStyler()
                .setLegendPosition(LegendPosition.OutsideS)
                .setLegendLayout(LegendLayout.Horizontal)
                .setChartBackgroundColor(Color.WHITE)
                .setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16))
                .setMarkerSize(5);
        chart.getStyler()
                .setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13))
                .setXAxisDecimalPattern("0")
                .setXAxisMin(1.0)
                .setXAxisMax((double) Math.max(training.size(), 2));
        series(chart, "training", training, TRAINING);
        if (validation != null) {
            series(chart, "validation", validation, VALIDATION);
        }
        // XChart puts x ticks only at the data's x values when they are evenly spaced, as epochs are,
        // which crowds 60 epochs into "1 3 5 ... 59"; one off-grid point (NaN, never drawn) gives round steps.
        chart.addSeries("off-grid", List.of(1.5), List.of(Double.NaN)).setShowInLegend(false);
        padFlatYAxis(chart, validation == null ? training : concat(training, validation));
        return chart;
    }

    /** A flat curve (one epoch, or a constant value) would get a zero-height axis labelled with the raw value. */
    private static void padFlatYAxis(XYChart chart, List<Double> values) {
        DoubleSummaryStatistics range = values.stream().filter(Double::isFinite)
                .mapToDouble(Double::doubleValue).summaryStatistics();
        if (range.getCount() > 0 && range.getMax() - range.getMin() < 1e-9) {
            double pad = Math.max(Math.abs(range.getMax()) * 0.1, 0.1);
            chart.getStyler().setYAxisMin(range.getMin() - pad).setYAxisMax(range.getMax() + pad);
        }
    }

    private static List<Double> concat(List<Double> a, List<Double> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static void series(XYChart chart, String label, List<Double> values, Color color) {
        List<Double> epochs = IntStream.rangeClosed(1, values.size()).mapToObj(e -> (double) e).toList();
        XYSeries series = chart.addSeries(label, epochs, values);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(values.size() <= MARKED_EPOCHS ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        series.setLineStyle(new BasicStroke(2f));
    }

    /** {@code val_accuracy} -> {@code Accuracy}, {@code sparse_categorical_accuracy} -> {@code Sparse categorical accuracy}. */
    private static String title(String name) {
        String words = name.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
