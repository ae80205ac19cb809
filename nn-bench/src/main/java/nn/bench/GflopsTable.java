package nn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints GFLOP/s from the CSV of a {@link GemmBenchmark} run ({@code -rf csv -rff FILE}): one row
 * per product and shape, one column per kernels; GFLOP/s = 2 batch inputs units / time, twice
 * that for {@code gradients} (two products).
 */
public final class GflopsTable {

    private GflopsTable() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -cp benchmarks.jar nn.bench.GflopsTable results.csv");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        List<String> header = fields(lines.get(0));
        Map<String, Map<String, Double>> table = new LinkedHashMap<>();
        List<String> kernels = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            String benchmark = f.get(header.indexOf("Benchmark"));
            if (!f.get(header.indexOf("Unit")).equals("us/op")) {
                continue;
            }
            String layer = f.get(header.indexOf("Param: layer"));
            int batch = Integer.parseInt(f.get(header.indexOf("Param: batch")));
            String kernel = f.get(header.indexOf("Param: kernels"));
            double micros = Double.parseDouble(f.get(header.indexOf("Score")));
            String[] dims = layer.split("x");
            String product = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            int products = product.equals("gradients") ? 2 : 1;
            double flops = 2.0 * products * batch * Integer.parseInt(dims[0]) * Integer.parseInt(dims[1]);
            String row = String.format("%-15s %-8s %5d", product, layer, batch);
            table.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(kernel, flops / micros / 1000);
            if (!kernels.contains(kernel)) {
                kernels.add(kernel);
            }
        }
        StringBuilder out = new StringBuilder(String.format("%-15s %-8s %5s", "product", "layer", "batch"));
        kernels.forEach(k -> out.append(String.format(" %10s", k)));
        out.append("   (GFLOP/s)\n");
        table.forEach((row, values) -> {
            out.append(row);
            kernels.forEach(k -> out.append(values.containsKey(k) ? String.format(" %10.1f", values.get(k)) : String.format(" %10s", "-")));
            out.append('\n');
        });
        System.out.print(out);
    }

    /** The fields of a CSV line as JMH writes it: quoted strings, plain numbers. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
