package nn.api;

import java.util.Arrays;

/**
 * The reference passes of Winograd's F(4x4, 3x3) convolution (Lavin and Gray, 2015) of
 * {@link Kernels}: plain loops whose results a faster implementation must equal bit for bit. A 4x4
 * tile of a 3x3 convolution's outputs comes from a 6x6 input tile d as
 * y = A<sup>T</sup> [U &#8857; (B<sup>T</sup> d B)] A, U = G g G<sup>T</sup> the transformed kernel:
 * <pre>
 *   B<sup>T</sup> = [4  0 -5  0 1 0;      A<sup>T</sup> = [1 1  1 1  1 0;
 *         0 -4 -4  1 1 0;            0 1 -1 2 -2 0;
 *         0  4 -4 -1 1 0;            0 1  1 4  4 0;
 *         0 -2 -1  2 1 0;            0 1 -1 8 -8 1]
 *         0  2 -1 -2 1 0;
 *         0  4  0 -5 0 1]
 * </pre>
 * The gradients go through the transposes: M = A dy A<sup>T</sup>, dd = B dV B<sup>T</sup>. Each
 * side of a transform is one of four line maps (the {@code in}, {@code out}, {@code gradOut} and
 * {@code gradIn} methods, public so that faster passes share them for their leftovers): their
 * expressions, in Java's left-to-right order, are the reference's bits. The coefficients are small integers: products by powers of two are exact,
 * those by 5 and the additions round.
 *
 * <p>Element &#958; = 6 i + j (row i, column j) of a transformed tile lives in the matrix
 * {@code v[&#958;]} (or {@code m[&#958;]}), row-major, one row per tile (sample by sample, tile row
 * by tile row), one column per channel (or filter): each &#958; is then one product. A pass goes
 * over a sample one band (row of tiles) at a time: rows first (whole image rows, contiguous), into
 * 6 band rows of scratch, then columns (tile by tile). Each element is a fixed sequence of float
 * operations, the same for any cut of the samples; nothing is allocated (the caller gives the
 * scratch: {@code band} of at least count x {@link WinogradTiles#bandFloats()} floats).
 */
public final class WinogradOps {
    private static final int OUT = WinogradTiles.OUT;
    private static final int IN = WinogradTiles.IN;

    /** Transformed elements of a tile: 6 x 6. */
    public static final int ELEMENTS = WinogradTiles.IN * WinogradTiles.IN;

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
     * each 6x6 input tile. Tile (ty, tx) reads input rows 4 ty - top .. + 5 and columns 4 tx - left
     * .. + 5, zero outside the image.
     */
    private static void input(float[] x, int sample, WinogradTiles tiles, float[][] v, int firstRow, float[] band,
            int bandOffset) {
        int c = tiles.channels;
        int rowLength = tiles.width * c;
        int bandRow = tiles.bandPixels * c;
        int inside = tiles.left * c;
        for (int i = 0; i < IN; i++) {
            Arrays.fill(band, bandOffset + i * bandRow, bandOffset + i * bandRow + inside, 0f);
            Arrays.fill(band, bandOffset + i * bandRow + inside + rowLength, bandOffset + (i + 1) * bandRow, 0f);
        }
        int sampleStart = sample * tiles.height * rowLength;
        for (int ty = 0; ty < tiles.tilesHigh; ty++) {
            int top = OUT * ty - tiles.top;
            int b = bandOffset + inside;
            for (int q = 0; q < rowLength; q++) {
                float d0 = pixel(x, sampleStart, top, rowLength, q, tiles.height);
                float d1 = pixel(x, sampleStart, top + 1, rowLength, q, tiles.height);
                float d2 = pixel(x, sampleStart, top + 2, rowLength, q, tiles.height);
                float d3 = pixel(x, sampleStart, top + 3, rowLength, q, tiles.height);
                float d4 = pixel(x, sampleStart, top + 4, rowLength, q, tiles.height);
                float d5 = pixel(x, sampleStart, top + 5, rowLength, q, tiles.height);
                for (int i = 0; i < IN; i++) {
                    band[b + i * bandRow + q] = in(i, d0, d1, d2, d3, d4, d5);
                }
            }
            int row = firstRow + ty * tiles.tilesWide;
            for (int tx = 0; tx < tiles.tilesWide; tx++, row++) {
                for (int i = 0; i < IN; i++) {
                    int p = bandOffset + i * bandRow + OUT * tx * c;
                    for (int k = 0; k < c; k++) {
                        float d0 = band[p + k], d1 = band[p + c + k], d2 = band[p + 2 * c + k];
                        float d3 = band[p + 3 * c + k], d4 = band[p + 4 * c + k], d5 = band[p + 5 * c + k];
                        for (int j = 0; j < IN; j++) {
                            v[IN * i + j][row * c + k] = in(j, d0, d1, d2, d3, d4, d5);
                        }
                    }
                }
            }
        }
    }

