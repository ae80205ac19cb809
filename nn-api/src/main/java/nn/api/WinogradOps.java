package nn.api;

import java.util.Arrays;

/**
 * The reference passes of Winograd's F(2x2, 3x3) convolution (Lavin and Gray, 2015) of
 * {@link Kernels}: plain loops whose results a faster implementation must equal bit for bit. A 2x2
 * tile of a 3x3 convolution's outputs comes from a 4x4 input tile d as
 * y = A<sup>T</sup> [U &#8857; (B<sup>T</sup> d B)] A, U = G g G<sup>T</sup> the transformed kernel:
 * <pre>
 *   B<sup>T</sup> = [1 0 -1 0; 0 1 1 0; 0 -1 1 0; 0 1 0 -1]
 *   A<sup>T</sup> = [1 1 1 0; 0 1 -1 -1]
 * </pre>
 * The gradients go through the transposes: M = A dy A<sup>T</sup>, dd = B dV B<sup>T</sup>.
 *
 * <p>Element &#958; = 4 i + j (row i, column j) of a transformed tile lives in the matrix
 * {@code v[&#958;]} (or {@code m[&#958;]}), row-major, one row per tile (sample by sample, tile row
 * by tile row), one column per channel (or filter): each &#958; is then one product. A pass goes
 * over a sample one band (row of tiles) at a time: rows first (whole image rows, contiguous), into
 * 4 band rows of scratch, then columns (tile by tile). Each element is a fixed sequence of float
 * additions, the same for any cut of the samples; nothing is allocated (the caller gives the
 * scratch: {@code band} of at least count x {@link WinogradTiles#bandFloats()} floats).
 */
public final class WinogradOps {
    /** Transformed elements of a tile: 4 x 4. */
    public static final int ELEMENTS = 16;

    private WinogradOps() {
    }

    /** Rows [0, count x tiles) of v = B<sup>T</sup> d B of the tiles of samples [first, first + count) of x. */
    public static void winogradInput(float[] x, int first, int count, WinogradTiles tiles, float[][] v, float[] band) {
        checkInput(x, first, count, tiles, v, band);
        for (int s = 0; s < count; s++) {
            input(x, first + s, tiles, v, s * tiles.tiles(), band, s * tiles.bandFloats());
        }
    }

    /** Samples [first, first + count) of z = A<sup>T</sup> m A of rows [0, count x tiles) of m, cut to the output size. */
    public static void winogradOutput(float[][] m, int first, int count, WinogradTiles tiles, float[] z, float[] band) {
        checkOutput(m, first, count, tiles, z, band);
        for (int s = 0; s < count; s++) {
            output(m, s * tiles.tiles(), tiles, z, first + s, band, s * tiles.bandFloats());
        }
    }

    /** Rows [0, count x tiles) of m = A dy A<sup>T</sup> of the output gradient dz of samples [first, first + count). */
    public static void winogradOutputGradient(float[] dz, int first, int count, WinogradTiles tiles, float[][] m,
            float[] band) {
        checkOutput(m, first, count, tiles, dz, band);
        for (int s = 0; s < count; s++) {
            outputGradient(dz, first + s, tiles, m, s * tiles.tiles(), band, s * tiles.bandFloats());
        }
    }

    /**
     * Samples [first, first + count) of dx = the sum over the tiles in rows [0, count x tiles) of dv
     * of B dv B<sup>T</sup>, written whole: overlapping tiles added in a fixed order, padding's
     * share dropped.
     */
    public static void winogradInputGradient(float[][] dv, int first, int count, WinogradTiles tiles, float[] dx,
            float[] band) {
        checkInput(dx, first, count, tiles, dv, band);
        for (int s = 0; s < count; s++) {
            inputGradient(dv, s * tiles.tiles(), tiles, dx, first + s, band, s * tiles.bandFloats());
        }
    }

    /** The argument checks of the input passes: an image batch of {@code first + count} samples and its tiles. */
    public static void checkInput(float[] x, int first, int count, WinogradTiles tiles, float[][] v, float[] band) {
        check(x, first, count, tiles.inputSize(), "images", v, count, tiles, tiles.channels, band);
    }

