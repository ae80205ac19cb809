package nn.app.report;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import nn.api.NnException;

/** One value per epoch over several seeds' runs: the mean, the lowest and the highest. */
public record SeedBand(List<Double> mean, List<Double> min, List<Double> max) {

    public SeedBand {
        mean = List.copyOf(mean);
        min = List.copyOf(min);
        max = List.copyOf(max);
    }

    /** @param curves one curve per seed, each one value per epoch, all of the same length */
    public static SeedBand of(List<List<Double>> curves) {
        if (curves.isEmpty() || curves.stream().anyMatch(c -> c.size() != curves.get(0).size())) {
            throw new NnException("seed curves must be one or more, of the same number of epochs");
        }
        List<Double> mean = new ArrayList<>();
        List<Double> min = new ArrayList<>();
        List<Double> max = new ArrayList<>();
        for (int epoch = 0; epoch < curves.get(0).size(); epoch++) {
            int e = epoch;
            DoubleSummaryStatistics values = curves.stream().mapToDouble(c -> c.get(e)).summaryStatistics();
            mean.add(values.getAverage());
            min.add(values.getMin());
            max.add(values.getMax());
        }
        return new SeedBand(mean, min, max);
    }

    public int epochs() {
        return mean.size();
    }
}
