package nn.kernels.vector;

import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import nn.api.WinogradOps;
import nn.api.WinogradTiles;

/**
 * {@link WinogradPasses} for one vector species, a template that {@link Specializer} copies once
 * per species. The same passes as {@link nn.api.WinogradOps}, band by band: the row halves run
 * over whole image rows, the column halves over each tile's channels (filters), a vector at a
 * time, each lane with the reference line map's operations in its order; the fewer than one
 * vector at the end go through the reference's line maps themselves.
 */
final class VectorWinograd implements WinogradPasses {
    private static final VectorSpecies<Float> S = Specializer.species(MethodHandles.lookup());
    private static final int L = S.length();
    private static final int OUT = WinogradTiles.OUT;
    private static final int IN = WinogradTiles.IN;

    @Override
    public void input(float[] x, int first, int from, int to, WinogradTiles tiles, float[][] v, float[] band) {
        int c = tiles.channels;
        int rowLength = tiles.width * c;
        int bandRow = tiles.bandPixels * c;
        int inside = tiles.left * c;
        float[] zeros = tiles.zeroRow();
        for (int s = from; s < to; s++) {
            int b0 = s * tiles.bandFloats();
            for (int i = 0; i < IN; i++) {
                int rowStart = b0 + i * bandRow;
                Arrays.fill(band, rowStart, rowStart + inside, 0f);
                Arrays.fill(band, rowStart + inside + rowLength, rowStart + bandRow, 0f);
            }
            int sampleStart = (first + s) * tiles.height * rowLength;
            for (int ty = 0; ty < tiles.tilesHigh; ty++) {
                int top = OUT * ty - tiles.top;
                float[] r0 = inImage(top, tiles) ? x : zeros, r1 = inImage(top + 1, tiles) ? x : zeros;
                float[] r2 = inImage(top + 2, tiles) ? x : zeros, r3 = inImage(top + 3, tiles) ? x : zeros;
                float[] r4 = inImage(top + 4, tiles) ? x : zeros, r5 = inImage(top + 5, tiles) ? x : zeros;
                int o0 = r0 == x ? sampleStart + top * rowLength : 0;
                int o1 = r1 == x ? sampleStart + (top + 1) * rowLength : 0;
                int o2 = r2 == x ? sampleStart + (top + 2) * rowLength : 0;
                int o3 = r3 == x ? sampleStart + (top + 3) * rowLength : 0;
                int o4 = r4 == x ? sampleStart + (top + 4) * rowLength : 0;
                int o5 = r5 == x ? sampleStart + (top + 5) * rowLength : 0;
                int b = b0 + inside;
                int q = 0;
                for (; q <= rowLength - L; q += L) {
                    inLine(FloatVector.fromArray(S, r0, o0 + q), FloatVector.fromArray(S, r1, o1 + q),
                            FloatVector.fromArray(S, r2, o2 + q), FloatVector.fromArray(S, r3, o3 + q),
                            FloatVector.fromArray(S, r4, o4 + q), FloatVector.fromArray(S, r5, o5 + q), band, b + q,
                            bandRow);
                }
                for (; q < rowLength; q++) {
                    float d0 = r0[o0 + q], d1 = r1[o1 + q], d2 = r2[o2 + q], d3 = r3[o3 + q], d4 = r4[o4 + q];
                    float d5 = r5[o5 + q];
                    for (int i = 0; i < IN; i++) {
                        band[b + q + i * bandRow] = WinogradOps.in(i, d0, d1, d2, d3, d4, d5);
                    }
                }
                int firstRow = s * tiles.tiles() + ty * tiles.tilesWide;
                for (int i = 0; i < IN; i++) {
                    for (int tx = 0; tx < tiles.tilesWide; tx++) {
                        inputColumns(band, b0 + i * bandRow + OUT * tx * c, c, v, IN * i, (firstRow + tx) * c);
                    }
                }
            }
        }
    }

