package nn.core;

import java.util.Locale;
import nn.api.Layer;
import nn.api.Variable;

/** Keras's {@code model.summary()} table for a sequential model: columns end at 29, 55 and 65 characters. */
final class Summary {
    private static final int[] COLUMN_ENDS = {29, 55, 65};
    private static final int WIDTH = 65;

    private Summary() {
    }

    static String of(Sequential model) {
        StringBuilder out = new StringBuilder();
        out.append("Model: \"").append(model.name()).append("\"\n");
        out.append("_".repeat(WIDTH)).append('\n');
        row(out, "Layer (type)", "Output Shape", "Param #");
        out.append("=".repeat(WIDTH)).append('\n');
        for (int i = 0; i < model.layers().size(); i++) {
            Layer layer = model.layers().get(i);
            row(out, layer.name() + " (" + layer.type() + ")", layer.outputShape().withBatch(),
                    Integer.toString(layer.countParams()));
            if (i < model.layers().size() - 1) {
                out.append(" ".repeat(WIDTH)).append('\n');
            }
        }
        out.append("=".repeat(WIDTH)).append('\n');
        long total = model.weights().stream().mapToLong(Variable::size).sum();
        long trainable = model.trainableWeights().stream().mapToLong(Variable::size).sum();
        out.append("Total params: ").append(thousands(total)).append('\n');
        out.append("Trainable params: ").append(thousands(trainable)).append('\n');
        out.append("Non-trainable params: ").append(thousands(total - trainable)).append('\n');
        out.append("_".repeat(WIDTH)).append('\n');
        return out.toString();
    }

    private static void row(StringBuilder out, String... fields) {
        StringBuilder line = new StringBuilder(" ");
        for (int c = 0; c < fields.length; c++) {
            int end = COLUMN_ENDS[c];
            int room = end - line.length() - (c < fields.length - 1 ? 1 : 0);
            String field = fields[c].length() > room ? fields[c].substring(0, Math.max(room, 0)) : fields[c];
            line.append(field);
            while (line.length() < end) {
                line.append(' ');
            }
        }
        out.append(line).append('\n');
    }

    static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
