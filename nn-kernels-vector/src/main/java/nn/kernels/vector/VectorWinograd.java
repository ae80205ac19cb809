package nn.kernels.vector;

import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import nn.api.WinogradTiles;

/**
 * {@link WinogradPasses} for one vector species, a template that {@link Specializer} copies once
 * per species. The same passes as {@link nn.api.WinogradOps}, band by band: the row halves run
 * over whole image rows, the column halves over each tile's channels (filters), a vector at a
 * time, with the reference's scalar loop for the fewer than one vector at the end.
 */
final class VectorWinograd implements WinogradPasses {
    private static final VectorSpecies<Float> S = Specializer.species(MethodHandles.lookup());
    private static final int L = S.length();

    @Override
    public void input(float[] x, int first, int from, int to, WinogradTiles tiles, float[][] v, float[] band) {
        int c = tiles.channels;
        int rowLength = tiles.width * c;
        int bandRow = tiles.bandPixels * c;
        int inside = tiles.left * c;
        float[] zeros = tiles.zeroRow();
        float[] v0 = v[0], v1 = v[1], v2 = v[2], v3 = v[3], v4 = v[4], v5 = v[5], v6 = v[6], v7 = v[7];
        float[] v8 = v[8], v9 = v[9], v10 = v[10], v11 = v[11], v12 = v[12], v13 = v[13], v14 = v[14], v15 = v[15];
        for (int s = from; s < to; s++) {
            int e0 = s * tiles.bandFloats(), e1 = e0 + bandRow, e2 = e1 + bandRow, e3 = e2 + bandRow;
            for (int i = 0; i < 4; i++) {
                int rowStart = e0 + i * bandRow;
                Arrays.fill(band, rowStart, rowStart + inside, 0f);
                Arrays.fill(band, rowStart + inside + rowLength, rowStart + bandRow, 0f);
            }
            int sampleStart = (first + s) * tiles.height * rowLength;
            for (int ty = 0; ty < tiles.tilesHigh; ty++) {
                int top = 2 * ty - tiles.top;
                float[] r0 = inImage(top, tiles) ? x : zeros, r1 = inImage(top + 1, tiles) ? x : zeros;
                float[] r2 = inImage(top + 2, tiles) ? x : zeros, r3 = inImage(top + 3, tiles) ? x : zeros;
                int o0 = r0 == x ? sampleStart + top * rowLength : 0;
                int o1 = r1 == x ? sampleStart + (top + 1) * rowLength : 0;
                int o2 = r2 == x ? sampleStart + (top + 2) * rowLength : 0;
                int o3 = r3 == x ? sampleStart + (top + 3) * rowLength : 0;
                int q = 0;
                for (; q <= rowLength - L; q += L) {
                    FloatVector d0 = FloatVector.fromArray(S, r0, o0 + q), d1 = FloatVector.fromArray(S, r1, o1 + q);
                    FloatVector d2 = FloatVector.fromArray(S, r2, o2 + q), d3 = FloatVector.fromArray(S, r3, o3 + q);
                    d0.sub(d2).intoArray(band, e0 + inside + q);
                    d1.add(d2).intoArray(band, e1 + inside + q);
                    d2.sub(d1).intoArray(band, e2 + inside + q);
                    d1.sub(d3).intoArray(band, e3 + inside + q);
                }
                for (; q < rowLength; q++) {
                    float d0 = r0[o0 + q], d1 = r1[o1 + q], d2 = r2[o2 + q], d3 = r3[o3 + q];
                    band[e0 + inside + q] = d0 - d2;
                    band[e1 + inside + q] = d1 + d2;
                    band[e2 + inside + q] = d2 - d1;
                    band[e3 + inside + q] = d1 - d3;
                }
                int row = s * tiles.tiles() + ty * tiles.tilesWide;
                for (int tx = 0; tx < tiles.tilesWide; tx++, row++) {
                    int at = 2 * tx * c;
                    inputColumns(band, e0 + at, c, v0, v1, v2, v3, row * c);
                    inputColumns(band, e1 + at, c, v4, v5, v6, v7, row * c);
                    inputColumns(band, e2 + at, c, v8, v9, v10, v11, row * c);
                    inputColumns(band, e3 + at, c, v12, v13, v14, v15, row * c);
                }
            }
        }
    }

