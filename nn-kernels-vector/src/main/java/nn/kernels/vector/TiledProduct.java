package nn.kernels.vector;

import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-tiled product for one vector species S of L lanes. A tile of c, 4 rows by 3
 * vectors (8 rows by 3 for 16 lanes, AVX-512's 32 registers; then 6 by 2 or 8 by 1 for the
 * columns left), stays in 8 to 24 registers while p runs
 * over a block of k; each step loads the vectors of row p of y and broadcasts x(i,p) for each row
 * of the tile. Blocks of k keep the rows of y that a column panel needs in L1 while all the row
 * tiles go by; between blocks a tile goes back to c and is read again, which changes no bit. The
 * fewer than L columns at the right edge get one more 8 x 1 tile that loads whole vectors anyway
 * and throws the extra lanes away, going through a scratch array wherever it would run off the
 * end of an array: no masks (JDK 17 runs masked stores as scalar Java). A tile with fewer rows
 * than its height repeats its last row and stores only the real ones.
 *
 * <p>This class is a template, never used as it is: C2 only compiles Vector API code to SIMD
 * instructions when the species is a constant, so {@link Specializer} defines one hidden copy of
 * it per species, each with its species as class data in the static final {@link #S}. One width
 * per product: when the 512-bit copy handed its last columns to a 256-bit one, C2 fell back to
 * heap-allocated vectors in both (measured 100x slower).
 *
 * <p>C2 on JDK 17 is touchy about the shape of this code; each of {@link #start}, {@link #exact}
 * and the tile sizes is there because the obvious alternative measured several times slower.
 */
final class TiledProduct implements Product {
    private static final VectorSpecies<Float> S = Specializer.species(MethodHandles.lookup());
    private static final int L = S.length();
    /** Steps of k per block of a 3-vector panel: 3 vectors of y for KC steps take 24 KB. */
    private static final int KC = 2048 / L;
    private static final FloatVector ZERO = FloatVector.zero(S);
    private static final float[] ZEROS = new float[3 * L];
    private static final VectorMask<Float> ALL = S.maskAll(true);
    /**
     * Rows of x copied for the 16-lane tiles at a time: at most 256 k floats a thread (800 KB for
     * the tutorial's first layer), where copying all of a 1000-row inference batch took 3 MB a
     * thread; a batch of up to 256 still reads y (the weights) once.
     */
    private static final int CHUNK_ROWS = 256;

    @Override
    public void compute(Operands o, int i0, int i1, int j0, int j1, TileScratch scratch) {
        int k = o.k;
        if (k == 0) {
            if (o.accumulate) {
                return;
            }
            for (int i = i0; i < i1; i++) {
                Arrays.fill(o.c, i * o.ldc + j0, i * o.ldc + j1, 0f);
            }
            return;
        }
        int j = j0;
        int kc = blockSize(k, 3);
        if (L >= 16 && j + 3 * L <= j1 && (o.xRowStride == 1 || j1 - j0 >= 6 * L)) {
            j = widePanels(o, i0, i1, j0, j1, kc, scratch);
        }
        for (; j + 3 * L <= j1; j += 3 * L) {
            for (int p0 = 0; p0 < k; p0 += kc) {
                for (int i = i0; i < i1; i += 4) {
                    tile4x3(o, i, Math.min(4, i1 - i), j, p0, Math.min(k, p0 + kc));
                }
            }
        }
        if (j + 2 * L <= j1) {
            kc = blockSize(k, 2);
            for (int p0 = 0; p0 < k; p0 += kc) {
                for (int i = i0; i < i1; i += 6) {
                    tile6x2(o, i, Math.min(6, i1 - i), j, p0, Math.min(k, p0 + kc));
                }
            }
            j += 2 * L;
        }
        kc = blockSize(k, 1);
        if (j + L <= j1) {
            for (int p0 = 0; p0 < k; p0 += kc) {
                for (int i = i0; i < i1; i += 8) {
                    tile8x1(o, i, Math.min(8, i1 - i), j, p0, Math.min(k, p0 + kc));
                }
            }
            j += L;
        }
        if (j < j1) {
            edgeColumns(o, i0, i1, j, j1, kc, scratch);
        }
    }

    /**
     * The fewer than L columns from j on, in 8 x 1 edge tiles: a row-major x read in place, an
     * x<sup>T</sup> read in place but for a last group of fewer than 8 rows, which is copied into
     * a group of its own first (so that each tile's eight values of a step lie side by side).
     */
    private static void edgeColumns(Operands o, int i0, int i1, int j, int j1, int kc, TileScratch scratch) {
        int k = o.k;
        int direct = directSteps(o, j);
        int inPlace = o.xColStride == 1 ? i1 : i1 - (i1 - i0) % 8;
        float[] packed = null;
        if (inPlace < i1) {
            packed = scratch.rows(PackedRows.size(inPlace, i1, k));
            PackedRows.pack(o, inPlace, i1, packed);
        }
        for (int p0 = 0; p0 < k; p0 += kc) {
            int p1 = Math.min(k, p0 + kc);
            for (int i = i0; i < i1; i += 8) {
                if (o.xColStride == 1) {
                    edgeTile8x1RowMajor(o, i, Math.min(8, i1 - i), j, p0, p1, j1 - j, direct, scratch.edge);
                } else if (i < inPlace) {
                    edgeTile8x1(o, o.x, i, o.xColStride, i, 8, j, p0, p1, j1 - j, direct, scratch.edge);
                } else {
                    edgeTile8x1(o, packed, 0, 8, i, i1 - i, j, p0, p1, j1 - j, direct, scratch.edge);
                }
            }
        }
    }

    /**
     * The panels of 3 vectors for 16 lanes, in 8-row tiles over x's rows side by side: x<sup>T</sup>
     * as it is (but for a last group of fewer than 8 rows), a row-major x copied into groups of 8
     * first, {@link #CHUNK_ROWS} rows at a time; and the fewer than L columns past them, if that is
     * all that is left. Returns the column where these end. A row-major x is copied only for two
     * panels or more: for one, the copy costs more than it saves (JMH, batch 32: 784 x 64 forward
     * 107 GFLOP/s with 4 x 3 tiles, 90 copied; 200 x 100, two panels, 98 against 106).
     */
    private static int widePanels(Operands o, int i0, int i1, int j0, int j1, int kc, TileScratch scratch) {
        int k = o.k;
        int end = j0 + (j1 - j0) / (3 * L) * 3 * L;
        boolean edge = end < j1 && j1 - end < L;
        int direct = edge ? directSteps(o, end) : 0;
        int kcEdge = blockSize(k, 1);
        for (int r0 = i0; r0 < i1; r0 += CHUNK_ROWS) {
            int r1 = Math.min(i1, r0 + CHUNK_ROWS);
            int copied = o.xRowStride == 1 ? r1 - (r1 - r0) % 8 : r0;
            float[] packed = scratch.rows(PackedRows.size(copied, r1, k));
            PackedRows.pack(o, copied, r1, packed);
            for (int j = j0; j < end; j += 3 * L) {
                for (int p0 = 0; p0 < k; p0 += kc) {
                    int p1 = Math.min(k, p0 + kc);
                    for (int i = r0; i < r1; i += 8) {
                        if (i < copied) {
                            tile8x3(o, o.x, i, o.xColStride, i, 8, j, p0, p1);
                        } else {
                            tile8x3(o, packed, (i - copied) * k, 8, i, Math.min(8, r1 - i), j, p0, p1);
                        }
                    }
                }
            }
            if (edge) {
                for (int p0 = 0; p0 < k; p0 += kcEdge) {
                    int p1 = Math.min(k, p0 + kcEdge);
                    for (int i = r0; i < r1; i += 8) {
                        if (i < copied) {
                            edgeTile8x1(o, o.x, i, o.xColStride, i, 8, end, p0, p1, j1 - end, direct, scratch.edge);
                        } else {
                            edgeTile8x1(o, packed, (i - copied) * k, 8, i, Math.min(8, r1 - i), end, p0, p1, j1 - end,
                                    direct, scratch.edge);
                        }
                    }
                }
            }
        }
        return edge ? j1 : end;
    }

    /**
     * Steps of k per block for a panel of {@code vectors} vectors, the blocks about even: for 3
     * vectors at most {@link #KC}, so the block of y (24 KB) stays in L1 while the row tiles go by,
     * which made the 784-deep products 25 % faster; narrower panels, cut the same way, lost
     * as much (measured on 784 x 32 x 300), so only very deep ones are cut.
     */
    private static int blockSize(int k, int vectors) {
        int most = vectors == 3 ? KC : 4 * KC;
        int blocks = (k + most - 1) / most;
        return (k + blocks - 1) / blocks;
    }

    /** How many steps p of an edge tile at column j can load a whole vector straight from y. */
    private static int directSteps(Operands o, int j) {
        int room = o.y.length - j - L;
        return room < 0 ? 0 : Math.min(o.k, room / o.ldy + 1);
    }

    /** Offset in x of row {@code i + r} of a tile of {@code rows} real rows: the last one repeats. */
    private static int row(Operands o, int i, int r, int rows) {
        return (i + Math.min(r, rows - 1)) * o.xRowStride;
    }

    /**
     * Where the accumulators of row r of a tile at column j start: in {@link #ZEROS} for the first
     * block of k, else in c, what the last block stored (or, when accumulating, what c held). Always a load, never a choice between two
     * vectors: C2 (JDK 17) boxes every vector of a tile whose accumulators may come from either.
     */
    private static int start(Operands o, int i, int r, int rows, int j, boolean first) {
        return first ? 0 : (i + Math.min(r, rows - 1)) * o.ldc + j;
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

    @SuppressWarnings("fallthrough")
    private static void tile4x3(Operands o, int i, int rows, int j, int p0, int p1) {
        float[] x = o.x;
        float[] y = o.y;
        int cs = o.xColStride;
        int ldy = o.ldy;
        int x0 = row(o, i, 0, rows), x1 = row(o, i, 1, rows), x2 = row(o, i, 2, rows), x3 = row(o, i, 3, rows);
        boolean first = p0 == 0 && !o.accumulate;
        float[] init = first ? ZEROS : o.c;
        int s0 = start(o, i, 0, rows, j, first), s1 = start(o, i, 1, rows, j, first), s2 = start(o, i, 2, rows, j, first);
        int s3 = start(o, i, 3, rows, j, first);
        FloatVector c00 = FloatVector.fromArray(S, init, s0);
        FloatVector c01 = FloatVector.fromArray(S, init, s0 + L);
        FloatVector c02 = FloatVector.fromArray(S, init, s0 + 2 * L);
        FloatVector c10 = FloatVector.fromArray(S, init, s1);
        FloatVector c11 = FloatVector.fromArray(S, init, s1 + L);
        FloatVector c12 = FloatVector.fromArray(S, init, s1 + 2 * L);
        FloatVector c20 = FloatVector.fromArray(S, init, s2);
        FloatVector c21 = FloatVector.fromArray(S, init, s2 + L);
        FloatVector c22 = FloatVector.fromArray(S, init, s2 + 2 * L);
        FloatVector c30 = FloatVector.fromArray(S, init, s3);
        FloatVector c31 = FloatVector.fromArray(S, init, s3 + L);
        FloatVector c32 = FloatVector.fromArray(S, init, s3 + 2 * L);
        for (int p = p0, xp = p0 * cs, yp = p0 * ldy + j; p < p1; p++, xp += cs, yp += ldy) {
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

    /**
     * {@link #tile4x3} with twice the rows, for 16 lanes (AVX-512's 32 registers): each step's
     * three loads of y feed 24 FMAs instead of 12. The 8 rows lie side by side in {@code xs}, x(i + r,
     * p) at {@code xb + p cs + r}: in x<sup>T</sup> itself, or copied so by {@link PackedRows}. One
     * index then serves the eight broadcasts, so C2 checks its range twice a step instead of eight
     * times and keeps it in one register instead of eight (JMH on this Xeon, 4 x 3 tiles: 97
     * GFLOP/s forward, 82 weight gradient; 8 x 3 with eight row indexes: 112 and 100; side by side:
     * 124 and 113). Rows past the {@code rows} real ones (copies of the last, when packed) are
     * stored over the last with the same bits: with {@link #exact} and a switch like the other
     * tiles, C1 ran out of registers on this method and the product ran at 1 GFLOP/s.
     *
     * <p>The tile takes 28 of the 32 vector registers, so the loop must not need more general
     * registers than x86 has: C2 parks the extra ones in vector registers and then keeps y's three
     * vectors on the stack, a load from the stack for every FMA, 2.5x slower. Whether it did so
     * depended on the compile (with the serial or parallel GC, most JVM runs; with G1, some), so the
     * store offsets are computed after the loop instead of kept through it with the start offsets.
     */
    private static void tile8x3(Operands o, float[] xs, int xb, int cs, int i, int rows, int j, int p0, int p1) {
        float[] y = o.y;
        int ldy = o.ldy;
        boolean first = p0 == 0 && !o.accumulate;
        float[] init = first ? ZEROS : o.c;
        // apart from the store offsets after the loop, so that no row offset lives through it
        int s0 = first ? 0 : i * o.ldc + j;
        int step = first ? 0 : o.ldc;
        int lastStart = first ? 0 : (rows - 1) * o.ldc;
        int s1 = s0 + Math.min(step, lastStart);
        int s2 = s0 + Math.min(2 * step, lastStart);
        int s3 = s0 + Math.min(3 * step, lastStart);
        int s4 = s0 + Math.min(4 * step, lastStart);
        int s5 = s0 + Math.min(5 * step, lastStart);
        int s6 = s0 + Math.min(6 * step, lastStart);
        int s7 = s0 + Math.min(7 * step, lastStart);
        FloatVector c00 = FloatVector.fromArray(S, init, s0);
        FloatVector c01 = FloatVector.fromArray(S, init, s0 + L);
        FloatVector c02 = FloatVector.fromArray(S, init, s0 + 2 * L);
        FloatVector c10 = FloatVector.fromArray(S, init, s1);
        FloatVector c11 = FloatVector.fromArray(S, init, s1 + L);
        FloatVector c12 = FloatVector.fromArray(S, init, s1 + 2 * L);
        FloatVector c20 = FloatVector.fromArray(S, init, s2);
        FloatVector c21 = FloatVector.fromArray(S, init, s2 + L);
        FloatVector c22 = FloatVector.fromArray(S, init, s2 + 2 * L);
        FloatVector c30 = FloatVector.fromArray(S, init, s3);
        FloatVector c31 = FloatVector.fromArray(S, init, s3 + L);
        FloatVector c32 = FloatVector.fromArray(S, init, s3 + 2 * L);
        FloatVector c40 = FloatVector.fromArray(S, init, s4);
        FloatVector c41 = FloatVector.fromArray(S, init, s4 + L);
        FloatVector c42 = FloatVector.fromArray(S, init, s4 + 2 * L);
        FloatVector c50 = FloatVector.fromArray(S, init, s5);
        FloatVector c51 = FloatVector.fromArray(S, init, s5 + L);
        FloatVector c52 = FloatVector.fromArray(S, init, s5 + 2 * L);
        FloatVector c60 = FloatVector.fromArray(S, init, s6);
        FloatVector c61 = FloatVector.fromArray(S, init, s6 + L);
        FloatVector c62 = FloatVector.fromArray(S, init, s6 + 2 * L);
        FloatVector c70 = FloatVector.fromArray(S, init, s7);
        FloatVector c71 = FloatVector.fromArray(S, init, s7 + L);
        FloatVector c72 = FloatVector.fromArray(S, init, s7 + 2 * L);
        for (int p = p0, xq = xb + p0 * cs, yp = p0 * ldy + j; p < p1; p++, xq += cs, yp += ldy) {
            FloatVector y0 = FloatVector.fromArray(S, y, yp);
            FloatVector y1 = FloatVector.fromArray(S, y, yp + L);
            FloatVector y2 = FloatVector.fromArray(S, y, yp + 2 * L);
            FloatVector a = FloatVector.broadcast(S, xs[xq]);
            c00 = a.fma(y0, c00);
            c01 = a.fma(y1, c01);
            c02 = a.fma(y2, c02);
            a = FloatVector.broadcast(S, xs[xq + 1]);
            c10 = a.fma(y0, c10);
            c11 = a.fma(y1, c11);
            c12 = a.fma(y2, c12);
            a = FloatVector.broadcast(S, xs[xq + 2]);
            c20 = a.fma(y0, c20);
            c21 = a.fma(y1, c21);
            c22 = a.fma(y2, c22);
            a = FloatVector.broadcast(S, xs[xq + 3]);
            c30 = a.fma(y0, c30);
            c31 = a.fma(y1, c31);
            c32 = a.fma(y2, c32);
            a = FloatVector.broadcast(S, xs[xq + 4]);
            c40 = a.fma(y0, c40);
            c41 = a.fma(y1, c41);
            c42 = a.fma(y2, c42);
            a = FloatVector.broadcast(S, xs[xq + 5]);
            c50 = a.fma(y0, c50);
            c51 = a.fma(y1, c51);
            c52 = a.fma(y2, c52);
            a = FloatVector.broadcast(S, xs[xq + 6]);
            c60 = a.fma(y0, c60);
            c61 = a.fma(y1, c61);
            c62 = a.fma(y2, c62);
            a = FloatVector.broadcast(S, xs[xq + 7]);
            c70 = a.fma(y0, c70);
            c71 = a.fma(y1, c71);
            c72 = a.fma(y2, c72);
        }
        float[] c = o.c;
        int ldc = o.ldc;
        int ci = i * ldc + j;
        int last = (rows - 1) * ldc;
        int d1 = ci + Math.min(ldc, last);
        int d2 = ci + Math.min(2 * ldc, last);
        int d3 = ci + Math.min(3 * ldc, last);
        int d4 = ci + Math.min(4 * ldc, last);
        int d5 = ci + Math.min(5 * ldc, last);
        int d6 = ci + Math.min(6 * ldc, last);
        int d7 = ci + Math.min(7 * ldc, last);
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L);
        c02.intoArray(c, ci + 2 * L);
        c10.intoArray(c, d1);
        c11.intoArray(c, d1 + L);
        c12.intoArray(c, d1 + 2 * L);
        c20.intoArray(c, d2);
        c21.intoArray(c, d2 + L);
        c22.intoArray(c, d2 + 2 * L);
        c30.intoArray(c, d3);
        c31.intoArray(c, d3 + L);
        c32.intoArray(c, d3 + 2 * L);
        c40.intoArray(c, d4);
        c41.intoArray(c, d4 + L);
        c42.intoArray(c, d4 + 2 * L);
        c50.intoArray(c, d5);
        c51.intoArray(c, d5 + L);
        c52.intoArray(c, d5 + 2 * L);
        c60.intoArray(c, d6);
        c61.intoArray(c, d6 + L);
        c62.intoArray(c, d6 + 2 * L);
        c70.intoArray(c, d7);
        c71.intoArray(c, d7 + L);
        c72.intoArray(c, d7 + 2 * L);
    }

    @SuppressWarnings("fallthrough")
    private static void tile6x2(Operands o, int i, int rows, int j, int p0, int p1) {
        float[] x = o.x;
        float[] y = o.y;
        int cs = o.xColStride;
        int ldy = o.ldy;
        int x0 = row(o, i, 0, rows), x1 = row(o, i, 1, rows), x2 = row(o, i, 2, rows), x3 = row(o, i, 3, rows);
        int x4 = row(o, i, 4, rows), x5 = row(o, i, 5, rows);
        boolean first = p0 == 0 && !o.accumulate;
        float[] init = first ? ZEROS : o.c;
        int s0 = start(o, i, 0, rows, j, first), s1 = start(o, i, 1, rows, j, first), s2 = start(o, i, 2, rows, j, first);
        int s3 = start(o, i, 3, rows, j, first), s4 = start(o, i, 4, rows, j, first), s5 = start(o, i, 5, rows, j, first);
        FloatVector c00 = FloatVector.fromArray(S, init, s0);
        FloatVector c01 = FloatVector.fromArray(S, init, s0 + L);
        FloatVector c10 = FloatVector.fromArray(S, init, s1);
        FloatVector c11 = FloatVector.fromArray(S, init, s1 + L);
        FloatVector c20 = FloatVector.fromArray(S, init, s2);
        FloatVector c21 = FloatVector.fromArray(S, init, s2 + L);
        FloatVector c30 = FloatVector.fromArray(S, init, s3);
        FloatVector c31 = FloatVector.fromArray(S, init, s3 + L);
        FloatVector c40 = FloatVector.fromArray(S, init, s4);
        FloatVector c41 = FloatVector.fromArray(S, init, s4 + L);
        FloatVector c50 = FloatVector.fromArray(S, init, s5);
        FloatVector c51 = FloatVector.fromArray(S, init, s5 + L);
        for (int p = p0, xp = p0 * cs, yp = p0 * ldy + j; p < p1; p++, xp += cs, yp += ldy) {
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
        }
        float[] c = o.c;
        int ldc = o.ldc;
        int ci = i * ldc + j;
        switch (rows) { // falls through: stores the real rows, the last first
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
    private static void tile8x1(Operands o, int i, int rows, int j, int p0, int p1) {
        float[] x = o.x;
        float[] y = o.y;
        int cs = o.xColStride;
        int ldy = o.ldy;
        int x0 = row(o, i, 0, rows), x1 = row(o, i, 1, rows), x2 = row(o, i, 2, rows), x3 = row(o, i, 3, rows);
        int x4 = row(o, i, 4, rows), x5 = row(o, i, 5, rows), x6 = row(o, i, 6, rows), x7 = row(o, i, 7, rows);
        boolean first = p0 == 0 && !o.accumulate;
        float[] init = first ? ZEROS : o.c;
        int s0 = start(o, i, 0, rows, j, first), s1 = start(o, i, 1, rows, j, first), s2 = start(o, i, 2, rows, j, first);
        int s3 = start(o, i, 3, rows, j, first), s4 = start(o, i, 4, rows, j, first), s5 = start(o, i, 5, rows, j, first);
        int s6 = start(o, i, 6, rows, j, first), s7 = start(o, i, 7, rows, j, first);
        FloatVector c0 = FloatVector.fromArray(S, init, s0);
        FloatVector c1 = FloatVector.fromArray(S, init, s1);
        FloatVector c2 = FloatVector.fromArray(S, init, s2);
        FloatVector c3 = FloatVector.fromArray(S, init, s3);
        FloatVector c4 = FloatVector.fromArray(S, init, s4);
        FloatVector c5 = FloatVector.fromArray(S, init, s5);
        FloatVector c6 = FloatVector.fromArray(S, init, s6);
        FloatVector c7 = FloatVector.fromArray(S, init, s7);
        for (int p = p0, xp = p0 * cs, yp = p0 * ldy + j; p < p1; p++, xp += cs, yp += ldy) {
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
     * The last {@code width} &lt; L columns over x's rows side by side, as {@link #tile8x3} reads them: one index for the
     * eight broadcasts (JMH on this Xeon: the 12 columns past the panels of a 784 x 300 weight
     * gradient and forward took 26 and 14 us of 135 and 124 before; with it, 784 x 300 runs at 119
     * and 134 GFLOP/s, against 129 and 131 for 784 x 288). Also for every x<sup>T</sup> when fewer
     * than L columns are all there is (the weight gradient of a 10-class output layer at batch 256
     * on the Zen 5 VM: 9.5 -> 7.3 us); the scratch works as in {@link #edgeTile8x1RowMajor}.
     */
    private static void edgeTile8x1(Operands o, float[] xs, int xb, int cs, int i, int rows, int j, int p0, int p1,
            int width, int direct, float[] scratch) {
        float[] y = o.y;
        float[] c = o.c;
        int ldy = o.ldy;
        int ldc = o.ldc;
        int ci = i * ldc + j;
        boolean first = p0 == 0 && !o.accumulate;
        if (!first) {
            for (int r = 0; r < 8; r++) {
                System.arraycopy(c, ci + Math.min(r, rows - 1) * ldc, scratch, r * L, width);
            }
        }
        float[] init = first ? ZEROS : scratch;
        int step = first ? 0 : L;
        FloatVector c0 = FloatVector.fromArray(S, init, 0);
        FloatVector c1 = FloatVector.fromArray(S, init, step);
        FloatVector c2 = FloatVector.fromArray(S, init, 2 * step);
        FloatVector c3 = FloatVector.fromArray(S, init, 3 * step);
        FloatVector c4 = FloatVector.fromArray(S, init, 4 * step);
        FloatVector c5 = FloatVector.fromArray(S, init, 5 * step);
        FloatVector c6 = FloatVector.fromArray(S, init, 6 * step);
        FloatVector c7 = FloatVector.fromArray(S, init, 7 * step);
        int p = p0;
        int xq = xb + p0 * cs;
        int yp = p0 * ldy + j;
        for (int end = Math.min(p1, Math.max(p0, direct)); p < end; p++, xq += cs, yp += ldy) {
            FloatVector y0 = FloatVector.fromArray(S, y, yp);
            FloatVector a = FloatVector.broadcast(S, xs[xq]);
            c0 = a.fma(y0, c0);
            a = FloatVector.broadcast(S, xs[xq + 1]);
            c1 = a.fma(y0, c1);
            a = FloatVector.broadcast(S, xs[xq + 2]);
            c2 = a.fma(y0, c2);
            a = FloatVector.broadcast(S, xs[xq + 3]);
            c3 = a.fma(y0, c3);
            a = FloatVector.broadcast(S, xs[xq + 4]);
            c4 = a.fma(y0, c4);
            a = FloatVector.broadcast(S, xs[xq + 5]);
            c5 = a.fma(y0, c5);
            a = FloatVector.broadcast(S, xs[xq + 6]);
            c6 = a.fma(y0, c6);
            a = FloatVector.broadcast(S, xs[xq + 7]);
            c7 = a.fma(y0, c7);
        }
        for (; p < p1; p++, xq += cs, yp += ldy) {
            System.arraycopy(y, yp, scratch, 0, width);
            FloatVector y0 = FloatVector.fromArray(S, scratch, 0);
            FloatVector a = FloatVector.broadcast(S, xs[xq]);
            c0 = a.fma(y0, c0);
            a = FloatVector.broadcast(S, xs[xq + 1]);
            c1 = a.fma(y0, c1);
            a = FloatVector.broadcast(S, xs[xq + 2]);
            c2 = a.fma(y0, c2);
            a = FloatVector.broadcast(S, xs[xq + 3]);
            c3 = a.fma(y0, c3);
            a = FloatVector.broadcast(S, xs[xq + 4]);
            c4 = a.fma(y0, c4);
            a = FloatVector.broadcast(S, xs[xq + 5]);
            c5 = a.fma(y0, c5);
            a = FloatVector.broadcast(S, xs[xq + 6]);
            c6 = a.fma(y0, c6);
            a = FloatVector.broadcast(S, xs[xq + 7]);
            c7 = a.fma(y0, c7);
        }
        c0.intoArray(scratch, 0);
        c1.intoArray(scratch, L);
        c2.intoArray(scratch, 2 * L);
        c3.intoArray(scratch, 3 * L);
        c4.intoArray(scratch, 4 * L);
        c5.intoArray(scratch, 5 * L);
        c6.intoArray(scratch, 6 * L);
        c7.intoArray(scratch, 7 * L);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(scratch, r * L, c, ci + r * ldc, width);
        }
    }

    /**
     * The last {@code width} &lt; L columns for a row-major x (column stride 1). The lanes past the
     * edge hold whatever comes next in memory and are thrown away; what would run off the end of an
     * array goes through the scratch: the accumulators in, the steps p from {@code direct} on, and
     * the results out. The loop is indexed by p itself: with the eight row offsets fixed through it,
     * C2 checks x's ranges once before the loop instead of eight times a step (JMH, the tutorial's
     * 100 x 10 forward at batch 256: 11.2 -> 8.1 us).
     */
    private static void edgeTile8x1RowMajor(Operands o, int i, int rows, int j, int p0, int p1, int width, int direct,
            float[] scratch) {
        float[] x = o.x;
        float[] y = o.y;
        float[] c = o.c;
        int ldy = o.ldy;
        int ldc = o.ldc;
        int ci = i * ldc + j;
        int x0 = row(o, i, 0, rows), x1 = row(o, i, 1, rows), x2 = row(o, i, 2, rows), x3 = row(o, i, 3, rows);
        int x4 = row(o, i, 4, rows), x5 = row(o, i, 5, rows), x6 = row(o, i, 6, rows), x7 = row(o, i, 7, rows);
        boolean first = p0 == 0 && !o.accumulate;
        if (!first) {
            for (int r = 0; r < 8; r++) {
                System.arraycopy(c, ci + Math.min(r, rows - 1) * ldc, scratch, r * L, width);
            }
        }
        float[] init = first ? ZEROS : scratch;
        int step = first ? 0 : L;
        FloatVector c0 = FloatVector.fromArray(S, init, 0);
        FloatVector c1 = FloatVector.fromArray(S, init, step);
        FloatVector c2 = FloatVector.fromArray(S, init, 2 * step);
        FloatVector c3 = FloatVector.fromArray(S, init, 3 * step);
        FloatVector c4 = FloatVector.fromArray(S, init, 4 * step);
        FloatVector c5 = FloatVector.fromArray(S, init, 5 * step);
        FloatVector c6 = FloatVector.fromArray(S, init, 6 * step);
        FloatVector c7 = FloatVector.fromArray(S, init, 7 * step);
        int end = Math.min(p1, Math.max(p0, direct));
        for (int p = p0; p < end; p++) {
            FloatVector y0 = FloatVector.fromArray(S, y, p * ldy + j);
            c0 = FloatVector.broadcast(S, x[x0 + p]).fma(y0, c0);
            c1 = FloatVector.broadcast(S, x[x1 + p]).fma(y0, c1);
            c2 = FloatVector.broadcast(S, x[x2 + p]).fma(y0, c2);
            c3 = FloatVector.broadcast(S, x[x3 + p]).fma(y0, c3);
            c4 = FloatVector.broadcast(S, x[x4 + p]).fma(y0, c4);
            c5 = FloatVector.broadcast(S, x[x5 + p]).fma(y0, c5);
            c6 = FloatVector.broadcast(S, x[x6 + p]).fma(y0, c6);
            c7 = FloatVector.broadcast(S, x[x7 + p]).fma(y0, c7);
        }
        for (int p = end; p < p1; p++) {
            System.arraycopy(y, p * ldy + j, scratch, 0, width);
            FloatVector y0 = FloatVector.fromArray(S, scratch, 0);
            c0 = FloatVector.broadcast(S, x[x0 + p]).fma(y0, c0);
            c1 = FloatVector.broadcast(S, x[x1 + p]).fma(y0, c1);
            c2 = FloatVector.broadcast(S, x[x2 + p]).fma(y0, c2);
            c3 = FloatVector.broadcast(S, x[x3 + p]).fma(y0, c3);
            c4 = FloatVector.broadcast(S, x[x4 + p]).fma(y0, c4);
            c5 = FloatVector.broadcast(S, x[x5 + p]).fma(y0, c5);
            c6 = FloatVector.broadcast(S, x[x6 + p]).fma(y0, c6);
            c7 = FloatVector.broadcast(S, x[x7 + p]).fma(y0, c7);
        }
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