    /** B<sup>T</sup> d of six vectors, to out[at + i stride] for i = 0 .. 5. */
    private static void inLine(FloatVector d0, FloatVector d1, FloatVector d2, FloatVector d3, FloatVector d4,
            FloatVector d5, float[] out, int at, int stride) {
        d0.mul(4f).sub(d2.mul(5f)).add(d4).intoArray(out, at);
        d3.add(d4).sub(d1.add(d2).mul(4f)).intoArray(out, at + stride);
        d4.sub(d3).add(d1.sub(d2).mul(4f)).intoArray(out, at + 2 * stride);
        FloatVector a = d4.sub(d2), b = d3.sub(d1).mul(2f);
        a.add(b).intoArray(out, at + 3 * stride);
        a.sub(b).intoArray(out, at + 4 * stride);
        d1.mul(4f).sub(d3.mul(5f)).add(d5).intoArray(out, at + 5 * stride);
    }

    /** The column half of B<sup>T</sup> d B: six pixels of a band row (c each) to elements base .. base + 5. */
    private static void inputColumns(float[] e, int at, int c, float[][] v, int base, int to) {
        float[] v0 = v[base], v1 = v[base + 1], v2 = v[base + 2], v3 = v[base + 3], v4 = v[base + 4], v5 = v[base + 5];
        int k = 0;
        for (; k <= c - L; k += L) {
            FloatVector d0 = FloatVector.fromArray(S, e, at + k), d1 = FloatVector.fromArray(S, e, at + c + k);
            FloatVector d2 = FloatVector.fromArray(S, e, at + 2 * c + k), d3 = FloatVector.fromArray(S, e, at + 3 * c + k);
            FloatVector d4 = FloatVector.fromArray(S, e, at + 4 * c + k), d5 = FloatVector.fromArray(S, e, at + 5 * c + k);
            d0.mul(4f).sub(d2.mul(5f)).add(d4).intoArray(v0, to + k);
            d3.add(d4).sub(d1.add(d2).mul(4f)).intoArray(v1, to + k);
            d4.sub(d3).add(d1.sub(d2).mul(4f)).intoArray(v2, to + k);
            FloatVector a = d4.sub(d2), b = d3.sub(d1).mul(2f);
            a.add(b).intoArray(v3, to + k);
            a.sub(b).intoArray(v4, to + k);
            d1.mul(4f).sub(d3.mul(5f)).add(d5).intoArray(v5, to + k);
        }
        for (; k < c; k++) {
            float d0 = e[at + k], d1 = e[at + c + k], d2 = e[at + 2 * c + k], d3 = e[at + 3 * c + k];
            float d4 = e[at + 4 * c + k], d5 = e[at + 5 * c + k];
            for (int j = 0; j < IN; j++) {
                v[base + j][to + k] = WinogradOps.in(j, d0, d1, d2, d3, d4, d5);
            }
        }
    }

    @Override
    public void output(float[][] m, int first, int from, int to, WinogradTiles tiles, float[] z, float[] band) {
        int f = tiles.filters;
        int bandRow = OUT * tiles.tilesWide * f;
        int rowLength = tiles.outWidth * f;
        for (int s = from; s < to; s++) {
            int b0 = s * tiles.bandFloats();
            int sampleStart = (first + s) * tiles.outHeight * rowLength;
            for (int ty = 0; ty < tiles.tilesHigh; ty++) {
                int firstRow = s * tiles.tiles() + ty * tiles.tilesWide;
                for (int i = 0; i < IN; i++) {
                    for (int tx = 0; tx < tiles.tilesWide; tx++) {
                        outputColumns(m, IN * i, (firstRow + tx) * f, f, band, b0 + i * bandRow + OUT * tx * f);
                    }
                }
                int rows = Math.min(OUT, tiles.outHeight - OUT * ty);
                int at = sampleStart + OUT * ty * rowLength;
                int b1 = b0 + bandRow, b2 = b1 + bandRow, b3 = b2 + bandRow, b4 = b3 + bandRow, b5 = b4 + bandRow;
                int q = 0;
                for (; q <= rowLength - L; q += L) {
                    FloatVector m0 = FloatVector.fromArray(S, band, b0 + q), m1 = FloatVector.fromArray(S, band, b1 + q);
                    FloatVector m2 = FloatVector.fromArray(S, band, b2 + q), m3 = FloatVector.fromArray(S, band, b3 + q);
                    FloatVector m4 = FloatVector.fromArray(S, band, b4 + q), m5 = FloatVector.fromArray(S, band, b5 + q);
                    FloatVector a = m1.add(m2), b = m1.sub(m2), c = m3.add(m4), d = m3.sub(m4);
                    m0.add(a).add(c).intoArray(z, at + q);
                    if (rows > 1) {
                        b.add(d.mul(2f)).intoArray(z, at + rowLength + q);
                    }
                    if (rows > 2) {
                        a.add(c.mul(4f)).intoArray(z, at + 2 * rowLength + q);
                    }
                    if (rows > 3) {
                        b.add(d.mul(8f)).add(m5).intoArray(z, at + 3 * rowLength + q);
                    }
                }
                for (; q < rowLength; q++) {
                    for (int j = 0; j < rows; j++) {
                        z[at + j * rowLength + q] = WinogradOps.out(j, band[b0 + q], band[b1 + q], band[b2 + q],
                                band[b3 + q], band[b4 + q], band[b5 + q]);
                    }
                }
            }
        }
    }

