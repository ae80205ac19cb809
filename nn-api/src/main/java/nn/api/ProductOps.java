package nn.api;

import org.ejml.data.FMatrixRMaj;

/** The plain-Java reference of {@link Kernels#multAddTransA}. */
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
}
