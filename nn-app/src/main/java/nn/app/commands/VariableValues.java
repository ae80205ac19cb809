package nn.app.commands;

import nn.api.Variable;

/** A variable's values as NumPy prints them: rows of a matrix in brackets, all values in full float precision. */
final class VariableValues {

    private VariableValues() {
    }

    static String format(Variable v) {
        float[] data = v.value().data;
        int cols = v.shape().columns();
        StringBuilder sb = new StringBuilder();
        boolean matrix = v.shape().rank() >= 2;
        if (matrix) {
            sb.append('[');
        }
        for (int r = 0; r < v.shape().rows(); r++) {
            sb.append(r == 0 ? "[" : matrix ? "\n   [" : "[");
            for (int c = 0; c < cols; c++) {
                sb.append(c == 0 ? "" : ", ").append(data[r * cols + c]);
            }
            sb.append(']');
        }
        if (matrix) {
            sb.append(']');
        }
        return sb.toString();
    }
}