    private static void inputColumns(float[] e, int at, int c, float[] v0, float[] v1, float[] v2, float[] v3, int to) {
        int k = 0;
        for (; k <= c - L; k += L) {
            FloatVector d0 = FloatVector.fromArray(S, e, at + k), d1 = FloatVector.fromArray(S, e, at + c + k);
            FloatVector d2 = FloatVector.fromArray(S, e, at + 2 * c + k), d3 = FloatVector.fromArray(S, e, at + 3 * c + k);
            d0.sub(d2).intoArray(v0, to + k);
            d1.add(d2).intoArray(v1, to + k);
            d2.sub(d1).intoArray(v2, to + k);
            d1.sub(d3).intoArray(v3, to + k);
        }
        for (; k < c; k++) {
            float d0 = e[at + k], d1 = e[at + c + k], d2 = e[at + 2 * c + k], d3 = e[at + 3 * c + k];
            v0[to + k] = d0 - d2;
            v1[to + k] = d1 + d2;
            v2[to + k] = d2 - d1;
            v3[to + k] = d1 - d3;
        }
    }

    @Override
    public void output(float[][] m, int first, int from, int to, WinogradTiles tiles, float[] z, float[] band) {
        int f = tiles.filters;
        int bandRow = 2 * tiles.tilesWide * f;
        int rowLength = tiles.outWidth * f;
        for (int s = from; s < to; s++) {
            int o0 = s * tiles.bandFloats(), o1 = o0 + bandRow, o2 = o1 + bandRow, o3 = o2 + bandRow;
            int sampleStart = (first + s) * tiles.outHeight * rowLength;
            for (int ty = 0; ty < tiles.tilesHigh; ty++) {
                int row = s * tiles.tiles() + ty * tiles.tilesWide;
                for (int tx = 0; tx < tiles.tilesWide; tx++, row++) {
                    int at = 2 * tx * f;
                    outputColumns(m[0], m[1], m[2], m[3], row * f, f, band, o0 + at);
                    outputColumns(m[4], m[5], m[6], m[7], row * f, f, band, o1 + at);
                    outputColumns(m[8], m[9], m[10], m[11], row * f, f, band, o2 + at);
                    outputColumns(m[12], m[13], m[14], m[15], row * f, f, band, o3 + at);
                }
                int at = sampleStart + 2 * ty * rowLength;
                boolean second = 2 * ty + 1 < tiles.outHeight;
                int q = 0;
                for (; q <= rowLength - L; q += L) {
                    FloatVector a = FloatVector.fromArray(S, band, o0 + q), b = FloatVector.fromArray(S, band, o1 + q);
                    FloatVector c = FloatVector.fromArray(S, band, o2 + q);
                    a.add(b).add(c).intoArray(z, at + q);
                    if (second) {
                        b.sub(c).sub(FloatVector.fromArray(S, band, o3 + q)).intoArray(z, at + rowLength + q);
                    }
                }
                for (; q < rowLength; q++) {
                    z[at + q] = band[o0 + q] + band[o1 + q] + band[o2 + q];
                    if (second) {
                        z[at + rowLength + q] = band[o1 + q] - band[o2 + q] - band[o3 + q];
                    }
                }
            }
        }
    }

    private static void outputColumns(float[] m0, float[] m1, float[] m2, float[] m3, int from, int f, float[] o, int at) {
        int k = 0;
        for (; k <= f - L; k += L) {
            FloatVector a = FloatVector.fromArray(S, m0, from + k), b = FloatVector.fromArray(S, m1, from + k);
            FloatVector c = FloatVector.fromArray(S, m2, from + k), d = FloatVector.fromArray(S, m3, from + k);
            a.add(b).add(c).intoArray(o, at + k);
            b.sub(c).sub(d).intoArray(o, at + f + k);
        }
        for (; k < f; k++) {
            float a = m0[from + k], b = m1[from + k], c = m2[from + k], d = m3[from + k];
            o[at + k] = a + b + c;
            o[at + f + k] = b - c - d;
        }
    }