    /** The argument checks of the output passes. */
    public static void checkOutput(float[][] m, int first, int count, WinogradTiles tiles, float[] z, float[] band) {
        check(z, first, count, tiles.outputSize(), "outputs", m, count, tiles, tiles.filters, band);
    }

    private static void check(float[] images, int first, int count, int size, String what, float[][] matrices, int samples,
            WinogradTiles tiles, int columns, float[] band) {
        if (first < 0 || count < 0) {
            throw new IllegalArgumentException("Winograd pass: the first sample (" + first + ") and the count (" + count
                    + ") must not be negative");
        }
        if (((long) first + count) * size > images.length) {
            throw new IllegalArgumentException("Winograd pass: the " + what + " have " + images.length + " values, samples "
                    + first + " to " + (first + count - 1) + " need " + ((long) first + count) * size);
        }
        if (matrices.length != ELEMENTS) {
            throw new IllegalArgumentException("Winograd pass: " + matrices.length + " transformed matrices, not " + ELEMENTS);
        }
        long needed = (long) samples * tiles.tiles() * columns;
        for (int e = 0; e < ELEMENTS; e++) {
            if (matrices[e].length < needed) {
                throw new IllegalArgumentException("Winograd pass: transformed matrix " + e + " has " + matrices[e].length
                        + " values, " + samples + " samples' tiles need " + needed);
            }
        }
        if ((long) samples * tiles.bandFloats() > band.length) {
            throw new IllegalArgumentException("Winograd pass: the scratch band has " + band.length + " values, "
                    + samples + " samples need " + (long) samples * tiles.bandFloats());
        }
    }

    /**
     * Rows {@code firstRow ..} of V (one per tile of the sample, c columns) = B<sup>T</sup> d B of
     * each 4x4 input tile. Tile (ty, tx) reads input rows 2 ty - top .. + 3 and columns 2 tx - left
     * .. + 3, zero outside the image.
     */
    private static void input(float[] x, int sample, WinogradTiles tiles, float[][] v, int firstRow, float[] band,
            int bandOffset) {
        int c = tiles.channels;
        int rowLength = tiles.width * c;
        int bandRow = tiles.bandPixels * c;
        int inside = tiles.left * c;
        int e0 = bandOffset, e1 = e0 + bandRow, e2 = e1 + bandRow, e3 = e2 + bandRow;
        for (int i = 0; i < 4; i++) {
            Arrays.fill(band, bandOffset + i * bandRow, bandOffset + i * bandRow + inside, 0f);
            Arrays.fill(band, bandOffset + i * bandRow + inside + rowLength, bandOffset + (i + 1) * bandRow, 0f);
        }
        int sampleStart = sample * tiles.height * rowLength;
        for (int ty = 0; ty < tiles.tilesHigh; ty++) {
            float[] r0 = tiles.zeroRow, r1 = r0, r2 = r0, r3 = r0;
            int o0 = 0, o1 = 0, o2 = 0, o3 = 0;
            int top = 2 * ty - tiles.top;
            if (inImage(top, tiles.height)) { r0 = x; o0 = sampleStart + top * rowLength; }
            if (inImage(top + 1, tiles.height)) { r1 = x; o1 = sampleStart + (top + 1) * rowLength; }
            if (inImage(top + 2, tiles.height)) { r2 = x; o2 = sampleStart + (top + 2) * rowLength; }
            if (inImage(top + 3, tiles.height)) { r3 = x; o3 = sampleStart + (top + 3) * rowLength; }
            for (int q = 0; q < rowLength; q++) {
                float d0 = r0[o0 + q], d1 = r1[o1 + q], d2 = r2[o2 + q], d3 = r3[o3 + q];
                band[e0 + inside + q] = d0 - d2;
                band[e1 + inside + q] = d1 + d2;
                band[e2 + inside + q] = d2 - d1;
                band[e3 + inside + q] = d1 - d3;
            }
            int row = firstRow + ty * tiles.tilesWide;
            for (int tx = 0; tx < tiles.tilesWide; tx++, row++) {
                for (int i = 0; i < 4; i++) {
                    inputColumns(band, bandOffset + i * bandRow + 2 * tx * c, c, v[4 * i], v[4 * i + 1], v[4 * i + 2],
                            v[4 * i + 3], row * c);
                }
            }
        }
    }

