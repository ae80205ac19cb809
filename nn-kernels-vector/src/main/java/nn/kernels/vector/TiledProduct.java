package nn.kernels.vector;

import java.lang.invoke.MethodHandles;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-tiled product for one vector species S of L lanes: a tile of c, 4 rows by 3 vectors
 * (then 8 by 2 or 8 by 1 for the columns left), stays in 12 to 16 registers while p runs over k;
 * each step loads the vectors of row p of y and broadcasts x(i,p) for each row of the tile. The
 * fewer than L columns left at the right edge get one more 8 x 1 tile that loads whole vectors
 * anyway (the lanes past the edge read the next row of y and are thrown away), copies the last
 * rows of y that would run off the end of the array into a scratch vector, and stores through
 * the scratch: no masks (JDK 17 runs masked stores and out-of-range masked loads as scalar Java).
 * A tile with fewer rows than its height repeats its last row and stores only the real ones.
 *
 * <p>This class is a template, never used as it is: C2 only compiles Vector API code to SIMD
 * instructions when the species is a constant, so {@link Specializer} defines one hidden copy of
 * it per species, each with its species as class data in the static final {@link #S}. One
 * species only per product: mixing widths in one JVM's hot code pollutes the shared profiles of
 * the Vector API classes and C2 then falls back to heap-allocated vectors (measured 100x slower).
 */
final class TiledProduct implements Product {
    private static final VectorSpecies<Float> S = Specializer.species(MethodHandles.lookup());
    private static final int L = S.length();
    private static final FloatVector ZERO = FloatVector.zero(S);
    private static final VectorMask<Float> ALL = S.maskAll(true);

    @Override
    public void compute(Operands o, int i0, int i1, int j0, int j1, float[] scratch) {
        int j = j0;
        for (; j + 3 * L <= j1; j += 3 * L) {
            for (int i = i0; i < i1; i += 4) {
                tile4x3(o, i, Math.min(4, i1 - i), j);
            }
        }
        if (j + 2 * L <= j1) {
            for (int i = i0; i < i1; i += 8) {
                tile8x2(o, i, Math.min(8, i1 - i), j);
            }
            j += 2 * L;
        }
        if (j + L <= j1) {
            for (int i = i0; i < i1; i += 8) {
                tile8x1(o, i, Math.min(8, i1 - i), j);
            }
            j += L;
        }
        if (j < j1) {
            int direct = directSteps(o, j);
            for (int i = i0; i < i1; i += 8) {
                edgeTile8x1(o, i, Math.min(8, i1 - i), j, j1 - j, direct, scratch);
            }
        }
    }

    /** How many steps p of an edge tile at column j can load a whole vector straight from y. */
    private static int directSteps(Operands o, int j) {
        int room = o.y.length - j - L;
        return room < 0 ? 0 : Math.min(o.k, room / o.ldy + 1);
    }

    /**
     * The same vector, with an exact type for C2. An accumulator leaves its loop typed only as
     * FloatVector; for some tiles (8 x 1 on JDK 17) C2 then cannot compile its store to one
     * instruction and boxes it, at half the speed or less (measured 54 against 97-151 GFLOPS).
     * A blend with an all-true mask is a plain copy of the lanes, so the bits do not change.
     */
    private static FloatVector exact(FloatVector v) {
        return ZERO.blend(v, ALL);
    }

    /** Offset in x of row {@code i + r} of a tile of {@code rows} real rows: the last one repeats. */
    private static int row(Operands o, int i, int r, int rows) {
        return (i + Math.min(r, rows - 1)) * o.xRowStride;
    }

    @SuppressWarnings("fallthrough")
    private static void tile4x3(Operands o, int i, int rows, int j) {
        float[] x = o.x;
        float[] y = o.y;
        int cs = o.xColStride;
        int ldy = o.ldy;
        int k = o.k;
        int x0 = row(o, i, 0, rows), x1 = row(o, i, 1, rows), x2 = row(o, i, 2, rows), x3 = row(o, i, 3, rows);
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00;
        for (int p = 0, xp = 0, yp = j; p < k; p++, xp += cs, yp += ldy) {
            FloatVector y0 = FloatVector.fromArray(S, y, yp);
            FloatVector y1 = FloatVector.fromArray(S, y, yp + L);
            FloatVector y2 = FloatVector.fromArray(S, y, yp + 2 * L);
            FloatVector a = FloatVector.broadcast(S, x[x0 + xp]);
            c00 = a.fma(y0, c00);
            c01 = a.fma(y1, c01);
            c02 = a.fma(y2, c02);
            a = FloatVector.broadcast(S, x[x1 + xp]);
            c10 = a.fma(y0, c10);
            c11 = a.fma(y1, c11);
            c12 = a.fma(y2, c12);
            a = FloatVector.broadcast(S, x[x2 + xp]);
            c20 = a.fma(y0, c20);
            c21 = a.fma(y1, c21);
            c22 = a.fma(y2, c22);
            a = FloatVector.broadcast(S, x[x3 + xp]);
            c30 = a.fma(y0, c30);
            c31 = a.fma(y1, c31);
            c32 = a.fma(y2, c32);
        }
        float[] c = o.c;
        int ldc = o.ldc;
        int ci = i * ldc + j;
        switch (rows) { // falls through: stores the real rows, the last first
            case 4:
                exact(c30).intoArray(c, ci + 3 * ldc);
                exact(c31).intoArray(c, ci + 3 * ldc + L);
                exact(c32).intoArray(c, ci + 3 * ldc + 2 * L);
            case 3:
                exact(c20).intoArray(c, ci + 2 * ldc);
                exact(c21).intoArray(c, ci + 2 * ldc + L);
                exact(c22).intoArray(c, ci + 2 * ldc + 2 * L);
            case 2:
                exact(c10).intoArray(c, ci + ldc);
                exact(c11).intoArray(c, ci + ldc + L);
                exact(c12).intoArray(c, ci + ldc + 2 * L);
            default:
                exact(c00).intoArray(c, ci);
                exact(c01).intoArray(c, ci + L);
                exact(c02).intoArray(c, ci + 2 * L);
        }
    }

    @SuppressWarnings("fallthrough")
    private static void tile8x2(Operands o, int i, int rows, int j) {
        float[] x = o.x;
        float[] y = o.y;
        int cs = o.xColStride;
        int ldy = o.ldy;
        int k = o.k;
        int x0 = row(o, i, 0, rows), x1 = row(o, i, 1, rows), x2 = row(o, i, 2, rows), x3 = row(o, i, 3, rows);
        int x4 = row(o, i, 4, rows), x5 = row(o, i, 5, rows), x6 = row(o, i, 6, rows), x7 = row(o, i, 7, rows);
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        FloatVector c40 = c00, c41 = c00, c50 = c00, c51 = c00, c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        for (int p = 0, xp = 0, yp = j; p < k; p++, xp += cs, yp += ldy) {
            FloatVector y0 = FloatVector.fromArray(S, y, yp);
            FloatVector y1 = FloatVector.fromArray(S, y, yp + L);
            FloatVector a = FloatVector.broadcast(S, x[x0 + xp]);
            c00 = a.fma(y0, c00);
            c01 = a.fma(y1, c01);
            a = FloatVector.broadcast(S, x[x1 + xp]);
            c10 = a.fma(y0, c10);
            c11 = a.fma(y1, c11);
            a = FloatVector.broadcast(S, x[x2 + xp]);
            c20 = a.fma(y0, c20);
            c21 = a.fma(y1, c21);
            a = FloatVector.broadcast(S, x[x3 + xp]);
            c30 = a.fma(y0, c30);
            c31 = a.fma(y1, c31);
            a = FloatVector.broadcast(S, x[x4 + xp]);
            c40 = a.fma(y0, c40);
            c41 = a.fma(y1, c41);
            a = FloatVector.broadcast(S, x[x5 + xp]);
            c50 = a.fma(y0, c50);
            c51 = a.fma(y1, c51);
            a = FloatVector.broadcast(S, x[x6 + xp]);
            c60 = a.fma(y0, c60);
            c61 = a.fma(y1, c61);
            a = FloatVector.broadcast(S, x[x7 + xp]);
            c70 = a.fma(y0, c70);
            c71 = a.fma(y1, c71);
        }
        float[] c = o.c;
        int ldc = o.ldc;
        int ci = i * ldc + j;
        switch (rows) { // falls through: stores the real rows, the last first
            case 8:
                exact(c70).intoArray(c, ci + 7 * ldc);
                exact(c71).intoArray(c, ci + 7 * ldc + L);
            case 7:
                exact(c60).intoArray(c, ci + 6 * ldc);
                exact(c61).intoArray(c, ci + 6 * ldc + L);
            case 6:
                exact(c50).intoArray(c, ci + 5 * ldc);
                exact(c51).intoArray(c, ci + 5 * ldc + L);
            case 5:
                exact(c40).intoArray(c, ci + 4 * ldc);
                exact(c41).intoArray(c, ci + 4 * ldc + L);
            case 4:
                exact(c30).intoArray(c, ci + 3 * ldc);
                exact(c31).intoArray(c, ci + 3 * ldc + L);
            case 3:
                exact(c20).intoArray(c, ci + 2 * ldc);
                exact(c21).intoArray(c, ci + 2 * ldc + L);
            case 2:
                exact(c10).intoArray(c, ci + ldc);
                exact(c11).intoArray(c, ci + ldc + L);
            default:
                exact(c00).intoArray(c, ci);
                exact(c01).intoArray(c, ci + L);
        }
    }

    @SuppressWarnings("fallthrough")
    private static void tile8x1(Operands o, int i, int rows, int j) {
        float[] x = o.x;
        float[] y = o.y;
        int cs = o.xColStride;
        int ldy = o.ldy;
        int k = o.k;
        int x0 = row(o, i, 0, rows), x1 = row(o, i, 1, rows), x2 = row(o, i, 2, rows), x3 = row(o, i, 3, rows);
        int x4 = row(o, i, 4, rows), x5 = row(o, i, 5, rows), x6 = row(o, i, 6, rows), x7 = row(o, i, 7, rows);
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        for (int p = 0, xp = 0, yp = j; p < k; p++, xp += cs, yp += ldy) {
            FloatVector y0 = FloatVector.fromArray(S, y, yp);
            FloatVector a = FloatVector.broadcast(S, x[x0 + xp]);
            c0 = a.fma(y0, c0);
            a = FloatVector.broadcast(S, x[x1 + xp]);
            c1 = a.fma(y0, c1);
            a = FloatVector.broadcast(S, x[x2 + xp]);
            c2 = a.fma(y0, c2);
            a = FloatVector.broadcast(S, x[x3 + xp]);
            c3 = a.fma(y0, c3);
            a = FloatVector.broadcast(S, x[x4 + xp]);
            c4 = a.fma(y0, c4);
            a = FloatVector.broadcast(S, x[x5 + xp]);
            c5 = a.fma(y0, c5);
            a = FloatVector.broadcast(S, x[x6 + xp]);
            c6 = a.fma(y0, c6);
            a = FloatVector.broadcast(S, x[x7 + xp]);
            c7 = a.fma(y0, c7);
        }
        float[] c = o.c;
        int ldc = o.ldc;
        int ci = i * ldc + j;
        switch (rows) { // falls through: stores the real rows, the last first
            case 8:
                exact(c7).intoArray(c, ci + 7 * ldc);
            case 7:
                exact(c6).intoArray(c, ci + 6 * ldc);
            case 6:
                exact(c5).intoArray(c, ci + 5 * ldc);
            case 5:
                exact(c4).intoArray(c, ci + 4 * ldc);
            case 4:
                exact(c3).intoArray(c, ci + 3 * ldc);
            case 3:
                exact(c2).intoArray(c, ci + 2 * ldc);
            case 2:
                exact(c1).intoArray(c, ci + ldc);
            default:
                exact(c0).intoArray(c, ci);
        }
    }

    /**
     * The last {@code width} &lt; L columns: the steps from {@code direct} on load row p of y
     * through the scratch so as not to run off the end of y, and the rows go out through it.
     */
    private static void edgeTile8x1(Operands o, int i, int rows, int j, int width, int direct, float[] scratch) {
        float[] x = o.x;
        float[] y = o.y;
        int cs = o.xColStride;
        int ldy = o.ldy;
        int k = o.k;
        int x0 = row(o, i, 0, rows), x1 = row(o, i, 1, rows), x2 = row(o, i, 2, rows), x3 = row(o, i, 3, rows);
        int x4 = row(o, i, 4, rows), x5 = row(o, i, 5, rows), x6 = row(o, i, 6, rows), x7 = row(o, i, 7, rows);
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        int p = 0;
        int xp = 0;
        int yp = j;
        for (; p < direct; p++, xp += cs, yp += ldy) {
            FloatVector y0 = FloatVector.fromArray(S, y, yp);
            FloatVector a = FloatVector.broadcast(S, x[x0 + xp]);
            c0 = a.fma(y0, c0);
            a = FloatVector.broadcast(S, x[x1 + xp]);
            c1 = a.fma(y0, c1);
            a = FloatVector.broadcast(S, x[x2 + xp]);
            c2 = a.fma(y0, c2);
            a = FloatVector.broadcast(S, x[x3 + xp]);
            c3 = a.fma(y0, c3);
            a = FloatVector.broadcast(S, x[x4 + xp]);
            c4 = a.fma(y0, c4);
            a = FloatVector.broadcast(S, x[x5 + xp]);
            c5 = a.fma(y0, c5);
            a = FloatVector.broadcast(S, x[x6 + xp]);
            c6 = a.fma(y0, c6);
            a = FloatVector.broadcast(S, x[x7 + xp]);
            c7 = a.fma(y0, c7);
        }
        for (; p < k; p++, xp += cs, yp += ldy) {
            System.arraycopy(y, yp, scratch, 0, width); // lanes past width: left over, thrown away
            FloatVector y0 = FloatVector.fromArray(S, scratch, 0);
            FloatVector a = FloatVector.broadcast(S, x[x0 + xp]);
            c0 = a.fma(y0, c0);
            a = FloatVector.broadcast(S, x[x1 + xp]);
            c1 = a.fma(y0, c1);
            a = FloatVector.broadcast(S, x[x2 + xp]);
            c2 = a.fma(y0, c2);
            a = FloatVector.broadcast(S, x[x3 + xp]);
            c3 = a.fma(y0, c3);
            a = FloatVector.broadcast(S, x[x4 + xp]);
            c4 = a.fma(y0, c4);
            a = FloatVector.broadcast(S, x[x5 + xp]);
            c5 = a.fma(y0, c5);
            a = FloatVector.broadcast(S, x[x6 + xp]);
            c6 = a.fma(y0, c6);
            a = FloatVector.broadcast(S, x[x7 + xp]);
            c7 = a.fma(y0, c7);
        }
        float[] c = o.c;
        int ldc = o.ldc;
        int ci = i * ldc + j;
        exact(c0).intoArray(scratch, 0);
        exact(c1).intoArray(scratch, L);
        exact(c2).intoArray(scratch, 2 * L);
        exact(c3).intoArray(scratch, 3 * L);
        exact(c4).intoArray(scratch, 4 * L);
        exact(c5).intoArray(scratch, 5 * L);
        exact(c6).intoArray(scratch, 6 * L);
        exact(c7).intoArray(scratch, 7 * L);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(scratch, r * L, c, ci + r * ldc, width);
        }
    }
}
