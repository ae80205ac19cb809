package nn.api;

import org.ejml.data.FMatrixRMaj;

/** The plain-Java reference of {@link Kernels#multAddTransA}, and the checks of {@link Kernels#multGradients}. */
public final class ProductOps {

    private ProductOps() {
    }

    /**
     * c(i,j) += a(p,i) b(p,j) for p ascending, each product rounded and then added to c: the order
     * in which EJML's {@code multTransA} sums, so a sum over the rows of a and b cut into pieces,
     * the first by {@code multTransA} and the others by this, gives that of the whole.
     */
    public static void multAddTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        int k = a.numRows;
        int m = a.numCols;
        int n = b.numCols;
        if (b.numRows != k || c.numRows != m || c.numCols != n) {
            throw new IllegalArgumentException("multAddTransA: a is " + k + "x" + m + ", b " + b.numRows + "x" + n + ", c "
                    + c.numRows + "x" + c.numCols + "; c must be a's columns x b's columns and a and b have as many rows");
        }
        if (c.data == a.data || c.data == b.data) {
            throw new IllegalArgumentException("multAddTransA: c must not share its array with a or b");
        }
        for (int p = 0; p < k; p++) {
            for (int i = 0; i < m; i++) {
                float aip = a.data[p * m + i];
                for (int j = 0, ci = i * n, bp = p * n; j < n; j++) {
                    c.data[ci + j] += aip * b.data[bp + j];
                }
            }
        }
    }

    /**
     * Checks the operands of {@link Kernels#multGradients}: c = a b with a m x k, b k x n, dc m x n,
     * da m x k and db k x n, the two outputs in arrays of their own (neither product may write what
     * the other reads).
     */
    public static void checkGradients(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj dc, FMatrixRMaj da, FMatrixRMaj db) {
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numCols;
        if (b.numRows != k || dc.numRows != m || dc.numCols != n || da.numRows != m || da.numCols != k
                || db.numRows != k || db.numCols != n) {
            throw new IllegalArgumentException("multGradients: a is " + m + "x" + k + ", b " + b.numRows + "x" + n + ", dc "
                    + dc.numRows + "x" + dc.numCols + ", da " + da.numRows + "x" + da.numCols + ", db " + db.numRows + "x"
                    + db.numCols + "; for c = a b, b must have a's columns as rows, dc a's rows and b's columns, da a's shape"
                    + " and db b's");
        }
        // no array of the inputs to loop over: a training step allocates nothing
        if (isOneOf(da.data, a.data, b.data, dc.data) || isOneOf(db.data, a.data, b.data, dc.data)) {
            throw new IllegalArgumentException("multGradients: da and db must not share an array with a, b or dc");
        }
        if (da.data == db.data) {
            throw new IllegalArgumentException("multGradients: da and db must not share an array");
        }
    }

    private static boolean isOneOf(float[] array, float[] first, float[] second, float[] third) {
        return array == first || array == second || array == third;
    }
}