    /** The sample's outputs z (f channels) = A<sup>T</sup> m A of rows {@code firstRow ..} of m, cut to the output size. */
    private static void output(float[][] m, int firstRow, WinogradTiles tiles, float[] z, int sample, float[] band,
            int bandOffset) {
        int f = tiles.filters;
        int bandRow = OUT * tiles.tilesWide * f;
        int rowLength = tiles.outWidth * f;
        int sampleStart = sample * tiles.outHeight * rowLength;
        for (int ty = 0; ty < tiles.tilesHigh; ty++) {
            int row = firstRow + ty * tiles.tilesWide;
            for (int tx = 0; tx < tiles.tilesWide; tx++, row++) {
                for (int i = 0; i < IN; i++) {
                    int p = bandOffset + i * bandRow + OUT * tx * f;
                    for (int k = 0; k < f; k++) {
                        int from = row * f + k;
                        float m0 = m[IN * i][from], m1 = m[IN * i + 1][from], m2 = m[IN * i + 2][from];
                        float m3 = m[IN * i + 3][from], m4 = m[IN * i + 4][from], m5 = m[IN * i + 5][from];
                        for (int j = 0; j < OUT; j++) {
                            band[p + j * f + k] = out(j, m0, m1, m2, m3, m4, m5);
                        }
                    }
                }
            }
            for (int j = 0; j < OUT && OUT * ty + j < tiles.outHeight; j++) {
                int at = sampleStart + (OUT * ty + j) * rowLength;
                for (int q = 0; q < rowLength; q++) {
                    int p = bandOffset + q;
                    z[at + q] = out(j, band[p], band[p + bandRow], band[p + 2 * bandRow], band[p + 3 * bandRow],
                            band[p + 4 * bandRow], band[p + 5 * bandRow]);
                }
            }
        }
    }

    /** Rows {@code firstRow ..} of M = A dy A<sup>T</sup> for the sample's output gradient dz (zero outside the outputs). */
    private static void outputGradient(float[] dz, int sample, WinogradTiles tiles, float[][] m, int firstRow,
            float[] band, int bandOffset) {
        int f = tiles.filters;
        int bandRow = OUT * tiles.tilesWide * f;
        int rowLength = tiles.outWidth * f;
        for (int i = 0; i < IN; i++) {
            Arrays.fill(band, bandOffset + i * bandRow + rowLength, bandOffset + (i + 1) * bandRow, 0f);
        }
        int sampleStart = sample * tiles.outHeight * rowLength;
        for (int ty = 0; ty < tiles.tilesHigh; ty++) {
            int y = OUT * ty;
            for (int q = 0; q < rowLength; q++) {
                float g0 = pixel(dz, sampleStart, y, rowLength, q, tiles.outHeight);
                float g1 = pixel(dz, sampleStart, y + 1, rowLength, q, tiles.outHeight);
                float g2 = pixel(dz, sampleStart, y + 2, rowLength, q, tiles.outHeight);
                float g3 = pixel(dz, sampleStart, y + 3, rowLength, q, tiles.outHeight);
                for (int i = 0; i < IN; i++) {
                    band[bandOffset + i * bandRow + q] = gradOut(i, g0, g1, g2, g3);
                }
            }
            int row = firstRow + ty * tiles.tilesWide;
            for (int tx = 0; tx < tiles.tilesWide; tx++, row++) {
                for (int i = 0; i < IN; i++) {
                    int p = bandOffset + i * bandRow + OUT * tx * f;
                    for (int k = 0; k < f; k++) {
                        float g0 = band[p + k], g1 = band[p + f + k], g2 = band[p + 2 * f + k], g3 = band[p + 3 * f + k];
                        for (int j = 0; j < IN; j++) {
                            m[IN * i + j][row * f + k] = gradOut(j, g0, g1, g2, g3);
                        }
                    }
                }
            }
        }
    }