    /** The column half of B<sup>T</sup> d B: four pixels of a band row (c each) to elements 0-3 of a tile row. */
    private static void inputColumns(float[] e, int at, int c, float[] v0, float[] v1, float[] v2, float[] v3, int to) {
        for (int k = 0; k < c; k++) {
            float d0 = e[at + k], d1 = e[at + c + k], d2 = e[at + 2 * c + k], d3 = e[at + 3 * c + k];
            v0[to + k] = d0 - d2;
            v1[to + k] = d1 + d2;
            v2[to + k] = d2 - d1;
            v3[to + k] = d1 - d3;
        }
    }

    /** The sample's outputs z (f channels) = A<sup>T</sup> m A of rows {@code firstRow ..} of m, cut to the output size. */
    private static void output(float[][] m, int firstRow, WinogradTiles tiles, float[] z, int sample, float[] band,
            int bandOffset) {
        int f = tiles.filters;
        int bandRow = 2 * tiles.tilesWide * f;
        int rowLength = tiles.outWidth * f;
        int o0 = bandOffset, o1 = o0 + bandRow, o2 = o1 + bandRow, o3 = o2 + bandRow;
        int sampleStart = sample * tiles.outHeight * rowLength;
        for (int ty = 0; ty < tiles.tilesHigh; ty++) {
            int row = firstRow + ty * tiles.tilesWide;
            for (int tx = 0; tx < tiles.tilesWide; tx++, row++) {
                for (int i = 0; i < 4; i++) {
                    outputColumns(m[4 * i], m[4 * i + 1], m[4 * i + 2], m[4 * i + 3], row * f, f, band,
                            bandOffset + i * bandRow + 2 * tx * f);
                }
            }
            int y = 2 * ty;
            int at = sampleStart + y * rowLength;
            for (int q = 0; q < rowLength; q++) {
                z[at + q] = band[o0 + q] + band[o1 + q] + band[o2 + q];
            }
            if (y + 1 < tiles.outHeight) {
                at += rowLength;
                for (int q = 0; q < rowLength; q++) {
                    z[at + q] = band[o1 + q] - band[o2 + q] - band[o3 + q];
                }
            }
        }
    }

    /** The column half of A<sup>T</sup> m A: elements 0-3 of a tile row to two pixels of a band row. */
    private static void outputColumns(float[] m0, float[] m1, float[] m2, float[] m3, int from, int f, float[] o, int at) {
        for (int k = 0; k < f; k++) {
            float a = m0[from + k], b = m1[from + k], c = m2[from + k], d = m3[from + k];
            o[at + k] = a + b + c;
            o[at + f + k] = b - c - d;
        }
    }

    /** Rows {@code firstRow ..} of M = A dy A<sup>T</sup> for the sample's output gradient dz (zero outside the outputs). */
    private static void outputGradient(float[] dz, int sample, WinogradTiles tiles, float[][] m, int firstRow,
            float[] band, int bandOffset) {
        int f = tiles.filters;
        int bandRow = 2 * tiles.tilesWide * f;
        int rowLength = tiles.outWidth * f;
        int h0 = bandOffset, h1 = h0 + bandRow, h2 = h1 + bandRow, h3 = h2 + bandRow;
        for (int i = 0; i < 4; i++) {
            Arrays.fill(band, bandOffset + i * bandRow + rowLength, bandOffset + (i + 1) * bandRow, 0f);
        }
        int sampleStart = sample * tiles.outHeight * rowLength;
        for (int ty = 0; ty < tiles.tilesHigh; ty++) {
            int y = 2 * ty;
            float[] g1 = y + 1 < tiles.outHeight ? dz : tiles.zeroRow;
            int o0 = sampleStart + y * rowLength;
            int o1 = g1 == dz ? o0 + rowLength : 0;
            for (int q = 0; q < rowLength; q++) {
                float a = dz[o0 + q], b = g1[o1 + q];
                band[h0 + q] = a;
                band[h1 + q] = a + b;
                band[h2 + q] = a - b;
                band[h3 + q] = -b;
            }
            int row = firstRow + ty * tiles.tilesWide;
            for (int tx = 0; tx < tiles.tilesWide; tx++, row++) {
                for (int i = 0; i < 4; i++) {
                    gradientColumns(band, bandOffset + i * bandRow + 2 * tx * f, f, m[4 * i], m[4 * i + 1], m[4 * i + 2],
                            m[4 * i + 3], row * f);
                }
            }
        }
    }