    @Override
    public void outputGradient(float[] dz, int first, int from, int to, WinogradTiles tiles, float[][] m, float[] band) {
        int f = tiles.filters;
        int bandRow = 2 * tiles.tilesWide * f;
        int rowLength = tiles.outWidth * f;
        float[] zeros = tiles.zeroRow();
        for (int s = from; s < to; s++) {
            int h0 = s * tiles.bandFloats(), h1 = h0 + bandRow, h2 = h1 + bandRow, h3 = h2 + bandRow;
            for (int i = 0; i < 4; i++) {
                Arrays.fill(band, h0 + i * bandRow + rowLength, h0 + (i + 1) * bandRow, 0f);
            }
            int sampleStart = (first + s) * tiles.outHeight * rowLength;
            for (int ty = 0; ty < tiles.tilesHigh; ty++) {
                int y = 2 * ty;
                float[] g1 = y + 1 < tiles.outHeight ? dz : zeros;
                int o0 = sampleStart + y * rowLength;
                int o1 = g1 == dz ? o0 + rowLength : 0;
                int q = 0;
                for (; q <= rowLength - L; q += L) {
                    FloatVector a = FloatVector.fromArray(S, dz, o0 + q), b = FloatVector.fromArray(S, g1, o1 + q);
                    a.intoArray(band, h0 + q);
                    a.add(b).intoArray(band, h1 + q);
                    a.sub(b).intoArray(band, h2 + q);
                    b.neg().intoArray(band, h3 + q);
                }
                for (; q < rowLength; q++) {
                    float a = dz[o0 + q], b = g1[o1 + q];
                    band[h0 + q] = a;
                    band[h1 + q] = a + b;
                    band[h2 + q] = a - b;
                    band[h3 + q] = -b;
                }
                int row = s * tiles.tiles() + ty * tiles.tilesWide;
                for (int tx = 0; tx < tiles.tilesWide; tx++, row++) {
                    int at = 2 * tx * f;
                    gradientColumns(band, h0 + at, f, m[0], m[1], m[2], m[3], row * f);
                    gradientColumns(band, h1 + at, f, m[4], m[5], m[6], m[7], row * f);
                    gradientColumns(band, h2 + at, f, m[8], m[9], m[10], m[11], row * f);
                    gradientColumns(band, h3 + at, f, m[12], m[13], m[14], m[15], row * f);
                }
            }
        }
    }

    private static void gradientColumns(float[] h, int at, int f, float[] m0, float[] m1, float[] m2, float[] m3, int to) {
        int k = 0;
        for (; k <= f - L; k += L) {
            FloatVector a = FloatVector.fromArray(S, h, at + k), b = FloatVector.fromArray(S, h, at + f + k);
            a.intoArray(m0, to + k);
            a.add(b).intoArray(m1, to + k);
            a.sub(b).intoArray(m2, to + k);
            b.neg().intoArray(m3, to + k);
        }
        for (; k < f; k++) {
            float a = h[at + k], b = h[at + f + k];
            m0[to + k] = a;
            m1[to + k] = a + b;
            m2[to + k] = a - b;
            m3[to + k] = -b;
        }
    }