    /**
     * The sample's input gradient dx (c channels) = the sum over tiles of B dV B<sup>T</sup> from rows
     * {@code firstRow ..} of dV: each tile's 6x6 added to the band (tiles left to right), each band's
     * rows to dx (bands top to bottom); padding's share dropped.
     */
    private static void inputGradient(float[][] dv, int firstRow, WinogradTiles tiles, float[] dx, int sample, float[] band,
            int bandOffset) {
        int c = tiles.channels;
        int rowLength = tiles.width * c;
        int bandRow = tiles.bandPixels * c;
        int inside = tiles.left * c;
        int sampleStart = sample * tiles.height * rowLength;
        Arrays.fill(dx, sampleStart, sampleStart + tiles.height * rowLength, 0f);
        for (int ty = 0; ty < tiles.tilesHigh; ty++) {
            Arrays.fill(band, bandOffset, bandOffset + IN * bandRow, 0f);
            int row = firstRow + ty * tiles.tilesWide;
            for (int tx = 0; tx < tiles.tilesWide; tx++, row++) {
                for (int i = 0; i < IN; i++) {
                    int p = bandOffset + i * bandRow + OUT * tx * c;
                    for (int k = 0; k < c; k++) {
                        int from = row * c + k;
                        float e0 = dv[IN * i][from], e1 = dv[IN * i + 1][from], e2 = dv[IN * i + 2][from];
                        float e3 = dv[IN * i + 3][from], e4 = dv[IN * i + 4][from], e5 = dv[IN * i + 5][from];
                        for (int j = 0; j < IN; j++) {
                            band[p + j * c + k] += gradIn(j, e0, e1, e2, e3, e4, e5);
                        }
                    }
                }
            }
            int top = OUT * ty - tiles.top;
            for (int j = 0; j < IN; j++) {
                if (inImage(top + j, tiles.height)) {
                    int at = sampleStart + (top + j) * rowLength;
                    for (int q = 0; q < rowLength; q++) {
                        int p = bandOffset + inside + q;
                        dx[at + q] += gradIn(j, band[p], band[p + bandRow], band[p + 2 * bandRow], band[p + 3 * bandRow],
                                band[p + 4 * bandRow], band[p + 5 * bandRow]);
                    }
                }
            }
        }
    }

    /** Element i of B<sup>T</sup> d for a line d of 6 inputs. */
    public static float in(int i, float d0, float d1, float d2, float d3, float d4, float d5) {
        return switch (i) {
            case 0 -> 4f * d0 - 5f * d2 + d4;
            case 1 -> d3 + d4 - 4f * (d1 + d2);
            case 2 -> d4 - d3 + 4f * (d1 - d2);
            case 3 -> d4 - d2 + 2f * (d3 - d1);
            case 4 -> d4 - d2 - 2f * (d3 - d1);
            default -> 4f * d1 - 5f * d3 + d5;
        };
    }

    /** Element j of A<sup>T</sup> m for a line m of 6 transformed values. */
    public static float out(int j, float m0, float m1, float m2, float m3, float m4, float m5) {
        return switch (j) {
            case 0 -> m0 + (m1 + m2) + (m3 + m4);
            case 1 -> m1 - m2 + 2f * (m3 - m4);
            case 2 -> m1 + m2 + 4f * (m3 + m4);
            default -> m1 - m2 + 8f * (m3 - m4) + m5;
        };
    }

    /** Element i of A g for a line g of 4 output gradients. */
    public static float gradOut(int i, float g0, float g1, float g2, float g3) {
        return switch (i) {
            case 0 -> g0;
            case 1 -> g0 + g2 + (g1 + g3);
            case 2 -> g0 + g2 - (g1 + g3);
            case 3 -> g0 + 4f * g2 + (2f * g1 + 8f * g3);
            case 4 -> g0 + 4f * g2 - (2f * g1 + 8f * g3);
            default -> g3;
        };
    }

    /** Element j of B e for a line e of 6 transformed gradients. */
    public static float gradIn(int j, float e0, float e1, float e2, float e3, float e4, float e5) {
        return switch (j) {
            case 0 -> 4f * e0;
            case 1 -> 4f * (e5 - (e1 - e2)) + 2f * (e4 - e3);
            case 2 -> -5f * e0 - 4f * (e1 + e2) - (e3 + e4);
            case 3 -> e1 - e2 - 2f * (e4 - e3) - 5f * e5;
            case 4 -> e0 + (e1 + e2) + (e3 + e4);
            default -> e5;
        };
    }

    /** Value q of the sample's row {@code row}; zero for rows outside [0, height). */
    private static float pixel(float[] image, int sampleStart, int row, int rowLength, int q, int height) {
        return inImage(row, height) ? image[sampleStart + row * rowLength + q] : 0f;
    }

    private static boolean inImage(int row, int height) {
        return row >= 0 && row < height;
    }
}