    /** The column half of A<sup>T</sup> m A: elements base .. base + 5 of a tile row to four pixels of a band row. */
    private static void outputColumns(float[][] m, int base, int from, int f, float[] o, int at) {
        float[] n0 = m[base], n1 = m[base + 1], n2 = m[base + 2], n3 = m[base + 3], n4 = m[base + 4], n5 = m[base + 5];
        int k = 0;
        for (; k <= f - L; k += L) {
            FloatVector m0 = FloatVector.fromArray(S, n0, from + k), m1 = FloatVector.fromArray(S, n1, from + k);
            FloatVector m2 = FloatVector.fromArray(S, n2, from + k), m3 = FloatVector.fromArray(S, n3, from + k);
            FloatVector m4 = FloatVector.fromArray(S, n4, from + k), m5 = FloatVector.fromArray(S, n5, from + k);
            FloatVector a = m1.add(m2), b = m1.sub(m2), c = m3.add(m4), d = m3.sub(m4);
            m0.add(a).add(c).intoArray(o, at + k);
            b.add(d.mul(2f)).intoArray(o, at + f + k);
            a.add(c.mul(4f)).intoArray(o, at + 2 * f + k);
            b.add(d.mul(8f)).add(m5).intoArray(o, at + 3 * f + k);
        }
        for (; k < f; k++) {
            int p = from + k;
            for (int j = 0; j < OUT; j++) {
                o[at + j * f + k] = WinogradOps.out(j, n0[p], n1[p], n2[p], n3[p], n4[p], n5[p]);
            }
        }
    }

    @Override
    public void outputGradient(float[] dz, int first, int from, int to, WinogradTiles tiles, float[][] m, float[] band) {
        int f = tiles.filters;
        int bandRow = OUT * tiles.tilesWide * f;
        int rowLength = tiles.outWidth * f;
        float[] zeros = tiles.zeroRow();
        for (int s = from; s < to; s++) {
            int b0 = s * tiles.bandFloats();
            for (int i = 0; i < IN; i++) {
                Arrays.fill(band, b0 + i * bandRow + rowLength, b0 + (i + 1) * bandRow, 0f);
            }
            int sampleStart = (first + s) * tiles.outHeight * rowLength;
            for (int ty = 0; ty < tiles.tilesHigh; ty++) {
                int y = OUT * ty;
                float[] g0 = dz, g1 = y + 1 < tiles.outHeight ? dz : zeros;
                float[] g2 = y + 2 < tiles.outHeight ? dz : zeros, g3 = y + 3 < tiles.outHeight ? dz : zeros;
                int o0 = sampleStart + y * rowLength;
                int o1 = g1 == dz ? o0 + rowLength : 0, o2 = g2 == dz ? o0 + 2 * rowLength : 0;
                int o3 = g3 == dz ? o0 + 3 * rowLength : 0;
                int q = 0;
                for (; q <= rowLength - L; q += L) {
                    gradOutLine(FloatVector.fromArray(S, g0, o0 + q), FloatVector.fromArray(S, g1, o1 + q),
                            FloatVector.fromArray(S, g2, o2 + q), FloatVector.fromArray(S, g3, o3 + q), band, b0 + q,
                            bandRow);
                }
                for (; q < rowLength; q++) {
                    for (int i = 0; i < IN; i++) {
                        band[b0 + q + i * bandRow] = WinogradOps.gradOut(i, g0[o0 + q], g1[o1 + q], g2[o2 + q], g3[o3 + q]);
                    }
                }
                int firstRow = s * tiles.tiles() + ty * tiles.tilesWide;
                for (int i = 0; i < IN; i++) {
                    for (int tx = 0; tx < tiles.tilesWide; tx++) {
                        gradientColumns(band, b0 + i * bandRow + OUT * tx * f, f, m, IN * i, (firstRow + tx) * f);
                    }
                }
            }
        }
    }

