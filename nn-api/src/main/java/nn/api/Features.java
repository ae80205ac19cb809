package nn.api;

import org.ejml.data.FMatrixRMaj;

/**
 * The feature values of samples, one row a sample, {@link #columns()} values a row, in whatever
 * form they are stored (float32, or bytes divided by a constant, e.g. pixels / 255), read as
 * float32 rows: one at a time ({@link #copyRow}) or gathered in a given order into a batch buffer
 * ({@link #copyRows}), converted by the model's {@link Kernels} (the reference ones if none are
 * given). Copying allocates nothing, so a training step can gather its batch for free. Row indices
 * are checked against this object's rows; a bad one is an {@link NnException}. A dataset plugin
 * with another storage extends this class: {@link #copyCheckedRow} and {@link #view}.
 */
public abstract class Features {
    private static final Kernels REFERENCE = new EjmlKernels();
    private final int rows;
    private final int columns;

    protected Features(int rows, int columns) {
        if (rows < 0 || columns < 0) {
            throw new NnException("features: " + rows + " rows of " + columns + " columns, neither may be negative");
        }
        this.rows = rows;
        this.columns = columns;
    }

    /** The matrix's rows, shared, not copied: later changes to its values show here. */
    public static Features of(FMatrixRMaj matrix) {
        return new MatrixFeatures(matrix.data, 0, matrix.numRows, matrix.numCols);
    }

    /**
     * Rows of bytes, {@code columns} a row, shared, not copied; byte {@code b} reads as
     * {@code (b & 0xFF) / divisor}, e.g. pixels 0..255 with divisor 255 as {@code b / 255f}
     * (see {@link Kernels#unsignedBytesToFloats}).
     */
    public static Features ofBytes(byte[] values, int columns, float divisor) {
        return ByteFeatures.of(values, columns, divisor);
    }

    /** Number of samples. */
    public final int rows() {
        return rows;
    }

    /** Number of values a sample. */
    public final int columns() {
        return columns;
    }

    /** Writes row {@code row}'s {@link #columns()} values to {@code dest[offset..]}. */
    public final void copyRow(int row, float[] dest, int offset) {
        if (row < 0 || row >= rows) {
            throw outside("row", row);
        }
        if (offset < 0 || (long) offset + columns > dest.length) {
            throw new NnException("features: cannot write a row of " + columns + " values at offset " + offset
                    + " of a destination of " + dest.length);
        }
        copyCheckedRow(row, dest, offset, REFERENCE);
    }

    /**
     * Gathers the rows {@code order[from]}, ..., {@code order[from + count - 1]} into
     * {@code dest}, one after the other from index 0 (a row-major {@code count x columns()} batch).
     */
    public final void copyRows(int[] order, int from, int count, float[] dest) {
        copyRows(order, from, count, dest, REFERENCE);
    }

    /** {@link #copyRows(int[], int, int, float[])}, converting stored values with these kernels. */
    public final void copyRows(int[] order, int from, int count, float[] dest, Kernels kernels) {
        if (from < 0 || count < 0 || (long) from + count > order.length) {
            throw new NnException("features: cannot take " + count + " row indices from index " + from + " of an order of "
                    + order.length);
        }
        if ((long) count * columns > dest.length) {
            throw new NnException("features: " + count + " rows of " + columns + " values do not fit a destination of "
                    + dest.length);
        }
        for (int i = 0; i < count; i++) {
            int row = order[from + i];
            if (row < 0 || row >= rows) {
                throw outside("order[" + (from + i) + "]", row);
            }
        }
        copyCheckedRows(order, from, count, dest, kernels);
    }

    /**
     * Writes the rows {@code order[from]}, ..., {@code order[from + count - 1]} (already checked)
     * one after the other from {@code dest[0]}. By default it first touches each row
     * ({@link #touchCheckedRow}), so that their cache misses are all under way at once, then copies
     * each with {@link #copyCheckedRow}: shuffled rows are scattered over the whole set, and gathering
     * 32 of Fashion-MNIST's took 23 us cold where 32 rows in order took 6 (BENCHMARKS.md, issue 14).
     * Storage that its kernels gather whole (the byte features) overrides it.
     */
    protected void copyCheckedRows(int[] order, int from, int count, float[] dest, Kernels kernels) {
        for (int i = 0; i < count; i++) {
            touchCheckedRow(order[from + i]);
        }
        for (int i = 0; i < count; i++) {
            copyCheckedRow(order[from + i], dest, i * columns, kernels);
        }
    }

    /**
     * Reads row {@code row} (already checked: 0 <= row < rows()), one value a cache line and its
     * last one, so that the lines it spans start coming from memory ({@link #copyCheckedRows}).
     * By default nothing: a dataset plugin with its own storage may override it.
     */
    protected void touchCheckedRow(int row) {
    }

    /** Rows [from, to) as features of their own, sharing these values (nothing is copied). */
    public final Features viewRows(int from, int to) {
        if (from < 0 || to > rows || from > to) {
            throw new NnException("features: rows [" + from + ", " + to + ") are outside the " + rows + " rows");
        }
        return view(from, to - from);
    }

    /** A new float32 matrix holding a copy of all rows. */
    public final FMatrixRMaj toMatrix() {
        FMatrixRMaj m = new FMatrixRMaj(rows, columns);
        for (int r = 0; r < rows; r++) {
            copyCheckedRow(r, m.data, r * columns, REFERENCE);
        }
        return m;
    }

    /**
     * Writes row {@code row} (already checked: 0 <= row < rows()) as floats to
     * {@code dest[offset..]}, which has room, converting with {@code kernels} where values need it.
     */
    protected abstract void copyCheckedRow(int row, float[] dest, int offset, Kernels kernels);

    /** The {@code count} rows from {@code first} (already checked to be inside) as features sharing these values. */
    protected abstract Features view(int first, int count);

    /** The error for a row index outside the rows (its message is built only then: copying must not allocate). */
    private NnException outside(String what, int row) {
        return new NnException("features: " + what + " is " + row + ", outside rows 0.." + (rows - 1));
    }
}
