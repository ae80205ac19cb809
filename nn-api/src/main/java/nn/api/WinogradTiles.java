package nn.api;

/**
 * How the 4x4 output tiles of Winograd's F(4x4, 3x3) cover a stride-1 3x3 convolution of (height,
 * width, channels) samples into (outHeight, outWidth, filters) ones, channels_last: ceil(out / 4)
 * tiles along each axis, tile (ty, tx) reading the 6x6 input tile from (4 ty - top, 4 tx - left).
 * Tiles that run past the image read zeros there and drop those outputs. See {@link WinogradOps}.
 */
public final class WinogradTiles {
    /** Outputs along each side of a tile. */
    public static final int OUT = 4;
    /** Inputs along each side of a tile: OUT + 2. */
    public static final int IN = 6;

    public final int height;
    public final int width;
    public final int channels;
    public final int filters;
    public final int outHeight;
    public final int outWidth;
    /** Input rows and columns of padding before the image. */
    public final int top;
    public final int left;
    public final int tilesHigh;
    public final int tilesWide;
    /** Input pixels a band (a row of tiles) spans: 4 per tile and 2 more. */
    public final int bandPixels;
    /** Zeros standing for rows outside the image (as long as the longest row, in or out). */
    private final float[] zeroRow;

    public WinogradTiles(int height, int width, int channels, int filters, int outHeight, int outWidth, int top, int left) {
        if (Math.min(Math.min(height, width), Math.min(channels, filters)) < 1 || outHeight < 1 || outWidth < 1) {
            throw new IllegalArgumentException("Winograd tiles need positive sizes, got input " + height + "x" + width + "x"
                    + channels + ", output " + outHeight + "x" + outWidth + "x" + filters);
        }
        if (top < 0 || left < 0 || top > 1 || left > 1 || outHeight > height + 2 * top - 2 || outWidth > width + 2 * left - 2
                || left + width > OUT * ((outWidth + OUT - 1) / OUT) + 2) {
            throw new IllegalArgumentException("Winograd tiles: padding top " + top + " and left " + left + " (0 or 1) and "
                    + "an output of " + outHeight + "x" + outWidth + " do not fit a 3x3 window of stride 1 over " + height
                    + "x" + width + " (\"valid\": 0 and " + (height - 2) + "x" + (width - 2) + ", \"same\": 1 and "
                    + height + "x" + width + ")");
        }
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.filters = filters;
        this.outHeight = outHeight;
        this.outWidth = outWidth;
        this.top = top;
        this.left = left;
        this.tilesHigh = (outHeight + OUT - 1) / OUT;
        this.tilesWide = (outWidth + OUT - 1) / OUT;
        this.bandPixels = OUT * tilesWide + 2;
        this.zeroRow = new float[Math.max(width * channels, outWidth * filters)];
    }

    /** Tiles of one sample: rows of the transformed matrices a sample takes. */
    public int tiles() {
        return tilesHigh * tilesWide;
    }

    /** Scratch floats one sample's pass uses (a band of 6 rows of the wider of input and output). */
    public int bandFloats() {
        return IN * Math.max(bandPixels * channels, OUT * tilesWide * filters);
    }

    /** Floats of one input sample. */
    public int inputSize() {
        return height * width * channels;
    }

    /** Floats of one output sample. */
    public int outputSize() {
        return outHeight * outWidth * filters;
    }

    /**
     * Zeros as long as the longest row of a sample, input or output, for passes that read past the
     * image. Shared by every pass over these tiles: read it, never write it.
     */
    public float[] zeroRow() {
        return zeroRow;
    }
}
