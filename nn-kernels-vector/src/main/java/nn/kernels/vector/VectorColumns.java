package nn.kernels.vector;

import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import nn.api.ReluOps;

/**
 * {@link ColumnPasses} for one vector species, a template that {@link Specializer} copies once per
 * species (C2 compiles Vector API code only with a constant species). Reductions keep 4 vectors of
 * columns in registers while the rows go by; elementwise passes go row by row. The fewer than one
 * vector of columns at the right edge are plain scalar code with the same formulas.
 */
final class VectorColumns implements ColumnPasses {
    private static final VectorSpecies<Float> S = Specializer.species(MethodHandles.lookup());
    private static final int L = S.length();

    @Override
    public void sums(float[] a, int rows, int cols, int j0, int j1, float[] sums) {
        int end = rows * cols;
        int j = j0;
        for (; j + 4 * L <= j1; j += 4 * L) {
            FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
            for (int row = 0; row < end; row += cols) {
                int k = row + j;
                s0 = s0.add(FloatVector.fromArray(S, a, k));
                s1 = s1.add(FloatVector.fromArray(S, a, k + L));
                s2 = s2.add(FloatVector.fromArray(S, a, k + 2 * L));
                s3 = s3.add(FloatVector.fromArray(S, a, k + 3 * L));
            }
            s0.intoArray(sums, j);
            s1.intoArray(sums, j + L);
            s2.intoArray(sums, j + 2 * L);
            s3.intoArray(sums, j + 3 * L);
        }
        for (; j + L <= j1; j += L) {
            FloatVector s0 = FloatVector.zero(S);
            for (int row = 0; row < end; row += cols) {
                s0 = s0.add(FloatVector.fromArray(S, a, row + j));
            }
            s0.intoArray(sums, j);
        }
        if (j < j1) {
            Arrays.fill(sums, j, j1, 0f);
            for (int row = 0; row < end; row += cols) {
                for (int t = j; t < j1; t++) {
                    sums[t] += a[row + t];
                }
            }
        }
    }

    @Override
    public void dots(float[] a, float[] b, int rows, int cols, int j0, int j1, float[] dots) {
        int end = rows * cols;
        int j = j0;
        for (; j + 4 * L <= j1; j += 4 * L) {
            FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
            for (int row = 0; row < end; row += cols) {
                int k = row + j;
                s0 = FloatVector.fromArray(S, a, k).fma(FloatVector.fromArray(S, b, k), s0);
                s1 = FloatVector.fromArray(S, a, k + L).fma(FloatVector.fromArray(S, b, k + L), s1);
                s2 = FloatVector.fromArray(S, a, k + 2 * L).fma(FloatVector.fromArray(S, b, k + 2 * L), s2);
                s3 = FloatVector.fromArray(S, a, k + 3 * L).fma(FloatVector.fromArray(S, b, k + 3 * L), s3);
            }
            s0.intoArray(dots, j);
            s1.intoArray(dots, j + L);
            s2.intoArray(dots, j + 2 * L);
            s3.intoArray(dots, j + 3 * L);
        }
        for (; j + L <= j1; j += L) {
            FloatVector s0 = FloatVector.zero(S);
            for (int row = 0; row < end; row += cols) {
                s0 = FloatVector.fromArray(S, a, row + j).fma(FloatVector.fromArray(S, b, row + j), s0);
            }
            s0.intoArray(dots, j);
        }
        if (j < j1) {
            Arrays.fill(dots, j, j1, 0f);
            for (int row = 0; row < end; row += cols) {
                for (int t = j; t < j1; t++) {
                    dots[t] = Math.fma(a[row + t], b[row + t], dots[t]);
                }
            }
        }
    }

    @Override
    public void sumsAndDots(float[] a, float[] b, int rows, int cols, int j0, int j1, float[] sums, float[] dots) {
        int end = rows * cols;
        int j = j0;
        for (; j + 4 * L <= j1; j += 4 * L) {
            FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0, d0 = s0, d1 = s0, d2 = s0, d3 = s0;
            for (int row = 0; row < end; row += cols) {
                int k = row + j;
                FloatVector a0 = FloatVector.fromArray(S, a, k), a1 = FloatVector.fromArray(S, a, k + L);
                FloatVector a2 = FloatVector.fromArray(S, a, k + 2 * L), a3 = FloatVector.fromArray(S, a, k + 3 * L);
                s0 = s0.add(a0);
                s1 = s1.add(a1);
                s2 = s2.add(a2);
                s3 = s3.add(a3);
                d0 = a0.fma(FloatVector.fromArray(S, b, k), d0);
                d1 = a1.fma(FloatVector.fromArray(S, b, k + L), d1);
                d2 = a2.fma(FloatVector.fromArray(S, b, k + 2 * L), d2);
                d3 = a3.fma(FloatVector.fromArray(S, b, k + 3 * L), d3);
            }
            s0.intoArray(sums, j);
            s1.intoArray(sums, j + L);
            s2.intoArray(sums, j + 2 * L);
            s3.intoArray(sums, j + 3 * L);
            d0.intoArray(dots, j);
            d1.intoArray(dots, j + L);
            d2.intoArray(dots, j + 2 * L);
            d3.intoArray(dots, j + 3 * L);
        }
        for (; j + L <= j1; j += L) {
            FloatVector s0 = FloatVector.zero(S), d0 = s0;
            for (int row = 0; row < end; row += cols) {
                FloatVector a0 = FloatVector.fromArray(S, a, row + j);
                s0 = s0.add(a0);
                d0 = a0.fma(FloatVector.fromArray(S, b, row + j), d0);
            }
            s0.intoArray(sums, j);
            d0.intoArray(dots, j);
        }
        if (j < j1) {
            Arrays.fill(sums, j, j1, 0f);
            Arrays.fill(dots, j, j1, 0f);
            for (int row = 0; row < end; row += cols) {
                for (int t = j; t < j1; t++) {
                    sums[t] += a[row + t];
                    dots[t] = Math.fma(a[row + t], b[row + t], dots[t]);
                }
            }
        }
    }

