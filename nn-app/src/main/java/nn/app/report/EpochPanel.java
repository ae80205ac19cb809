package nn.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.stream.IntStream;
import nn.io.AtomicFile;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The look of the charts of values per epoch (curves.png, compare.png): panels, lines, colors and file. */
final class EpochPanel {
    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    /** Matplotlib's tab10, so the charts look like the tutorial's. */
    static final List<Color> COLORS = List.of(new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
            new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207));
    /** Up to this many epochs, each point gets a marker (one epoch would be invisible without it). */
    private static final int MARKED_EPOCHS = 30;

    static {
        System.setProperty("java.awt.headless", "true"); // before AWT starts: charts are drawn without a display
    }

    private EpochPanel() {
    }

    /** An empty panel of {@code epochs} epochs along x, with the legend below it. */
    static XYChart create(String title, String yAxisTitle, int epochs) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle("Epoch").yAxisTitle(yAxisTitle).build();
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
                .setXAxisMax((double) Math.max(epochs, 2));
        return chart;
    }

    /** A curve of one value per epoch, from epoch 1. */
    static XYSeries line(XYChart chart, String label, List<Double> values, Color color) {
        XYSeries series = chart.addSeries(label, epochs(values.size()), values);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(values.size() <= MARKED_EPOCHS ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        series.setLineStyle(new BasicStroke(2f));
        return series;
    }

    /** 1, 2, ..., {@code count}. */
    static List<Double> epochs(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(e -> (double) e).toList();
    }

    /** To call once every curve is in: sets the axes for {@code values}, all the values drawn. */
    static void finish(XYChart chart, List<Double> values) {
        // XChart puts x ticks only at the data's x values when they are evenly spaced, as epochs are,
        // which crowds 60 epochs into "1 3 5 ... 59"; one off-grid point (NaN, never drawn) gives round steps.
        chart.addSeries("off-grid", List.of(1.5), List.of(Double.NaN)).setShowInLegend(false);
        padFlatYAxis(chart, values);
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

    /** {@code val_accuracy} -> {@code Val accuracy}, {@code sparse_categorical_accuracy} -> {@code Sparse categorical accuracy}. */
    static String title(String name) {
        String words = name.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The panels side by side in one PNG, written atomically. */
    static void save(List<XYChart> panels, Path png) {
        AtomicFile.write(png, out -> BitmapEncoder.saveBitmap(panels, 1, panels.size(), out, BitmapFormat.PNG));
    }
}