    /** The column half of A dy A<sup>T</sup>: two pixels of a band row to elements 0-3 of a tile row. */
    private static void gradientColumns(float[] h, int at, int f, float[] m0, float[] m1, float[] m2, float[] m3, int to) {
        for (int k = 0; k < f; k++) {
            float a = h[at + k], b = h[at + f + k];
            m0[to + k] = a;
            m1[to + k] = a + b;
            m2[to + k] = a - b;
            m3[to + k] = -b;
        }
    }

    /**
     * The sample's input gradient dx (c channels) = the sum over tiles of B dV B<sup>T</sup> from rows
     * {@code firstRow ..} of dV, overlapping tiles added in a fixed order; padding's share dropped.
     */
    private static void inputGradient(float[][] dv, int firstRow, WinogradTiles tiles, float[] dx, int sample, float[] band,
            int bandOffset) {
        int c = tiles.channels;
        int rowLength = tiles.width * c;
        int bandRow = tiles.bandPixels * c;
        int inside = tiles.left * c;
        int f0 = bandOffset + inside, f1 = f0 + bandRow, f2 = f1 + bandRow, f3 = f2 + bandRow;
        int sampleStart = sample * tiles.height * rowLength;
        Arrays.fill(dx, sampleStart, sampleStart + tiles.height * rowLength, 0f);
        for (int ty = 0; ty < tiles.tilesHigh; ty++) {
            Arrays.fill(band, bandOffset, bandOffset + 4 * bandRow, 0f);
            int row = firstRow + ty * tiles.tilesWide;
            for (int tx = 0; tx < tiles.tilesWide; tx++, row++) {
                for (int i = 0; i < 4; i++) {
                    inputGradientColumns(dv[4 * i], dv[4 * i + 1], dv[4 * i + 2], dv[4 * i + 3], row * c, c, band,
                            bandOffset + i * bandRow + 2 * tx * c);
                }
            }
            int top = 2 * ty - tiles.top;
            if (inImage(top, tiles.height)) {
                int at = sampleStart + top * rowLength;
                for (int q = 0; q < rowLength; q++) {
                    dx[at + q] += band[f0 + q];
                }
            }
            if (inImage(top + 1, tiles.height)) {
                int at = sampleStart + (top + 1) * rowLength;
                for (int q = 0; q < rowLength; q++) {
                    dx[at + q] += band[f1 + q] - band[f2 + q] + band[f3 + q];
                }
            }
            if (inImage(top + 2, tiles.height)) {
                int at = sampleStart + (top + 2) * rowLength;
                for (int q = 0; q < rowLength; q++) {
                    dx[at + q] += band[f1 + q] + band[f2 + q] - band[f0 + q];
                }
            }
            if (inImage(top + 3, tiles.height)) {
                int at = sampleStart + (top + 3) * rowLength;
                for (int q = 0; q < rowLength; q++) {
                    dx[at + q] -= band[f3 + q];
                }
            }
        }
    }

    /** The column half of B dV B<sup>T</sup>: elements 0-3 of a tile row added to four pixels of a band row. */
    private static void inputGradientColumns(float[] v0, float[] v1, float[] v2, float[] v3, int from, int c, float[] e,
            int at) {
        for (int k = 0; k < c; k++) {
            float a = v0[from + k], b = v1[from + k], d = v2[from + k], g = v3[from + k];
            e[at + k] += a;
            e[at + c + k] += b - d + g;
            e[at + 2 * c + k] += b + d - a;
            e[at + 3 * c + k] -= g;
        }
    }

    private static boolean inImage(int row, int height) {
        return row >= 0 && row < height;
    }
}
