package nn.kernels.vector;

import java.util.SplittableRandom;
import org.ejml.data.FMatrixRMaj;

/** Plain triple loops the kernels are checked against; element (i,j) of op(a) op(b). */
final class Reference {

    enum Op {
        MULT, TRANS_A, TRANS_B;

        /** a and b for an m x n result with inner dimension k, filled with values in [-1, 1). */
        FMatrixRMaj[] operands(int m, int n, int k, SplittableRandom random) {
            FMatrixRMaj a = this == TRANS_A ? random(k, m, random) : random(m, k, random);
            FMatrixRMaj b = this == TRANS_B ? random(n, k, random) : random(k, n, random);
            return new FMatrixRMaj[] {a, b};
        }

        float a(FMatrixRMaj a, int i, int p) {
            return this == TRANS_A ? a.get(p, i) : a.get(i, p);
        }

        float b(FMatrixRMaj b, int p, int j) {
            return this == TRANS_B ? b.get(j, p) : b.get(p, j);
        }

        int rows(FMatrixRMaj a) {
            return this == TRANS_A ? a.numCols : a.numRows;
        }

        int inner(FMatrixRMaj a) {
            return this == TRANS_A ? a.numRows : a.numCols;
        }

        int cols(FMatrixRMaj b) {
            return this == TRANS_B ? b.numRows : b.numCols;
        }
    }

    private Reference() {
    }

    static FMatrixRMaj random(int rows, int cols, SplittableRandom random) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < rows * cols; i++) {
            m.data[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return m;
    }

    static FMatrixRMaj nans(int rows, int cols) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        java.util.Arrays.fill(m.data, Float.NaN);
        return m;
    }

    /** acc = fma(a, b, acc) over p ascending from 0: what every kernel must give bit for bit. */
    static FMatrixRMaj fmaChain(Op op, FMatrixRMaj a, FMatrixRMaj b) {
        FMatrixRMaj c = new FMatrixRMaj(op.rows(a), op.cols(b));
        for (int i = 0; i < c.numRows; i++) {
            for (int j = 0; j < c.numCols; j++) {
                float acc = 0f;
                for (int p = 0; p < op.inner(a); p++) {
                    acc = Math.fma(op.a(a, i, p), op.b(b, p, j), acc);
                }
                c.set(i, j, acc);
            }
        }
        return c;
    }

    /** The product in double, and in [1] the sums of |a(i,p) b(p,j)| that scale its tolerance. */
    static double[][] exact(Op op, FMatrixRMaj a, FMatrixRMaj b) {
        int m = op.rows(a);
        int n = op.cols(b);
        double[] c = new double[m * n];
        double[] abs = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                double t = 0;
                for (int p = 0; p < op.inner(a); p++) {
                    double v = (double) op.a(a, i, p) * op.b(b, p, j);
                    s += v;
                    t += Math.abs(v);
                }
                c[i * n + j] = s;
                abs[i * n + j] = t;
            }
        }
        return new double[][] {c, abs};
    }
}