    @Override
    public void centeredDots(float[] a, float[] center, int rows, int cols, int j0, int j1, float[] dots) {
        int end = rows * cols;
        int j = j0;
        for (; j + 4 * L <= j1; j += 4 * L) {
            FloatVector c0 = FloatVector.fromArray(S, center, j), c1 = FloatVector.fromArray(S, center, j + L);
            FloatVector c2 = FloatVector.fromArray(S, center, j + 2 * L), c3 = FloatVector.fromArray(S, center, j + 3 * L);
            FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
            for (int row = 0; row < end; row += cols) {
                int k = row + j;
                FloatVector d0 = FloatVector.fromArray(S, a, k).sub(c0), d1 = FloatVector.fromArray(S, a, k + L).sub(c1);
                FloatVector d2 = FloatVector.fromArray(S, a, k + 2 * L).sub(c2);
                FloatVector d3 = FloatVector.fromArray(S, a, k + 3 * L).sub(c3);
                s0 = d0.fma(d0, s0);
                s1 = d1.fma(d1, s1);
                s2 = d2.fma(d2, s2);
                s3 = d3.fma(d3, s3);
            }
            s0.intoArray(dots, j);
            s1.intoArray(dots, j + L);
            s2.intoArray(dots, j + 2 * L);
            s3.intoArray(dots, j + 3 * L);
        }
        for (; j + L <= j1; j += L) {
            FloatVector c0 = FloatVector.fromArray(S, center, j);
            FloatVector s0 = FloatVector.zero(S);
            for (int row = 0; row < end; row += cols) {
                FloatVector d0 = FloatVector.fromArray(S, a, row + j).sub(c0);
                s0 = d0.fma(d0, s0);
            }
            s0.intoArray(dots, j);
        }
        if (j < j1) {
            Arrays.fill(dots, j, j1, 0f);
            for (int row = 0; row < end; row += cols) {
                for (int t = j; t < j1; t++) {
                    float d = a[row + t] - center[t];
                    dots[t] = Math.fma(d, d, dots[t]);
                }
            }
        }
    }