    /** A g of four vectors, to out[at + i stride] for i = 0 .. 5. */
    private static void gradOutLine(FloatVector g0, FloatVector g1, FloatVector g2, FloatVector g3, float[] out, int at,
            int stride) {
        FloatVector p = g0.add(g2), q = g1.add(g3), r = g0.add(g2.mul(4f)), t = g1.mul(2f).add(g3.mul(8f));
        g0.intoArray(out, at);
        p.add(q).intoArray(out, at + stride);
        p.sub(q).intoArray(out, at + 2 * stride);
        r.add(t).intoArray(out, at + 3 * stride);
        r.sub(t).intoArray(out, at + 4 * stride);
        g3.intoArray(out, at + 5 * stride);
    }

    /** The column half of A dy A<sup>T</sup>: four pixels of a band row to elements base .. base + 5 of a tile row. */
    private static void gradientColumns(float[] h, int at, int f, float[][] m, int base, int to) {
        float[] m0 = m[base], m1 = m[base + 1], m2 = m[base + 2], m3 = m[base + 3], m4 = m[base + 4], m5 = m[base + 5];
        int k = 0;
        for (; k <= f - L; k += L) {
            FloatVector g0 = FloatVector.fromArray(S, h, at + k), g1 = FloatVector.fromArray(S, h, at + f + k);
            FloatVector g2 = FloatVector.fromArray(S, h, at + 2 * f + k), g3 = FloatVector.fromArray(S, h, at + 3 * f + k);
            FloatVector p = g0.add(g2), q = g1.add(g3), r = g0.add(g2.mul(4f)), t = g1.mul(2f).add(g3.mul(8f));
            g0.intoArray(m0, to + k);
            p.add(q).intoArray(m1, to + k);
            p.sub(q).intoArray(m2, to + k);
            r.add(t).intoArray(m3, to + k);
            r.sub(t).intoArray(m4, to + k);
            g3.intoArray(m5, to + k);
        }
        for (; k < f; k++) {
            float g0 = h[at + k], g1 = h[at + f + k], g2 = h[at + 2 * f + k], g3 = h[at + 3 * f + k];
            for (int j = 0; j < IN; j++) {
                m[base + j][to + k] = WinogradOps.gradOut(j, g0, g1, g2, g3);
            }
        }
    }

    @Override
    public void inputGradient(float[][] dv, int first, int from, int to, WinogradTiles tiles, float[] dx, float[] band) {
        int c = tiles.channels;
        int rowLength = tiles.width * c;
        int bandRow = tiles.bandPixels * c;
        int inside = tiles.left * c;
        for (int s = from; s < to; s++) {
            int b0 = s * tiles.bandFloats();
            int sampleStart = (first + s) * tiles.height * rowLength;
            Arrays.fill(dx, sampleStart, sampleStart + tiles.height * rowLength, 0f);
            for (int ty = 0; ty < tiles.tilesHigh; ty++) {
                Arrays.fill(band, b0, b0 + IN * bandRow, 0f);
                int firstRow = s * tiles.tiles() + ty * tiles.tilesWide;
                for (int i = 0; i < IN; i++) {
                    for (int tx = 0; tx < tiles.tilesWide; tx++) {
                        inputGradientColumns(dv, IN * i, (firstRow + tx) * c, c, band, b0 + i * bandRow + OUT * tx * c);
                    }
                }
                int top = OUT * ty - tiles.top;
                int firstIn = Math.max(0, -top), end = Math.min(IN, tiles.height - top);
                addRows(band, b0 + inside, bandRow, firstIn, end, dx, sampleStart + top * rowLength, rowLength);
            }
        }
    }

