package nn.app.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import nn.api.NnException;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code compare.png}: validation accuracy, validation loss and training loss per epoch, side by
 * side, a curve per model (the mean over its seeds) in the same color in every panel, over a
 * translucent band from the lowest to the highest seed when there are several.
 */
public final class ComparisonChart {
    /** The panels: the logged value, the panel's title and its y axis. */
    private static final List<List<String>> PANELS = List.of(
            List.of(ComparisonRow.ACCURACY, "Validation accuracy", "Accuracy"),
            List.of("val_loss", "Validation loss", "Loss"),
            List.of("loss", "Training loss", "Loss"));
    private static final int BAND_ALPHA = 50;

    private ComparisonChart() {
    }

    /** Writes the PNG (atomically), three panels of {@link TrainingCurves#PANEL_WIDTH} side by side. */
    public static void write(List<ModelRuns> models, Path png) {
        if (models.isEmpty()) {
            throw new NnException(png + ": no models to draw");
        }
        int seeds = models.stream().mapToInt(m -> m.seeds().size()).max().orElseThrow();
        List<XYChart> panels = new ArrayList<>();
        for (List<String> panel : PANELS) {
            panels.add(panel(models, panel.get(0), panel.get(1) + subtitle(seeds), panel.get(2)));
        }
        EpochPanel.save(panels, png);
    }

    private static String subtitle(int seeds) {
        return seeds == 1 ? "" : " (mean of " + seeds + " seeds, band: min to max)";
    }

    private static XYChart panel(List<ModelRuns> models, String name, String title, String yAxisTitle) {
        List<SeedBand> bands = models.stream().map(m -> m.band(name)).toList();
        XYChart chart = EpochPanel.create(title, yAxisTitle, bands.get(0).epochs());
        List<Double> drawn = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            drawn.addAll(bands.get(m).min());
            drawn.addAll(bands.get(m).max());
            if (models.get(m).seeds().size() > 1) {
                area(chart, models.get(m).model() + " band", bands.get(m), color(m));
            }
        }
        // the curves after every band, so that no band covers another model's curve; the levels last, in the legend too
        for (int m = 0; m < models.size(); m++) {
            EpochPanel.line(chart, models.get(m).model(), bands.get(m).mean(), color(m));
        }
        if (name.equals(ComparisonRow.ACCURACY)) {
            levels(chart, drawn, bands.get(0).epochs());
        }
        EpochPanel.finish(chart, drawn);
        return chart;
    }

    /**
     * The val_accuracy levels of the table's "epoch to" columns, as dashed lines where the curves
     * pass, with one legend entry for all.
     */
    private static void levels(XYChart chart, List<Double> drawn, int epochs) {
        double low = Collections.min(drawn);
        double high = Collections.max(drawn);
        List<Double> passed = ComparisonRow.THRESHOLDS.stream().filter(level -> level >= low && level <= high).toList();
        String label = passed.stream().map(level -> Math.round(level * 100) + "%").collect(Collectors.joining(", "));
        for (double level : passed) {
            XYSeries line = chart.addSeries(level == passed.get(0) ? label : level + " level",
                    List.of(1.0, (double) Math.max(epochs, 2)), List.of(level, level));
            line.setLineColor(Color.GRAY);
            line.setLineStyle(SeriesLines.DASH_DASH);
            line.setMarker(SeriesMarkers.NONE);
            line.setShowInLegend(level == passed.get(0));
        }
    }

    /** The band as one closed polygon: along the highest values, then back along the lowest. */
    private static void area(XYChart chart, String label, SeedBand band, Color color) {
        List<Double> epochs = EpochPanel.epochs(band.epochs());
        XYSeries series = chart.addSeries(label, thereAndBack(epochs, epochs), thereAndBack(band.max(), band.min()));
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        series.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), BAND_ALPHA));
        series.setLineStyle(SeriesLines.NONE);
        series.setMarker(SeriesMarkers.NONE);
        series.setShowInLegend(false);
    }

    /** {@code there}, then {@code back} from its end. */
    private static List<Double> thereAndBack(List<Double> there, List<Double> back) {
        List<Double> path = new ArrayList<>(there);
        List<Double> reversed = new ArrayList<>(back);
        Collections.reverse(reversed);
        path.addAll(reversed);
        return path;
    }

    private static Color color(int model) {
        return EpochPanel.COLORS.get(model % EpochPanel.COLORS.size());
    }
}
