package nn.api;

/** Rows of bytes, from a first row on, each byte read as its unsigned value divided by a constant. */
final class ByteFeatures extends Features {
    private final byte[] values;
    private final int firstRow;
    private final float divisor;

    private ByteFeatures(byte[] values, int firstRow, int rows, int columns, float divisor) {
        super(rows, columns);
        this.values = values;
        this.firstRow = firstRow;
        this.divisor = divisor;
    }

    static ByteFeatures of(byte[] values, int columns, float divisor) {
        if (columns <= 0) {
            throw new NnException("features from bytes: columns is " + columns + ", must be positive");
        }
        if (values.length % columns != 0) {
            throw new NnException("features from bytes: " + values.length + " values are not whole rows of " + columns
                    + " columns");
        }
        if (!(Float.isFinite(divisor) && divisor != 0)) {
            throw new NnException("features from bytes: divisor is " + divisor + ", must be a finite number other than 0");
        }
        return new ByteFeatures(values, 0, values.length / columns, columns, divisor);
    }

    @Override
    protected void copyCheckedRow(int row, float[] dest, int offset, Kernels kernels) {
        kernels.unsignedBytesToFloats(values, (firstRow + row) * columns(), divisor, dest, offset, columns());
    }

    /** The whole gather on the kernels ({@link Kernels#gatherUnsignedBytes}), which may cut it between their threads. */
    @Override
    protected void copyCheckedRows(int[] order, int from, int count, float[] dest, Kernels kernels) {
        kernels.gatherUnsignedBytes(values, firstRow * columns(), columns(), order, from, count, divisor, dest);
    }

    @Override
    protected Features view(int first, int count) {
        return new ByteFeatures(values, firstRow + first, count, columns(), divisor);
    }
}