    /** Rows [from, to) of the band rows' B dV B<sup>T</sup> added to dx[at + j rowLength ..] (row j of the band). */
    private static void addRows(float[] band, int b, int bandRow, int from, int to, float[] dx, int at, int rowLength) {
        addGradIn(band, b, band, b + bandRow, band, b + 2 * bandRow, band, b + 3 * bandRow, band, b + 4 * bandRow, band,
                b + 5 * bandRow, rowLength, dx, at, rowLength, from, to);
    }

    /** The column half of B dV B<sup>T</sup>: elements base .. base + 5 of a tile row added to six pixels of a band row. */
    private static void inputGradientColumns(float[][] dv, int base, int from, int c, float[] e, int at) {
        addGradIn(dv[base], from, dv[base + 1], from, dv[base + 2], from, dv[base + 3], from, dv[base + 4], from,
                dv[base + 5], from, c, e, at, c, 0, IN);
    }

    /**
     * Elements [from, to) of B e added to out[at + j stride + q], for the lines e = (e0[o0 + q] ..
     * e5[o5 + q]), q in [0, length). One loop for both halves of the pass: a helper taking vectors
     * is too large for the JIT to inline at every call, and then boxes them.
     */
    private static void addGradIn(float[] e0, int o0, float[] e1, int o1, float[] e2, int o2, float[] e3, int o3,
            float[] e4, int o4, float[] e5, int o5, int length, float[] out, int at, int stride, int from, int to) {
        int q = 0;
        for (; q <= length - L; q += L) {
            FloatVector a = FloatVector.fromArray(S, e0, o0 + q), f = FloatVector.fromArray(S, e5, o5 + q);
            FloatVector b = FloatVector.fromArray(S, e1, o1 + q), c = FloatVector.fromArray(S, e2, o2 + q);
            FloatVector d = FloatVector.fromArray(S, e3, o3 + q), g = FloatVector.fromArray(S, e4, o4 + q);
            FloatVector d12 = b.sub(c), s12 = b.add(c), d43 = g.sub(d), s34 = d.add(g);
            int p = at + q;
            if (from <= 0) {
                addTo(out, p, a.mul(4f));
            }
            if (from <= 1 && 1 < to) {
                addTo(out, p + stride, f.sub(d12).mul(4f).add(d43.mul(2f)));
            }
            if (from <= 2 && 2 < to) {
                addTo(out, p + 2 * stride, a.mul(-5f).sub(s12.mul(4f)).sub(s34));
            }
            if (from <= 3 && 3 < to) {
                addTo(out, p + 3 * stride, d12.sub(d43.mul(2f)).sub(f.mul(5f)));
            }
            if (from <= 4 && 4 < to) {
                addTo(out, p + 4 * stride, a.add(s12).add(s34));
            }
            if (5 < to) {
                addTo(out, p + 5 * stride, f);
            }
        }
        for (; q < length; q++) {
            for (int j = from; j < to; j++) {
                out[at + j * stride + q] += WinogradOps.gradIn(j, e0[o0 + q], e1[o1 + q], e2[o2 + q], e3[o3 + q], e4[o4 + q],
                        e5[o5 + q]);
            }
        }
    }

    private static void addTo(float[] e, int at, FloatVector value) {
        FloatVector.fromArray(S, e, at).add(value).intoArray(e, at);
    }

    private static boolean inImage(int row, WinogradTiles tiles) {
        return row >= 0 && row < tiles.height;
    }
}
