package nn.api;

/** Rows of bytes, from a first row on, each byte read as float32 through a 256-entry table. */
final class ByteFeatures extends Features {
    private static final int BYTE_VALUES = 256;

    private final byte[] values;
    private final int firstRow;
    private final float[] valueOfByte;

    private ByteFeatures(byte[] values, int firstRow, int rows, int columns, float[] valueOfByte) {
        super(rows, columns);
        this.values = values;
        this.firstRow = firstRow;
        this.valueOfByte = valueOfByte;
    }

    static ByteFeatures of(byte[] values, int columns, float[] valueOfByte) {
        if (columns <= 0) {
            throw new NnException("features from bytes: columns is " + columns + ", must be positive");
        }
        if (values.length % columns != 0) {
            throw new NnException("features from bytes: " + values.length + " values are not whole rows of " + columns
                    + " columns");
        }
        if (valueOfByte.length != BYTE_VALUES) {
            throw new NnException("features from bytes: valueOfByte has " + valueOfByte.length + " entries, needs one for each of the "
                    + BYTE_VALUES + " byte values");
        }
        return new ByteFeatures(values, 0, values.length / columns, columns, valueOfByte.clone());
    }

    @Override
    protected void copyCheckedRow(int row, float[] dest, int offset) {
        int columns = columns();
        int start = (firstRow + row) * columns;
        for (int c = 0; c < columns; c++) {
            dest[offset + c] = valueOfByte[values[start + c] & 0xFF];
        }
    }

    @Override
    protected Features view(int first, int count) {
        return new ByteFeatures(values, firstRow + first, count, columns(), valueOfByte);
    }
}
