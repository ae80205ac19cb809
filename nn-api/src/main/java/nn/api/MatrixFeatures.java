package nn.api;

/** Float32 rows stored row-major in an array (an {@code FMatrixRMaj}'s), from a first row on. */
final class MatrixFeatures extends Features {
    private final float[] values;
    private final int firstRow;
    /** What the last {@link #touchCheckedRow} read, kept so that the JIT keeps the reads. */
    private float touched;

    MatrixFeatures(float[] values, int firstRow, int rows, int columns) {
        super(rows, columns);
        this.values = values;
        this.firstRow = firstRow;
    }

    @Override
    protected void copyCheckedRow(int row, float[] dest, int offset, Kernels kernels) {
        System.arraycopy(values, (firstRow + row) * columns(), dest, offset, columns());
    }

    @Override
    protected void touchCheckedRow(int row) {
        if (columns() == 0) {
            return;
        }
        int start = (firstRow + row) * columns();
        int last = start + columns() - 1;
        float sum = values[last];
        for (int i = start; i < last; i += 16) {
            sum += values[i];
        }
        touched = sum;
    }

    @Override
    protected Features view(int first, int count) {
        return new MatrixFeatures(values, firstRow + first, count, columns());
    }
}