    /**
     * {@link ReluOps#backward} on whole vectors is written out in the loops: as a static method
     * returning the vector, C2 (JDK 17) left it uninlined in the compiled pass and allocated every
     * vector it returned (found by the tutorial's allocation test).
     */
    @Override
    public void reluSumsAndDots(float[] dy, float[] y, float[] b, int rows, int cols, int j0, int j1, float[] dx,
            float[] sums, float[] dots) {
        int end = rows * cols;
        int j = j0;
        for (; j + 4 * L <= j1; j += 4 * L) {
            FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0, d0 = s0, d1 = s0, d2 = s0, d3 = s0;
            for (int row = 0; row < end; row += cols) {
                int k = row + j;
                FloatVector g0 = FloatVector.fromArray(S, dy, k).reinterpretAsInts()
                        .and(FloatVector.fromArray(S, y, k).reinterpretAsInts().neg().lanewise(VectorOperators.ASHR, 31))
                        .reinterpretAsFloats();
                FloatVector g1 = FloatVector.fromArray(S, dy, k + L).reinterpretAsInts()
                        .and(FloatVector.fromArray(S, y, k + L).reinterpretAsInts().neg().lanewise(VectorOperators.ASHR, 31))
                        .reinterpretAsFloats();
                FloatVector g2 = FloatVector.fromArray(S, dy, k + 2 * L).reinterpretAsInts()
                        .and(FloatVector.fromArray(S, y, k + 2 * L).reinterpretAsInts().neg().lanewise(VectorOperators.ASHR, 31))
                        .reinterpretAsFloats();
                FloatVector g3 = FloatVector.fromArray(S, dy, k + 3 * L).reinterpretAsInts()
                        .and(FloatVector.fromArray(S, y, k + 3 * L).reinterpretAsInts().neg().lanewise(VectorOperators.ASHR, 31))
                        .reinterpretAsFloats();
                g0.intoArray(dx, k);
                g1.intoArray(dx, k + L);
                g2.intoArray(dx, k + 2 * L);
                g3.intoArray(dx, k + 3 * L);
                s0 = s0.add(g0);
                s1 = s1.add(g1);
                s2 = s2.add(g2);
                s3 = s3.add(g3);
                d0 = g0.fma(FloatVector.fromArray(S, b, k), d0);
                d1 = g1.fma(FloatVector.fromArray(S, b, k + L), d1);
                d2 = g2.fma(FloatVector.fromArray(S, b, k + 2 * L), d2);
                d3 = g3.fma(FloatVector.fromArray(S, b, k + 3 * L), d3);
            }
            s0.intoArray(sums, j);
            s1.intoArray(sums, j + L);
            s2.intoArray(sums, j + 2 * L);
            s3.intoArray(sums, j + 3 * L);
            d0.intoArray(dots, j);
            d1.intoArray(dots, j + L);
            d2.intoArray(dots, j + 2 * L);
            d3.intoArray(dots, j + 3 * L);
        }
        for (; j + L <= j1; j += L) {
            FloatVector s0 = FloatVector.zero(S), d0 = s0;
            for (int row = 0; row < end; row += cols) {
                FloatVector g0 = FloatVector.fromArray(S, dy, row + j).reinterpretAsInts()
                        .and(FloatVector.fromArray(S, y, row + j).reinterpretAsInts().neg().lanewise(VectorOperators.ASHR, 31))
                        .reinterpretAsFloats();
                g0.intoArray(dx, row + j);
                s0 = s0.add(g0);
                d0 = g0.fma(FloatVector.fromArray(S, b, row + j), d0);
            }
            s0.intoArray(sums, j);
            d0.intoArray(dots, j);
        }
        if (j < j1) {
            Arrays.fill(sums, j, j1, 0f);
            Arrays.fill(dots, j, j1, 0f);
            for (int row = 0; row < end; row += cols) {
                for (int t = j; t < j1; t++) {
                    float g = ReluOps.backward(y[row + t], dy[row + t]);
                    dx[row + t] = g;
                    sums[t] += g;
                    dots[t] = Math.fma(g, b[row + t], dots[t]);
                }
            }
        }
    }

    @Override
    public void normalize(float[] a, float[] center, float[] scale, float[] outScale, float[] outShift, boolean relu,
            int cols, int r0, int r1, float[] normalized, float[] c) {
        int vectorCols = cols - cols % L;
        FloatVector zero = FloatVector.zero(S);
        for (int row = r0 * cols, end = r1 * cols; row < end; row += cols) {
            for (int j = 0; j < vectorCols; j += L) {
                FloatVector z = FloatVector.fromArray(S, a, row + j).sub(FloatVector.fromArray(S, center, j))
                        .fma(FloatVector.fromArray(S, scale, j), zero);
                z.intoArray(normalized, row + j);
                FloatVector out = z.fma(FloatVector.fromArray(S, outScale, j), FloatVector.fromArray(S, outShift, j));
                (relu ? out.max(zero) : out).intoArray(c, row + j);
            }
            for (int j = vectorCols; j < cols; j++) {
                float z = Math.fma(a[row + j] - center[j], scale[j], 0f);
                normalized[row + j] = z;
                float out = Math.fma(z, outScale[j], outShift[j]);
                c[row + j] = relu ? Math.max(out, 0f) : out;
            }
        }
    }

    @Override
    public void affine(float[] a, float[] center, float[] scale, float[] shift, int cols, int r0, int r1, float[] c) {
        int vectorCols = cols - cols % L;
        for (int row = r0 * cols, end = r1 * cols; row < end; row += cols) {
            for (int j = 0; j < vectorCols; j += L) {
                FloatVector.fromArray(S, a, row + j).sub(FloatVector.fromArray(S, center, j))
                        .fma(FloatVector.fromArray(S, scale, j), FloatVector.fromArray(S, shift, j))
                        .intoArray(c, row + j);
            }
            for (int j = vectorCols; j < cols; j++) {
                c[row + j] = Math.fma(a[row + j] - center[j], scale[j], shift[j]);
            }
        }
    }

    @Override
    public void affine(float[] a, float[] center, float[] scale, float[] b, float[] bScale, int cols, int r0, int r1,
            float[] c) {
        int vectorCols = cols - cols % L;
        for (int row = r0 * cols, end = r1 * cols; row < end; row += cols) {
            for (int j = 0; j < vectorCols; j += L) {
                FloatVector scaled = FloatVector.fromArray(S, a, row + j).sub(FloatVector.fromArray(S, center, j))
                        .mul(FloatVector.fromArray(S, scale, j));
                FloatVector.fromArray(S, b, row + j).fma(FloatVector.fromArray(S, bScale, j), scaled)
                        .intoArray(c, row + j);
            }
            for (int j = vectorCols; j < cols; j++) {
                c[row + j] = Math.fma(b[row + j], bScale[j], (a[row + j] - center[j]) * scale[j]);
            }
        }
    }
}