    @Override
    public void inputGradient(float[][] dv, int first, int from, int to, WinogradTiles tiles, float[] dx, float[] band) {
        int c = tiles.channels;
        int rowLength = tiles.width * c;
        int bandRow = tiles.bandPixels * c;
        int inside = tiles.left * c;
        for (int s = from; s < to; s++) {
            int bandStart = s * tiles.bandFloats();
            int f0 = bandStart + inside, f1 = f0 + bandRow, f2 = f1 + bandRow, f3 = f2 + bandRow;
            int sampleStart = (first + s) * tiles.height * rowLength;
            Arrays.fill(dx, sampleStart, sampleStart + tiles.height * rowLength, 0f);
            for (int ty = 0; ty < tiles.tilesHigh; ty++) {
                Arrays.fill(band, bandStart, bandStart + 4 * bandRow, 0f);
                int row = s * tiles.tiles() + ty * tiles.tilesWide;
                for (int tx = 0; tx < tiles.tilesWide; tx++, row++) {
                    int at = bandStart + 2 * tx * c;
                    inputGradientColumns(dv[0], dv[1], dv[2], dv[3], row * c, c, band, at);
                    inputGradientColumns(dv[4], dv[5], dv[6], dv[7], row * c, c, band, at + bandRow);
                    inputGradientColumns(dv[8], dv[9], dv[10], dv[11], row * c, c, band, at + 2 * bandRow);
                    inputGradientColumns(dv[12], dv[13], dv[14], dv[15], row * c, c, band, at + 3 * bandRow);
                }
                int top = 2 * ty - tiles.top;
                for (int i = 0; i < 4; i++) {
                    if (inImage(top + i, tiles)) {
                        addRow(band, f0, f1, f2, f3, i, dx, sampleStart + (top + i) * rowLength, rowLength);
                    }
                }
            }
        }
    }

    /** Row i of the tile rows' B dV B<sup>T</sup>: dx += f0; f1 - f2 + f3; f1 + f2 - f0; or -f3. */
    private static void addRow(float[] band, int f0, int f1, int f2, int f3, int i, float[] dx, int at, int length) {
        int q = 0;
        for (; q <= length - L; q += L) {
            FloatVector d = FloatVector.fromArray(S, dx, at + q);
            FloatVector sum = switch (i) {
                case 0 -> d.add(FloatVector.fromArray(S, band, f0 + q));
                case 1 -> d.add(FloatVector.fromArray(S, band, f1 + q).sub(FloatVector.fromArray(S, band, f2 + q))
                        .add(FloatVector.fromArray(S, band, f3 + q)));
                case 2 -> d.add(FloatVector.fromArray(S, band, f1 + q).add(FloatVector.fromArray(S, band, f2 + q))
                        .sub(FloatVector.fromArray(S, band, f0 + q)));
                default -> d.sub(FloatVector.fromArray(S, band, f3 + q));
            };
            sum.intoArray(dx, at + q);
        }
        for (; q < length; q++) {
            switch (i) {
                case 0 -> dx[at + q] += band[f0 + q];
                case 1 -> dx[at + q] += band[f1 + q] - band[f2 + q] + band[f3 + q];
                case 2 -> dx[at + q] += band[f1 + q] + band[f2 + q] - band[f0 + q];
                default -> dx[at + q] -= band[f3 + q];
            }
        }
    }

    private static void inputGradientColumns(float[] v0, float[] v1, float[] v2, float[] v3, int from, int c, float[] e,
            int at) {
        int k = 0;
        for (; k <= c - L; k += L) {
            FloatVector a = FloatVector.fromArray(S, v0, from + k), b = FloatVector.fromArray(S, v1, from + k);
            FloatVector d = FloatVector.fromArray(S, v2, from + k), g = FloatVector.fromArray(S, v3, from + k);
            FloatVector.fromArray(S, e, at + k).add(a).intoArray(e, at + k);
            FloatVector.fromArray(S, e, at + c + k).add(b.sub(d).add(g)).intoArray(e, at + c + k);
            FloatVector.fromArray(S, e, at + 2 * c + k).add(b.add(d).sub(a)).intoArray(e, at + 2 * c + k);
            FloatVector.fromArray(S, e, at + 3 * c + k).sub(g).intoArray(e, at + 3 * c + k);
        }
        for (; k < c; k++) {
            float a = v0[from + k], b = v1[from + k], d = v2[from + k], g = v3[from + k];
            e[at + k] += a;
            e[at + c + k] += b - d + g;
            e[at + 2 * c + k] += b + d - a;
            e[at + 3 * c + k] -= g;
        }
    }

    private static boolean inImage(int row, WinogradTiles tiles) {
        return row >= 0 && row < tiles.height;
    }
}
