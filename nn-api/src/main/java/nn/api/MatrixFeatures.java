package nn.api;

/** Float32 rows stored row-major in an array (an {@code FMatrixRMaj}'s), from a first row on. */
final class MatrixFeatures extends Features {
    private final float[] values;
    private final int firstRow;

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
    protected Features view(int first, int count) {
        return new MatrixFeatures(values, firstRow + first, count, columns());
    }
}
